// Conditions over a topic's answers: which fields show, and which derived hints apply.
import { isAnswered, type AnswerValue, type Answers } from './answers.ts';
import type { Condition, Hint, PackField, Topic } from './pack.ts';

function contains(value: AnswerValue | undefined, item: string): boolean {
  return Array.isArray(value) && (value as unknown[]).includes(item);
}

export function holds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.field];
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return isAnswered(value) && value !== condition.notEquals;
  if ('includes' in condition) return contains(value, condition.includes);
  // "Lacks X" speaks only once the list has been given: an empty form raises no warnings.
  if ('excludes' in condition) return isAnswered(value) && !contains(value, condition.excludes);
  return isAnswered(value) === condition.isSet;
}

/** A field shows when it has no condition, or its condition holds and the field it looks at shows. */
export function visibleFields(topic: Topic, answers: Answers): PackField[] {
  const byKey = new Map(topic.fields.map((f) => [f.key, f]));
  const visible = (f: PackField, depth: number): boolean => {
    if (!f.showWhen) return true;
    const parent = byKey.get(f.showWhen.field);
    // Pack validation refuses cycles; the depth bound keeps a bad pack from hanging the UI.
    return depth < topic.fields.length && holds(f.showWhen, answers) && (parent === undefined || visible(parent, depth + 1));
  };
  return topic.fields.filter((f) => visible(f, 0));
}

export function activeHints(topic: Topic, answers: Answers): Hint[] {
  return (topic.hints ?? []).filter((h) => h.when.every((c) => holds(c, answers)));
}
