// Checks across topics: what one workshop answered against another, the sizing or the project's
// key figures (the sizing gives 3 middleware nodes, the load balancer lists 4 hosts). The checks
// are data in the pack; this finds which of them hold for a project. Pure.
import { LANGUAGES } from '../i18n/index.ts';
import { formatQuantity } from '../quantity.ts';
import type { Answers } from './answers.ts';
import { holds } from './conditions.ts';
import type { CheckValue, CrossCheck, Localized, Pack } from './pack.ts';
import type { SizingResult } from './sizing.ts';

/** What the checks read: the latest answers per topic, the project's key figures, the saved sizing. */
export interface CheckFacts {
  answers: ReadonlyMap<string, Answers>;
  project: { mailboxes: number | null; concurrentSessions: number | null };
  /** The saved sizing and the mailboxes it was given; null while it has never been saved. */
  sizing: { result: SizingResult; mailboxes: number } | null;
}

export interface Contradiction {
  key: string;
  topics: string[];
  severity: CrossCheck['severity'];
  text: Localized;
}

function valueOf(source: CheckValue, facts: CheckFacts): number | null {
  if ('project' in source) return facts.project[source.project];
  if ('sizing' in source) {
    if (!facts.sizing) return null;
    if (source.sizing === 'mailboxes') return facts.sizing.mailboxes;
    if (source.sizing === 'middlewareNodes') return facts.sizing.result.middleware.nodes;
    return facts.sizing.result.concurrentSessions;
  }
  const answer = facts.answers.get(source.topic)?.[source.field];
  if (typeof answer === 'number') return answer;
  if (Array.isArray(answer) && answer.length > 0) return answer.length;
  return null;
}

const firstKnown = (sources: readonly CheckValue[], facts: CheckFacts): number | null =>
  sources.map((s) => valueOf(s, facts)).find((v) => v !== null) ?? null;

function findingOf(check: CrossCheck, facts: CheckFacts): Localized | null {
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
export function contradictions(pack: Pack, facts: CheckFacts): Contradiction[] {
  return (pack.checks ?? []).flatMap((check) => {
    const text = findingOf(check, facts);
    return text ? [{ key: check.key, topics: check.topics, severity: check.severity, text }] : [];
  });
}
