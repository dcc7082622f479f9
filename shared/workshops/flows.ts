// Everything entered once: a field can take its value from where it was first entered (the
// project's key figures, the saved sizing, another topic's answer) until the workshop answers it
// itself. The facts a project has are read here for those flows and for the checks across topics.
// Pure.
import { answerSchema, isAnswered, type AnswerValue, type Answers } from './answers.ts';
import type { CheckValue, PackField, Topic } from './pack.ts';
import type { SizingResult } from './sizing.ts';

/** What a project knows outside one workshop: the latest answers per topic, its key figures, the saved sizing. */
export interface ProjectFacts {
  answers: ReadonlyMap<string, Answers>;
  project: { mailboxes: number | null; concurrentSessions: number | null };
  /** The saved sizing and the mailboxes it was given; null while it has never been saved. */
  sizing: { result: SizingResult; mailboxes: number } | null;
}

/** The value a source holds, or null while it holds none. */
export function readSource(source: CheckValue, facts: ProjectFacts): AnswerValue {
  if ('project' in source) return facts.project[source.project];
  if ('sizing' in source) {
    if (!facts.sizing) return null;
    if (source.sizing === 'mailboxes') return facts.sizing.mailboxes;
    if (source.sizing === 'middlewareNodes') return facts.sizing.result.middleware.nodes;
    return facts.sizing.result.concurrentSessions;
  }
  const answer = facts.answers.get(source.topic)?.[source.field];
  return isAnswered(answer) ? answer! : null;
}

/** The first source of `from` whose value is a valid answer for the field, with that value. */
function flowedValue(field: PackField, facts: ProjectFacts): { source: CheckValue; value: AnswerValue } | null {
  for (const source of field.from ?? []) {
    const value = readSource(source, facts);
    if (isAnswered(value) && answerSchema(field).safeParse(value).success) return { source, value };
  }
  return null;
}

/**
 * A workshop's answers with the values that flow in for the fields it has not answered itself,
 * and where each of those comes from (the form says so beside the field).
 */
export function withFlows(topic: Topic, own: Answers, facts: ProjectFacts): { answers: Answers; flowed: Record<string, CheckValue> } {
  const answers: Answers = { ...own };
  const flowed: Record<string, CheckValue> = {};
  for (const field of topic.fields) {
    if (!field.from || isAnswered(own[field.key])) continue;
    const found = flowedValue(field, facts);
    if (!found) continue;
    answers[field.key] = found.value;
    flowed[field.key] = found.source;
  }
  return { answers, flowed };
}
