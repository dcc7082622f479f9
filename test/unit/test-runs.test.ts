// Test plans and runs through the API on a real database: the plan from the sample project's
// workshops, results, evidence, the checklist item of a failed case, re-runs, the verdict, and
// the sign-off that freezes a run until a later one supersedes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { MAX_EVIDENCE_BYTES } from '../../shared/limits.ts';
import type { TestCase, TestRunDetail, TestRunSummary } from '../../shared/test-protocol/types.ts';
import { refused as refusedBy } from '../support/refused.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

beforeEach(() => {
  core = openTestCore();
  projectId = call<ProjectDetail>('projects.createSample', { language: 'en' }).project.id;
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

const refused = (method: string, input: unknown): ApiError => refusedBy(core, method, input);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
const signatory = (name: string, date: string) => ({ name, role: 'Project lead', organisation: 'Nordhafen', date });

function planAndRun(): { plan: TestCase[]; run: TestRunDetail } {
  const plan = call<TestCase[]>('testCases.makePlan', { projectId, language: 'en' });
  return { plan, run: call<TestRunDetail>('testRuns.create', { projectId, name: 'Internal approval', build: '8.21', environment: 'staging' }) };
}

function finish(run: TestRunDetail, status = 'passed'): TestRunDetail {
  for (const r of run.results) call('testRuns.setResult', { runId: run.run.id, caseId: r.caseId, status });
  return call<TestRunDetail>('testRuns.get', { id: run.run.id });
}

describe('the test plan', () => {
  it("is made from the sample project's workshops: stickiness as answered there, numbered T-001 on, made once", () => {
    const plan = call<TestCase[]>('testCases.makePlan', { projectId, language: 'de' });
    expect(plan.map((c) => c.templateKey)).toContain('session-stickiness');
    // No authentication workshop yet: no login case.
    expect(plan.some((c) => c.templateKey?.startsWith('login-'))).toBe(false);
    expect(plan[0]).toMatchObject({ number: 1, position: 1, title: 'Lastverteilung auf die Middleware-Knoten' });
    expect(plan.map((c) => c.number)).toEqual(plan.map((_, i) => i + 1));
    expect(call<TestCase[]>('testCases.makePlan', { projectId, language: 'de' })).toHaveLength(plan.length);
  });

  it('takes own cases, a new order, and removals whose numbers are never given again', () => {
    const plan = call<TestCase[]>('testCases.makePlan', { projectId, language: 'en' });
    const own = call<TestCase>('testCases.create', { projectId, title: 'Archive search', steps: [{ action: 'Search the archive', expected: 'Hits in 2 s' }], priority: 'high' });
    expect(own.number).toBe(plan.length + 1);
    const moved = call<TestCase[]>('testCases.move', { id: own.id, position: 1 });
    expect(moved[0]!.id).toBe(own.id);
    expect(moved.map((c) => c.position)).toEqual(moved.map((_, i) => i + 1));
    call('testCases.remove', { id: own.id });
    expect(call<TestCase>('testCases.create', { projectId, title: 'Again' }).number).toBe(plan.length + 2);
    expect(refused('testCases.update', { id: own.id, title: 'x' }).code).toBe('not_found');
    expect(refused('testCases.update', { id: plan[0]!.id, topicKeys: ['nonsense'] }).field).toBe('topicKeys.0');
  });
});

describe('a test run', () => {
  it('records results, actual results per step and evidence; refuses a case outside the run and evidence over the limit or of an unknown type', () => {
    const { run } = planAndRun();
    const first = run.results[0]!;
    expect(run.summary).toMatchObject({ total: run.results.length, done: 0, complete: false });
    const after = call<TestRunDetail>('testRuns.setResult', { runId: run.run.id, caseId: first.caseId, status: 'failed', actual: ['Only one node takes sessions'], defectRef: 'OXUI-1234', elapsedSeconds: 95 });
    expect(after.results[0]).toMatchObject({ status: 'failed', actual: ['Only one node takes sessions'], defectRef: 'OXUI-1234', elapsedSeconds: 95 });
    expect(after.summary.counts.failed).toBe(1);

    const other = call<TestCase>('testCases.create', { projectId, title: 'Not in the run' });
    expect(refused('testRuns.setResult', { runId: run.run.id, caseId: other.id, status: 'passed' })).toMatchObject({ code: 'invalid_input', field: 'caseId' });

    const attached = call<TestRunDetail>('testRuns.attach', { runId: run.run.id, caseId: first.caseId, fileName: 'nodes.png', mediaType: 'image/png', base64: PNG });
    expect(attached.results[0]!.evidence).toMatchObject([{ name: 'nodes.png', mediaType: 'image/png', bytes: Buffer.from(PNG, 'base64').length }]);
    expect(call<{ dataUrl: string }>('testRuns.evidence', { id: attached.results[0]!.evidence[0]!.id }).dataUrl).toBe(`data:image/png;base64,${PNG}`);
    const base = { runId: run.run.id, caseId: first.caseId, fileName: 'x' };
    expect(refused('testRuns.attach', { ...base, mediaType: 'application/x-msdownload', base64: PNG })).toMatchObject({ code: 'invalid_input', field: 'mediaType' });
    expect(refused('testRuns.attach', { ...base, mediaType: 'text/plain', base64: Buffer.alloc(MAX_EVIDENCE_BYTES + 1).toString('base64') })).toMatchObject({ code: 'invalid_input', field: 'base64' });
    expect(refused('testRuns.attach', { ...base, mediaType: 'image/jpeg', base64: PNG })).toMatchObject({ code: 'invalid_input', field: 'base64' });
  });

  it('puts a failed case on the checklist in one step, linked both ways', () => {
    const { run } = planAndRun();
    const caseId = run.results[0]!.caseId;
    call('testRuns.setResult', { runId: run.run.id, caseId, status: 'failed', comment: 'Node 2 never gets a session' });
    const linked = call<TestRunDetail>('testRuns.toChecklist', { runId: run.run.id, caseId });
    const itemId = linked.results[0]!.requirementId!;
    const item = call<{ requirement: Requirement }>('requirements.get', { id: itemId }).requirement;
    expect(item.title).toBe('T-001 Load balancing across the middleware nodes: failed in Internal approval');
    expect(item.description).toContain('Node 2 never gets a session');
    expect(call<TestRunSummary[]>('testRuns.list', { projectId, requirementId: itemId }).map((r) => r.id)).toEqual([run.run.id]);
    expect(call<TestCase[]>('testCases.list', { projectId })[0]!.requirementIds).toEqual([itemId]);
    // Once is enough: asked again, no second item.
    expect(call<TestRunDetail>('testRuns.toChecklist', { runId: run.run.id, caseId }).results[0]!.requirementId).toBe(itemId);
    expect(refused('testRuns.toChecklist', { runId: run.run.id, caseId: run.results[1]!.caseId }).field).toBe('caseId');
  });

  it('re-runs only the failed and blocked cases, as the run worded them', () => {
    const { run } = planAndRun();
    call('testRuns.setResult', { runId: run.run.id, caseId: run.results[0]!.caseId, status: 'failed' });
    call('testRuns.setResult', { runId: run.run.id, caseId: run.results[2]!.caseId, status: 'blocked' });
    call('testRuns.setResult', { runId: run.run.id, caseId: run.results[1]!.caseId, status: 'passed' });
    call('testCases.update', { id: run.results[0]!.caseId, title: 'Reworded later' });
    const again = call<TestRunDetail>('testRuns.rerun', { id: run.run.id });
    expect(again.run).toMatchObject({ name: 'Internal approval (re-run)', build: '8.21', environment: 'staging', previousRunId: run.run.id });
    expect(again.results.map((r) => [r.caseNumber, r.title, r.status])).toEqual([
      [1, run.results[0]!.title, 'untested'],
      [3, run.results[2]!.title, 'untested'],
    ]);
  });

  it('takes a verdict and a sign-off only when complete; signed, it is frozen and every edit is refused with the reason, until a later run supersedes it', () => {
    const { run } = planAndRun();
    expect(refused('testRuns.confirmVerdict', { id: run.run.id, verdict: 'approved', name: 'Max', date: '2026-12-01' }).message).toContain('is not complete');
    const done = finish(run);
    expect(done.summary).toMatchObject({ complete: true, suggestedVerdict: 'approved' });
    const sign = { id: run.run.id, customer: signatory('Anja Petersen', '2026-12-03'), consultancy: signatory('Max Berger', '2026-12-04') };
    expect(refused('testRuns.signOff', sign).message).toContain('not confirmed');
    call('testRuns.confirmVerdict', { id: run.run.id, verdict: 'approved', name: 'Max Berger', date: '2026-12-02' });
    const signed = call<TestRunDetail>('testRuns.signOff', sign);
    expect(signed.run).toMatchObject({ verdict: 'approved', endDate: '2026-12-04', signOff: { customer: { name: 'Anja Petersen' } } });

    const reason = 'the test run "Internal approval" was signed off on 2026-12-04 by Anja Petersen and Max Berger and is frozen; start a new run (it supersedes this one)';
    const caseId = run.results[0]!.caseId;
    for (const [method, input, field] of [
      ['testRuns.setResult', { runId: run.run.id, caseId, status: 'failed' }, 'runId'],
      ['testRuns.update', { id: run.run.id, build: '9' }, 'id'],
      ['testRuns.attach', { runId: run.run.id, caseId, fileName: 'x.png', mediaType: 'image/png', base64: PNG }, 'runId'],
      ['testRuns.confirmVerdict', { id: run.run.id, verdict: 'not-approved', name: 'Max', date: '2026-12-05' }, 'id'],
      ['testRuns.signOff', sign, 'id'],
      ['testRuns.remove', { id: run.run.id }, 'id'],
    ] as const) {
      expect(refused(method, input), method).toMatchObject({ code: 'invalid_input', field, message: `${field}: ${reason}` });
    }

    const later = finish(call<TestRunDetail>('testRuns.create', { projectId, name: 'Second approval' }));
    expect(call<TestRunDetail>('testRuns.get', { id: run.run.id }).supersededBy).toBeNull();
    call('testRuns.confirmVerdict', { id: later.run.id, verdict: 'approved', name: 'Max Berger', date: '2026-12-10' });
    call('testRuns.signOff', { ...sign, id: later.run.id });
    expect(call<TestRunDetail>('testRuns.get', { id: run.run.id }).supersededBy).toEqual({ id: later.run.id, name: 'Second approval' });
  });

  it('refuses a run of an empty plan', () => {
    expect(refused('testRuns.create', { projectId, name: 'Nothing' })).toMatchObject({ code: 'invalid_input', field: 'projectId' });
  });
});
