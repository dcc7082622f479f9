// Template packs: the workshop forms as data. A pack has topics (one per workshop subject, in the
// Initialization or Concept phase); a topic has fields of a few types, conditions that show a
// field only when another answer has a value, required fields, and hints derived from answers.
// Packs are JSON so that a consultancy can write and exchange its own; this schema is what a pack
// must satisfy. Pure data and checks, no I/O.
import { z } from 'zod';
import { SIDES } from '../domain.ts';
import { CURRENCIES } from '../money.ts';
import { UNITS } from '../quantity.ts';

export const localized = z.strictObject({ en: z.string().min(1), de: z.string().min(1) });
export type Localized = z.infer<typeof localized>;

const key = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*$/, 'Expected a key: letters and digits, words joined by "-", starting with a lower-case letter');

/** When a field is shown or a hint applies: one test on another field's answer of the same topic. */
export const condition = z.union([
  z.strictObject({ field: key, equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.strictObject({ field: key, notEquals: z.union([z.string(), z.number(), z.boolean()]) }),
  /** A multi-choice or capability answer containing this value. */
  z.strictObject({ field: key, includes: z.string() }),
  /** A multi-choice or capability answer that has been given but lacks this value. */
  z.strictObject({ field: key, excludes: z.string() }),
  z.strictObject({ field: key, isSet: z.boolean() }),
]);
export type Condition = z.infer<typeof condition>;

const option = z.strictObject({
  value: z.string().min(1),
  label: localized,
  /**
   * The label as it reads inside the field's statement, where the label alone would not: "TLS
   * ends {value}." takes "on the load balancer" / "am Loadbalancer", not "On the load balancer".
   */
  inSentence: localized.optional(),
  /** A sentence of its own for this choice, in place of the field's statement ("Spam is not filtered."). */
  statement: localized.optional(),
});
export type ChoiceOption = z.infer<typeof option>;

/** A value the pack can read outside one workshop: another topic's answer, a key figure of the project, or the saved sizing. */
export const checkValue = z.union([
  z.strictObject({ topic: key, field: key }),
  z.strictObject({ project: z.enum(['mailboxes', 'concurrentSessions']) }),
  z.strictObject({ sizing: z.enum(['mailboxes', 'concurrentSessions', 'middlewareNodes']) }),
]);
export type CheckValue = z.infer<typeof checkValue>;

const common = {
  key,
  label: localized,
  help: localized.optional(),
  required: z.boolean().optional(),
  /** Shown only when this holds; a hidden field is neither required nor counted. */
  showWhen: condition.optional(),
  /** Where the reference says a value comes from (documentation, experience), shown with the help. */
  source: z.string().optional(),
  /**
   * How the implementation concept states the answer, `{value}` standing for it: "Users log in
   * through the {value} plugin." Yes/no fields have one for yes and `statementNo` for no.
   * Answers without one go into the topic's table of further details.
   */
  statement: localized.optional(),
  statementNo: localized.optional(),
  /**
   * Where the value was first entered: until the workshop answers the field itself, it takes
   * the first of these that holds a valid answer (everything is entered once).
   */
  from: z.array(checkValue).optional(),
};

const columnBase = { key, label: localized };
export const tableColumn = z.discriminatedUnion('type', [
  z.strictObject({ ...columnBase, type: z.literal('text') }),
  z.strictObject({ ...columnBase, type: z.literal('number'), unit: z.enum(UNITS).optional() }),
  z.strictObject({ ...columnBase, type: z.literal('bool') }),
  z.strictObject({ ...columnBase, type: z.literal('select'), options: z.array(option).min(1) }),
]);
export type TableColumn = z.infer<typeof tableColumn>;

export const field = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('text'), format: z.enum(['hostname', 'email', 'url']).optional(), default: z.string().optional() }),
  z.strictObject({ ...common, type: z.literal('longtext') }),
  z.strictObject({
    ...common,
    type: z.literal('number'),
    unit: z.enum(UNITS).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    default: z.number().optional(),
  }),
  z.strictObject({ ...common, type: z.literal('bool'), default: z.boolean().optional() }),
  z.strictObject({ ...common, type: z.literal('select'), options: z.array(option).min(1), default: z.string().optional() }),
  z.strictObject({ ...common, type: z.literal('multi'), options: z.array(option).min(1) }),
  z.strictObject({ ...common, type: z.literal('date') }),
  /** One of the project's people. */
  z.strictObject({ ...common, type: z.literal('person') }),
  /** Host names or addresses, one per row. */
  z.strictObject({ ...common, type: z.literal('hostlist') }),
  /** Repeatable rows of the given columns. */
  z.strictObject({ ...common, type: z.literal('table'), columns: z.array(tableColumn).min(1) }),
  /** A pasted server line (IMAP `* CAPABILITY ...`) becomes ticks among these capabilities. */
  z.strictObject({ ...common, type: z.literal('capabilities'), capabilities: z.array(z.string().min(1)).min(1) }),
  /** A PNG or JPEG, stored as a data URL. */
  z.strictObject({ ...common, type: z.literal('image') }),
]);
export type PackField = z.infer<typeof field>;

export const hint = z.strictObject({
  /** All of these must hold. */
  when: z.array(condition).min(1),
  severity: z.enum(['info', 'warning']),
  text: localized,
});
export type Hint = z.infer<typeof hint>;

export const topic = z.strictObject({
  key,
  phase: z.enum(['initialization', 'concept']),
  title: localized,
  /** What the workshop on this topic settles, shown above the form. */
  intro: localized.optional(),
  fields: z.array(field).min(1),
  hints: z.array(hint).optional(),
});
export type Topic = z.infer<typeof topic>;


/**
 * A contradiction between answers of different topics (or an answer and the sizing or the
 * project's key figures): shown in the workshops of `topics` and listed in the concept as an open
 * point while it holds. Either two values that should agree (`compare`; the first known value of
 * each list, silent while either is unknown), or conditions on answers that must not all hold
 * (`when`). `{a}` and `{b}` in the text stand for the two values, written with `unit`.
 */
export const crossCheck = z
  .strictObject({
    key,
    topics: z.array(key).min(1),
    severity: z.enum(['info', 'warning']),
    text: localized,
    compare: z
      .strictObject({
        a: z.array(checkValue).min(1),
        b: z.array(checkValue).min(1),
        unit: z.enum(UNITS),
        /** How far apart the two may be, as a share of the larger (0.1: within 10 %). */
        tolerance: z.number().min(0).max(1).optional(),
      })
      .optional(),
    when: z.array(z.strictObject({ topic: key, holds: condition })).min(1).optional(),
  })
  .refine((c) => (c.compare === undefined) !== (c.when === undefined), { message: 'A check has either "compare" or "when"' });
export type CrossCheck = z.infer<typeof crossCheck>;

/** A decimal with at most two places, as a pack author writes days (2.5), rates (1450) and percentages (30). */
const twoPlaces = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals' });

/**
 * A statement of work to start from: its texts, deliverables, milestones, roles, effort lines with
 * their daily rates (in `currency`) and a payment schedule whose shares add up to 100 %, every
 * text in both languages. The consultant edits everything once it is an SOW.
 */
export const sowTemplate = z.strictObject({
  key,
  title: localized,
  currency: z.enum(CURRENCIES),
  /** Days from the SOW's date until the offer lapses. */
  validityDays: z.number().int().min(1).max(365).optional(),
  texts: z
    .strictObject({
      background: localized,
      objectives: localized,
      scopeIn: localized,
      scopeOut: localized,
      acceptanceProcedure: localized,
      assumptions: localized,
      dependencies: localized,
      changeControl: localized,
    })
    .partial(),
  deliverables: z.array(z.strictObject({ title: localized, acceptanceCriteria: localized })),
  milestones: z.array(z.strictObject({ key, title: localized })),
  roles: z.array(z.strictObject({ side: z.enum(SIDES), role: localized, responsibilities: localized })),
  effort: z.array(z.strictObject({ role: localized, description: localized, days: twoPlaces(10_000), dailyRate: twoPlaces(1_000_000) })),
  /** `milestone` names the milestone (its key) the payment falls due with. */
  payments: z.array(z.strictObject({ label: localized, percent: twoPlaces(100), milestone: key.optional() })),
});
export type SowTemplate = z.infer<typeof sowTemplate>;

/**
 * A case of the test plan for the internal approval: steps each with the result expected, the
 * workshop topics it tests and, like a form field's `showWhen`, conditions on workshop answers
 * (all must hold) so that a project's plan has only the features and methods it chose.
 */
export const testCaseTemplate = z.strictObject({
  key,
  title: localized,
  preconditions: localized.optional(),
  steps: z.array(z.strictObject({ action: localized, expected: localized })).min(1),
  priority: z.enum(['low', 'normal', 'high']),
  topics: z.array(key).optional(),
  when: z.array(z.strictObject({ topic: key, holds: condition })).min(1).optional(),
});
export type TestCaseTemplate = z.infer<typeof testCaseTemplate>;

/** A topic a training can cover, and whom it is mostly for (both when not said). */
export const trainingTopic = z.strictObject({
  key,
  title: localized,
  audience: z.enum(['admins', 'first_level']).optional(),
});
export type TrainingTopic = z.infer<typeof trainingTopic>;

/** A question the customer answers with a score of 1 to 5 when the project closes (lessons learned). */
export const feedbackQuestion = z.strictObject({ key, text: localized });
export type FeedbackQuestion = z.infer<typeof feedbackQuestion>;

export const pack = z.strictObject({
  /** Stable across versions: a newer version of the same pack replaces the older one. */
  id: key,
  version: z.number().int().min(1),
  name: localized,
  description: localized.optional(),
  topics: z.array(topic).min(1),
  checks: z.array(crossCheck).optional(),
  sowTemplates: z.array(sowTemplate).optional(),
  testCases: z.array(testCaseTemplate).optional(),
  trainingTopics: z.array(trainingTopic).optional(),
  feedbackQuestions: z.array(feedbackQuestion).optional(),
});
export type Pack = z.infer<typeof pack>;

export function packRef(p: Pick<Pack, 'id' | 'version'>): string {
  return `${p.id}@${p.version}`;
}
