// Test protocols: the project's test plan (cases T-001, ... made from the pack and the workshop
// answers, then edited), runs of it, a result per case and run, evidence, the verdict and the
// sign-off. A run keeps each case as the plan worded it when the run started, so that later
// edits to the plan leave it as it was tested. A signed run is frozen: every change to it, its
// results and its evidence is refused with the reason; a later signed run supersedes it.
//
// Which calls make, change and remove each entity:
//   testCase     testCases.makePlan, .create / .update, .move, testRuns.toChecklist (links) / .remove
//   testRun      testRuns.create, .rerun / .update, .confirmVerdict, .signOff / .remove
//   testResult   testRuns.create, .rerun / .setResult, .toChecklist / testRuns.remove (with its run)
//   testEvidence testRuns.attach / testRuns.removeEvidence, testRuns.remove (with its run)
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { evidenceProblem } from '../../../shared/test-protocol/evidence.ts';
import { planCases } from '../../../shared/test-protocol/plan.ts';
import { frozenReason, summarise } from '../../../shared/test-protocol/summary.ts';
import {
  RERUN_STATUSES,
  testCaseNumber,
  type EvidenceFile,
  type EvidenceSummary,
  type TestCase,
  type TestResult,
  type TestRun,
  type TestRunDetail,
  type TestRunSummary,
} from '../../../shared/test-protocol/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { nextFreeNumber } from '../sync/numbers.ts';
import type { FieldChange } from '../write-path.ts';
import { createRequirement, loadRequirement } from './checklist.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { found } from './rows.ts';
import { latestAnswers, projectPack } from './workshops.ts';

const invalid = (field: string, message: string) => new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}` });

/** The row of a case in a run: one per run and case, the same on every device. */
const resultId = (runId: string, caseId: string): string => `${runId}/${caseId}`;

// --- The plan ------------------------------------------------------------------------------------

function loadCase(ctx: Context, id: string, field = 'id'): TestCase {
  const row = ctx.store.orm.select(fieldsOf(t.testCase)).from(t.testCase).where(liveRow(t.testCase, id)).get();
  const { createdAt: _createdAt, ...testCase } = found(row, field, 'test case', id);
  return testCase;
}

export function listCases(ctx: Context, input: ParsedInput<'testCases.list'>): TestCase[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return ctx.store.orm
    .select(fieldsOf(t.testCase))
    .from(t.testCase)
    .where(and(eq(t.testCase.projectId, input.projectId), live(t.testCase)))
    .orderBy(asc(t.testCase.position), asc(t.testCase.number))
    .all()
    .map(({ createdAt: _createdAt, ...c }) => c);
}

/** The plan's links checked: topics of the project's pack, checklist items of the project. */
function checkLinks(ctx: Context, projectId: string, fields: { topicKeys?: string[] | undefined; requirementIds?: string[] | undefined }): void {
  if (fields.topicKeys?.length) {
    const topics = new Set(projectPack(ctx, projectId).topics.map((x) => x.key));
    fields.topicKeys.forEach((k, i) => {
      if (!topics.has(k)) throw invalid(`topicKeys.${i}`, `the project's pack has no workshop topic "${k}"`);
    });
  }
  fields.requirementIds?.forEach((rid, i) => {
    if (loadRequirement(ctx, rid, `requirementIds.${i}`).projectId !== projectId) throw invalid(`requirementIds.${i}`, 'the checklist item belongs to another project');
  });
}

function nextPosition(ctx: Context, projectId: string): number {
  const row = ctx.store.orm.select({ n: sql<number | null>`max(${t.testCase.position})` }).from(t.testCase).where(and(eq(t.testCase.projectId, projectId), live(t.testCase))).get();
  return (row?.n ?? 0) + 1;
}

export function makePlan(ctx: Context, input: ParsedInput<'testCases.makePlan'>): TestCase[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const pack = projectPack(ctx, input.projectId);
  // Removed cases count as had: making the plan again does not bring back what the consultant took out.
  const have = new Set(
    ctx.store.orm
      .select({ key: t.testCase.templateKey })
      .from(t.testCase)
      .where(eq(t.testCase.projectId, input.projectId))
      .all()
      .flatMap((r) => (r.key ? [r.key] : [])),
  );
  const planned = planCases(pack.testCases ?? [], latestAnswers(ctx, input.projectId), input.language, have);
  const number = nextFreeNumber(ctx.store, 'testCase', input.projectId);
  const position = nextPosition(ctx, input.projectId);
  const createdAt = ctx.now().toISOString();
  ctx.store.apply(
    planned.flatMap((c, i) =>
      changesFor('testCase', newId(), {
        projectId: input.projectId,
        number: number + i,
        position: position + i,
        templateKey: c.templateKey,
        title: c.title,
        preconditions: c.preconditions,
        steps: JSON.stringify(c.steps),
        priority: c.priority,
        topicKeys: JSON.stringify(c.topicKeys),
        createdAt,
      }),
    ),
  );
  return listCases(ctx, { projectId: input.projectId });
}

export function createCase(ctx: Context, input: ParsedInput<'testCases.create'>): TestCase {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  checkLinks(ctx, input.projectId, input);
  const id = newId();
  ctx.store.apply(
    changesFor('testCase', id, {
      projectId: input.projectId,
      number: nextFreeNumber(ctx.store, 'testCase', input.projectId),
      position: nextPosition(ctx, input.projectId),
      title: input.title,
      preconditions: input.preconditions,
      steps: JSON.stringify(input.steps ?? []),
      priority: input.priority,
      topicKeys: JSON.stringify(input.topicKeys ?? []),
      requirementIds: JSON.stringify(input.requirementIds ?? []),
      createdAt: ctx.now().toISOString(),
    }),
  );
  return loadCase(ctx, id);
}

export function updateCase(ctx: Context, input: ParsedInput<'testCases.update'>): TestCase {
  const current = loadCase(ctx, input.id);
  const { id, steps, topicKeys, requirementIds, ...fields } = input;
  checkLinks(ctx, current.projectId, { topicKeys, requirementIds });
  ctx.store.apply(
    changesFor('testCase', id, {
      ...fields,
      steps: steps && JSON.stringify(steps),
      topicKeys: topicKeys && JSON.stringify(topicKeys),
      requirementIds: requirementIds && JSON.stringify(requirementIds),
    }),
  );
  return loadCase(ctx, id);
}

export function moveCase(ctx: Context, input: ParsedInput<'testCases.move'>): TestCase[] {
  const moved = loadCase(ctx, input.id);
  const plan = listCases(ctx, { projectId: moved.projectId }).filter((c) => c.id !== moved.id);
  plan.splice(Math.min(input.position, plan.length + 1) - 1, 0, moved);
  // Only the positions that change are written: a move syncs as few changes as it can.
  ctx.store.apply(plan.flatMap((c, i) => (c.position === i + 1 ? [] : changesFor('testCase', c.id, { position: i + 1 }))));
  return listCases(ctx, { projectId: moved.projectId });
}

export function removeCase(ctx: Context, input: ParsedInput<'testCases.remove'>): { id: string } {
  loadCase(ctx, input.id);
  ctx.store.apply(changesFor('testCase', input.id, { deleted: true }));
  return { id: input.id };
}

// --- Runs ----------------------------------------------------------------------------------------

function loadRun(ctx: Context, id: string, field = 'id'): TestRun {
  return found(ctx.store.orm.select(fieldsOf(t.testRun)).from(t.testRun).where(liveRow(t.testRun, id)).get(), field, 'test run', id);
}

/** The run, refused with the reason when it is signed off; the results imported from tools go through it too. */
export function loadOpenRun(ctx: Context, id: string, field = 'id'): TestRun {
  const run = loadRun(ctx, id, field);
  const frozen = frozenReason(run);
  if (frozen) throw invalid(field, frozen);
  return run;
}

function evidenceOf(ctx: Context, runId: string): EvidenceSummary[] {
  return ctx.store.orm
    .select({ id: t.testEvidence.id, resultId: t.testEvidence.resultId, name: t.testEvidence.name, mediaType: t.testEvidence.mediaType, bytes: t.testEvidence.bytes, createdAt: t.testEvidence.createdAt })
    .from(t.testEvidence)
    .where(and(eq(t.testEvidence.runId, runId), live(t.testEvidence)))
    .orderBy(asc(t.testEvidence.createdAt), asc(t.testEvidence.id))
    .all();
}

function resultsOf(ctx: Context, runId: string): TestResult[] {
  const evidence = evidenceOf(ctx, runId);
  return ctx.store.orm
    .select(fieldsOf(t.testResult))
    .from(t.testResult)
    .where(and(eq(t.testResult.runId, runId), live(t.testResult)))
    .orderBy(asc(t.testResult.position), asc(t.testResult.caseNumber))
    .all()
    .map((r) => ({ ...r, evidence: evidence.filter((e) => e.resultId === r.id) }));
}

/** The project's signed runs, oldest first: each is superseded by the next. */
function signedRuns(ctx: Context, projectId: string): { id: string; name: string }[] {
  return ctx.store.orm
    .select({ id: t.testRun.id, name: t.testRun.name })
    .from(t.testRun)
    .where(and(eq(t.testRun.projectId, projectId), live(t.testRun), sql`${t.testRun.signOff} IS NOT NULL`))
    .orderBy(asc(t.testRun.createdAt), asc(t.testRun.id))
    .all();
}

function supersededBy(signed: readonly { id: string; name: string }[], runId: string): { id: string; name: string } | null {
  const at = signed.findIndex((s) => s.id === runId);
  return at >= 0 ? (signed[at + 1] ?? null) : null;
}

export function getRun(ctx: Context, input: ParsedInput<'testRuns.get'>): TestRunDetail {
  const run = loadRun(ctx, input.id);
  const results = resultsOf(ctx, run.id);
  return { run, results, summary: summarise(results), supersededBy: supersededBy(signedRuns(ctx, run.projectId), run.id) };
}

export function listRuns(ctx: Context, input: ParsedInput<'testRuns.list'>): TestRunSummary[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const where = [eq(t.testRun.projectId, input.projectId), live(t.testRun)];
  if (input.requirementId) {
    const runIds = ctx.store.orm
      .select({ runId: t.testResult.runId })
      .from(t.testResult)
      .where(and(eq(t.testResult.requirementId, input.requirementId), live(t.testResult)))
      .all()
      .map((r) => r.runId);
    where.push(inArray(t.testRun.id, runIds));
  }
  const runs = ctx.store.orm.select(fieldsOf(t.testRun)).from(t.testRun).where(and(...where)).orderBy(desc(t.testRun.createdAt), desc(t.testRun.id)).all();
  const signed = signedRuns(ctx, input.projectId);
  return runs.map((run) => {
    const results = ctx.store.orm.select({ status: t.testResult.status, priority: t.testResult.priority }).from(t.testResult).where(and(eq(t.testResult.runId, run.id), live(t.testResult))).all();
    return { ...run, summary: summarise(results), supersededBy: supersededBy(signed, run.id)?.id ?? null };
  });
}

/** The changes that put one case into a run, as it is worded there. */
function resultChanges(runId: string, position: number, c: Pick<TestResult, 'caseId' | 'caseNumber' | 'title' | 'preconditions' | 'steps' | 'priority'>): FieldChange[] {
  return changesFor('testResult', resultId(runId, c.caseId), {
    runId,
    caseId: c.caseId,
    position,
    caseNumber: c.caseNumber,
    title: c.title,
    preconditions: c.preconditions,
    steps: JSON.stringify(c.steps),
    priority: c.priority,
    status: 'untested',
  });
}

export function createRun(ctx: Context, input: ParsedInput<'testRuns.create'>): TestRunDetail {
  const { projectId, ...fields } = input;
  const plan = listCases(ctx, { projectId });
  if (plan.length === 0) throw invalid('projectId', 'the test plan has no cases yet; make the plan from the workshops or add a case first');
  const id = newId();
  ctx.store.apply([
    ...changesFor('testRun', id, { projectId, ...fields, createdAt: ctx.now().toISOString() }),
    ...plan.flatMap((c, i) => resultChanges(id, i + 1, { ...c, caseId: c.id, caseNumber: c.number })),
  ]);
  return getRun(ctx, { id });
}

export function rerun(ctx: Context, input: ParsedInput<'testRuns.rerun'>): TestRunDetail {
  const from = loadRun(ctx, input.id);
  const again = resultsOf(ctx, from.id).filter((r) => RERUN_STATUSES.includes(r.status));
  if (again.length === 0) throw invalid('id', `the test run "${from.name}" has no failed or blocked case to run again`);
  const id = newId();
  ctx.store.apply([
    ...changesFor('testRun', id, {
      projectId: from.projectId,
      name: input.name ?? `${from.name} (re-run)`,
      build: from.build,
      environment: from.environment,
      tester: from.tester,
      previousRunId: from.id,
      createdAt: ctx.now().toISOString(),
    }),
    ...again.flatMap((r, i) => resultChanges(id, i + 1, r)),
  ]);
  return getRun(ctx, { id });
}

export function updateRun(ctx: Context, input: ParsedInput<'testRuns.update'>): TestRunDetail {
  const { id, ...fields } = input;
  const run = loadOpenRun(ctx, id);
  const start = fields.startDate === undefined ? run.startDate : fields.startDate;
  const end = fields.endDate === undefined ? run.endDate : fields.endDate;
  if (start && end && end < start) throw invalid(fields.endDate === undefined ? 'startDate' : 'endDate', `the run would end (${end}) before it starts (${start})`);
  ctx.store.apply(changesFor('testRun', id, fields));
  return getRun(ctx, { id });
}

export function removeRun(ctx: Context, input: ParsedInput<'testRuns.remove'>): { id: string } {
  loadOpenRun(ctx, input.id);
  const results = ctx.store.orm.select({ id: t.testResult.id }).from(t.testResult).where(and(eq(t.testResult.runId, input.id), live(t.testResult))).all();
  ctx.store.apply([
    ...changesFor('testRun', input.id, { deleted: true }),
    ...results.flatMap((r) => changesFor('testResult', r.id, { deleted: true })),
    ...evidenceOf(ctx, input.id).flatMap((e) => changesFor('testEvidence', e.id, { deleted: true })),
  ]);
  return { id: input.id };
}

/** A case of an open run; a case the run does not have is refused, naming the case. */
function openResult(ctx: Context, runId: string, caseId: string): { run: TestRun; result: TestResult } {
  const run = loadOpenRun(ctx, runId, 'runId');
  const result = resultsOf(ctx, runId).find((r) => r.caseId === caseId);
  if (!result) throw invalid('caseId', `the test run "${run.name}" has no case ${caseId}`);
  return { run, result };
}

export function setResult(ctx: Context, input: ParsedInput<'testRuns.setResult'>): TestRunDetail {
  const { runId, caseId, actual, ...fields } = input;
  const { result } = openResult(ctx, runId, caseId);
  if (actual && actual.length > result.steps.length) throw invalid('actual', `${testCaseNumber(result.caseNumber)} has ${result.steps.length} steps; ${actual.length} actual results were given`);
  const testedAt = fields.status === undefined ? undefined : fields.status === 'untested' ? null : ctx.now().toISOString();
  ctx.store.apply(changesFor('testResult', result.id, { ...fields, actual: actual && JSON.stringify(actual), testedAt }));
  return getRun(ctx, { id: runId });
}

export function toChecklist(ctx: Context, input: ParsedInput<'testRuns.toChecklist'>): TestRunDetail {
  const { run, result } = openResult(ctx, input.runId, input.caseId);
  if (result.status !== 'failed') throw invalid('caseId', `${testCaseNumber(result.caseNumber)} has the result "${result.status}"; only a failed case goes on the checklist`);
  if (result.requirementId) return getRun(ctx, { id: run.id });
  const failedSteps = result.steps
    .map((s, i) => ({ s, actual: result.actual[i] ?? '' }))
    .filter((x) => x.actual.trim() !== '')
    .map((x) => `${x.s.action}\n  expected: ${x.s.expected}\n  actual: ${x.actual}`);
  const plan = ctx.store.orm.select({ topicKeys: t.testCase.topicKeys, requirementIds: t.testCase.requirementIds }).from(t.testCase).where(liveRow(t.testCase, result.caseId)).get();
  const item = createRequirement(ctx, {
    projectId: run.projectId,
    title: `${testCaseNumber(result.caseNumber)} ${result.title}: failed in ${run.name}`.slice(0, 500),
    description: [result.comment, ...failedSteps, result.defectRef ? `Defect: ${result.defectRef}` : ''].filter(Boolean).join('\n\n'),
    category: 'Test',
    topicKey: plan?.topicKeys[0] ?? null,
    phase: 'implementation',
    priority: result.priority,
  });
  ctx.store.apply([
    ...changesFor('testResult', result.id, { requirementId: item.id }),
    // The plan's case links the item too, while the case is in the plan.
    ...(plan ? changesFor('testCase', result.caseId, { requirementIds: JSON.stringify([...plan.requirementIds, item.id]) }) : []),
  ]);
  return getRun(ctx, { id: run.id });
}

export function attachEvidence(ctx: Context, input: ParsedInput<'testRuns.attach'>): TestRunDetail {
  const { run, result } = openResult(ctx, input.runId, input.caseId);
  const bytes = Buffer.from(input.base64, 'base64');
  const problem = evidenceProblem(input.mediaType, bytes);
  if (problem) throw invalid(problem.field, problem.message);
  ctx.store.apply(
    changesFor('testEvidence', newId(), {
      runId: run.id,
      resultId: result.id,
      name: input.fileName,
      mediaType: input.mediaType,
      bytes: bytes.length,
      data: bytes.toString('base64'),
      createdAt: ctx.now().toISOString(),
    }),
  );
  return getRun(ctx, { id: run.id });
}

function loadEvidence(ctx: Context, id: string) {
  return found(ctx.store.orm.select(fieldsOf(t.testEvidence)).from(t.testEvidence).where(liveRow(t.testEvidence, id)).get(), 'id', 'evidence', id);
}

export function getEvidence(ctx: Context, input: ParsedInput<'testRuns.evidence'>): EvidenceFile {
  const { data, runId: _runId, ...e } = loadEvidence(ctx, input.id);
  return { ...e, dataUrl: `data:${e.mediaType};base64,${data}` };
}

export function removeEvidence(ctx: Context, input: ParsedInput<'testRuns.removeEvidence'>): TestRunDetail {
  const evidence = loadEvidence(ctx, input.id);
  loadOpenRun(ctx, evidence.runId, 'id');
  ctx.store.apply(changesFor('testEvidence', evidence.id, { deleted: true }));
  return getRun(ctx, { id: evidence.runId });
}

/** Refuses a verdict or a sign-off on a run some of whose cases are still open. */
function requireComplete(detail: TestRunDetail, field: string): void {
  const { summary } = detail;
  if (summary.complete) return;
  const open = summary.total - summary.done;
  throw invalid(field, `the test run "${detail.run.name}" is not complete: ${open} of ${summary.total} cases are not passed, failed or waived yet`);
}

export function confirmVerdict(ctx: Context, input: ParsedInput<'testRuns.confirmVerdict'>): TestRunDetail {
  loadOpenRun(ctx, input.id);
  requireComplete(getRun(ctx, { id: input.id }), 'verdict');
  ctx.store.apply(changesFor('testRun', input.id, { verdict: input.verdict, verdictNote: input.note ?? '', verdictBy: input.name, verdictOn: input.date }));
  return getRun(ctx, { id: input.id });
}

export function signOff(ctx: Context, input: ParsedInput<'testRuns.signOff'>): TestRunDetail {
  const run = loadOpenRun(ctx, input.id);
  requireComplete(getRun(ctx, { id: run.id }), 'id');
  if (!run.verdict) throw invalid('id', `the verdict of the test run "${run.name}" is not confirmed yet; confirm it before the sign-off`);
  const last = input.customer.date > input.consultancy.date ? input.customer.date : input.consultancy.date;
  ctx.store.apply(
    changesFor('testRun', run.id, {
      signOff: JSON.stringify({ customer: input.customer, consultancy: input.consultancy }),
      endDate: run.endDate ?? last,
    }),
  );
  return getRun(ctx, { id: run.id });
}

// --- The document --------------------------------------------------------------------------------

/** A run of the project with its evidence images' bytes: what the test protocol is made from. */
export function testProtocolSource(ctx: Context, runId: string, projectId: string): { detail: TestRunDetail; images: Map<string, string> } {
  const detail = getRun(ctx, { id: runId });
  if (detail.run.projectId !== projectId) throw invalid('runId', 'the test run belongs to another project');
  const images = new Map(
    ctx.store.orm
      .select({ id: t.testEvidence.id, mediaType: t.testEvidence.mediaType, data: t.testEvidence.data })
      .from(t.testEvidence)
      .where(and(eq(t.testEvidence.runId, runId), live(t.testEvidence), inArray(t.testEvidence.mediaType, ['image/png', 'image/jpeg'])))
      .all()
      .map((e) => [e.id, `data:${e.mediaType};base64,${e.data}`]),
  );
  return { detail, images };
}

/** A run's name, for the document's subject. */
export function loadRunName(ctx: Context, runId: string): string {
  return loadRun(ctx, runId, 'runId').name;
}

/** The run's part of its files' names: "run-" and the day it started (or was made). */
export function testRunFileLabel(ctx: Context, runId: string): string {
  const run = loadRun(ctx, runId, 'runId');
  return `run-${(run.startDate ?? run.createdAt.slice(0, 10)).replaceAll('-', '')}`;
}
