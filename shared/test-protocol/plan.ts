// The test plan a project starts from: the pack's cases whose conditions hold for the latest
// workshop answers (only the authentication method and the features chosen are tested), in the
// pack's order and the language asked for. Pure: the core reads the answers, this decides.
import type { Priority } from '../checklist/types.ts';
import type { Language } from '../i18n/index.ts';
import type { Answers } from '../workshops/answers.ts';
import { holds } from '../workshops/conditions.ts';
import type { TestCaseTemplate } from '../workshops/pack.ts';
import type { TestStep } from './types.ts';

export interface PlannedCase {
  templateKey: string;
  title: string;
  preconditions: string;
  steps: TestStep[];
  priority: Priority;
  topicKeys: string[];
}

/** Whether every condition of the case holds; a topic without a workshop has no answers, so its conditions fail. */
export function caseApplies(template: TestCaseTemplate, answers: ReadonlyMap<string, Answers>): boolean {
  return (template.when ?? []).every((w) => holds(w.holds, answers.get(w.topic) ?? {}));
}

/** The pack's cases that apply, leaving out those the plan has already (by template key). */
export function planCases(templates: readonly TestCaseTemplate[], answers: ReadonlyMap<string, Answers>, language: Language, have: ReadonlySet<string> = new Set()): PlannedCase[] {
  return templates
    .filter((x) => !have.has(x.key) && caseApplies(x, answers))
    .map((x) => ({
      templateKey: x.key,
      title: x.title[language],
      preconditions: x.preconditions?.[language] ?? '',
      steps: x.steps.map((s) => ({ action: s.action[language], expected: s.expected[language] })),
      priority: x.priority,
      topicKeys: x.topics ?? [],
    }));
}
