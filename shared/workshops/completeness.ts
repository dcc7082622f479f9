// How much of a topic is answered: required fields first, then all shown fields. Hidden fields
// (their condition does not hold) count for nothing.
import { isAnswered, type Answers } from './answers.ts';
import { visibleFields } from './conditions.ts';
import type { Topic } from './pack.ts';

export interface Tally {
  answered: number;
  total: number;
}

export interface Completeness {
  required: Tally;
  all: Tally;
  /** Keys of the shown required fields still without an answer, in form order. */
  missingRequired: string[];
}

export function topicCompleteness(topic: Topic, answers: Answers): Completeness {
  const shown = visibleFields(topic, answers);
  const required = shown.filter((f) => f.required);
  const missingRequired = required.filter((f) => !isAnswered(answers[f.key])).map((f) => f.key);
  return {
    required: { answered: required.length - missingRequired.length, total: required.length },
    all: { answered: shown.filter((f) => isAnswered(answers[f.key])).length, total: shown.length },
    missingRequired,
  };
}

export function sumCompleteness(parts: readonly Completeness[]): Completeness {
  const add = (pick: (c: Completeness) => Tally): Tally => ({
    answered: parts.reduce((n, c) => n + pick(c).answered, 0),
    total: parts.reduce((n, c) => n + pick(c).total, 0),
  });
  return { required: add((c) => c.required), all: add((c) => c.all), missingRequired: parts.flatMap((c) => c.missingRequired) };
}

/** Whole per cent, rounded down so that 100 % means truly complete; an empty tally is complete. */
export function percent(t: Tally): number {
  return t.total === 0 ? 100 : Math.floor((t.answered / t.total) * 100);
}
