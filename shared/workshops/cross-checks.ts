// Checks across topics: what one workshop answered against another, the sizing or the project's
// key figures (the sizing gives 3 middleware nodes, the load balancer lists 4 hosts). The checks
// are data in the pack; this finds which of them hold for a project. Pure.
import { LANGUAGES } from '../i18n/index.ts';
import { formatQuantity } from '../quantity.ts';
import { holds } from './conditions.ts';
import { readSource, type ProjectFacts } from './flows.ts';
import type { CheckValue, CrossCheck, Localized, Pack } from './pack.ts';

export interface Contradiction {
  key: string;
  topics: string[];
  severity: CrossCheck['severity'];
  text: Localized;
}

/** A number the check compares: a number answer or figure, or how many entries a list has. */
function valueOf(source: CheckValue, facts: ProjectFacts): number | null {
  const value = readSource(source, facts);
  if (typeof value === 'number') return value;
  return Array.isArray(value) && value.length > 0 ? value.length : null;
}

const firstKnown = (sources: readonly CheckValue[], facts: ProjectFacts): number | null =>
  sources.map((s) => valueOf(s, facts)).find((v) => v !== null) ?? null;

function findingOf(check: CrossCheck, facts: ProjectFacts): Localized | null {
  if (check.when) {
    const all = check.when.every(({ topic, holds: condition }) => {
      const answers = facts.answers.get(topic);
      return answers !== undefined && holds(condition, answers);
    });
    return all ? check.text : null;
  }
  const { a: aSources, b: bSources, unit, tolerance = 0 } = check.compare!;
  const a = firstKnown(aSources, facts);
  const b = firstKnown(bSources, facts);
  if (a === null || b === null) return null;
  if (Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b))) return null;
  return Object.fromEntries(
    LANGUAGES.map((l) => [l, check.text[l].replace('{a}', formatQuantity(a, unit, l)).replace('{b}', formatQuantity(b, unit, l))]),
  ) as Localized;
}

/** The pack's checks that find a contradiction in this project, in the pack's order. */
export function contradictions(pack: Pack, facts: ProjectFacts): Contradiction[] {
  return (pack.checks ?? []).flatMap((check) => {
    const text = findingOf(check, facts);
    return text ? [{ key: check.key, topics: check.topics, severity: check.severity, text }] : [];
  });
}
