// Test protocols. Entities (names stable: the results imported from tools, tables/test-results.ts,
// hang off `testRun` by its id):
//   testCase     — a case of a project's test plan, numbered T-001 per project (sync/numbers.ts)
//   testRun      — one execution of the plan: build, environment, dates, tester, verdict, sign-off
//   testResult   — one case in one run (id `${runId}/${caseId}`, so every device writes the same
//                  row): the case as it was when the run started, and what the run found
//   testEvidence — a file attached to a result (screenshot, log), its bytes base64 in the row
// A signed run (signOff set) is frozen: the API refuses every change to it, its results and evidence.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PRIORITIES } from '../../../../shared/checklist/types.ts';
import { ENVIRONMENTS, RESULT_STATUSES, VERDICTS, type SignOff, type TestStep } from '../../../../shared/test-protocol/types.ts';
import { deleted, id } from './columns.ts';

export const testCase = sqliteTable('test_case', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  number: integer('number').notNull().default(0),
  position: integer('position').notNull().default(0),
  templateKey: text('template_key'),
  title: text('title').notNull().default(''),
  preconditions: text('preconditions').notNull().default(''),
  // The steps are edited as a list (added, reordered, removed): one value.
  steps: text('steps', { mode: 'json' }).notNull().$type<TestStep[]>().default([]),
  priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
  topicKeys: text('topic_keys', { mode: 'json' }).notNull().$type<string[]>().default([]),
  requirementIds: text('requirement_ids', { mode: 'json' }).notNull().$type<string[]>().default([]),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
  formerNumbers: text('former_numbers', { mode: 'json' }).notNull().$type<number[]>().default([]),
});

export const testRun = sqliteTable('test_run', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  name: text('name').notNull().default(''),
  build: text('build').notNull().default(''),
  environment: text('environment', { enum: ENVIRONMENTS }).notNull().default('test'),
  startDate: text('start_date'),
  endDate: text('end_date'),
  tester: text('tester').notNull().default(''),
  previousRunId: text('previous_run_id'),
  verdict: text('verdict', { enum: VERDICTS }),
  verdictNote: text('verdict_note').notNull().default(''),
  verdictBy: text('verdict_by').notNull().default(''),
  verdictOn: text('verdict_on'),
  // Both sides at once: a run is signed off as a whole, and from then on frozen.
  signOff: text('sign_off', { mode: 'json' }).$type<SignOff>(),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const testResult = sqliteTable('test_result', {
  id: id(),
  runId: text('run_id').notNull().default(''),
  caseId: text('case_id').notNull().default(''),
  position: integer('position').notNull().default(0),
  caseNumber: integer('case_number').notNull().default(0),
  title: text('title').notNull().default(''),
  preconditions: text('preconditions').notNull().default(''),
  steps: text('steps', { mode: 'json' }).notNull().$type<TestStep[]>().default([]),
  priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
  status: text('status', { enum: RESULT_STATUSES }).notNull().default('untested'),
  actual: text('actual', { mode: 'json' }).notNull().$type<string[]>().default([]),
  comment: text('comment').notNull().default(''),
  elapsedSeconds: integer('elapsed_seconds'),
  defectRef: text('defect_ref').notNull().default(''),
  requirementId: text('requirement_id'),
  testedAt: text('tested_at'),
  deleted: deleted(),
});

export const testEvidence = sqliteTable('test_evidence', {
  id: id(),
  runId: text('run_id').notNull().default(''),
  resultId: text('result_id').notNull().default(''),
  name: text('name').notNull().default(''),
  mediaType: text('media_type').notNull().default(''),
  bytes: integer('bytes').notNull().default(0),
  data: text('data').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});
