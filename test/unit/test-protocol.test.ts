// The test protocol's pure parts: the plan from workshop answers, a run's summary and verdict,
// what evidence is taken, and the test cases of a template pack checked on import.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../../shared/limits.ts';
import { evidenceProblem } from '../../shared/test-protocol/evidence.ts';
import { planCases } from '../../shared/test-protocol/plan.ts';
import { frozenReason, summarise } from '../../shared/test-protocol/summary.ts';
import type { Answers } from '../../shared/workshops/answers.ts';
import { checkPack } from '../../shared/workshops/validate-pack.ts';

const packText = readFileSync('resources/packs/ox-app-suite.json', 'utf8');
const checked = checkPack(packText);
if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
const templates = checked.pack.testCases ?? [];

const keys = (answers: Record<string, Answers>, have?: Set<string>) => planCases(templates, new Map(Object.entries(answers)), 'en', have).map((c) => c.templateKey);

describe('the test plan made from the workshop answers', () => {
  it('has the login of the authentication method chosen only, and the IMAP cases of the capabilities announced', () => {
    const plan = keys({ authentication: { authPlugin: 'ldap', passwordChange: 'ldap' }, imap: { capabilities: ['IMAP4rev1', 'SORT', 'QUOTA'] } });
    expect(plan.filter((k) => k.startsWith('login-'))).toEqual(['login-ldap']);
    expect(plan).toContain('password-change');
    expect(plan).toEqual(expect.arrayContaining(['imap-capabilities', 'imap-sort', 'imap-quota']));
    expect(plan).not.toContain('imap-shared-folders');
  });

  it('leaves out what a topic without a workshop cannot confirm, and the password change when it is disabled', () => {
    const plan = keys({ authentication: { authPlugin: 'oidc', passwordChange: 'disabled' } });
    expect(plan).toContain('login-oidc');
    expect(plan).not.toContain('password-change');
    expect(plan).not.toContain('session-stickiness');
    expect(plan).not.toContain('imap-capabilities');
    // Cases without conditions are always in the plan, in the pack's order.
    expect(plan[0]).toBe('load-distribution');
    expect(plan).toContain('support-ticket');
  });

  it('takes the language asked for and leaves out cases the plan already has', () => {
    const answers = new Map([['load-balancing', { stickiness: 'jsessionid' }]]);
    const de = planCases(templates, answers, 'de', new Set(['load-distribution']));
    expect(de[0]).toMatchObject({ templateKey: 'session-stickiness', title: 'Sitzungsbindung (Stickiness)', priority: 'high', topicKeys: ['load-balancing'] });
    expect(de[0]!.steps[0]!.expected).toBe('Die Route nennt einen Knoten.');
  });
});

describe("a run's summary", () => {
  const r = (status: Parameters<typeof summarise>[0][number]['status'], priority: 'low' | 'normal' | 'high' = 'normal') => ({ status, priority });

  it('counts each result and is complete only when every case passed, failed or was waived', () => {
    const open = summarise([r('passed'), r('failed'), r('blocked'), r('retest'), r('untested'), r('waived')]);
    expect(open).toMatchObject({ total: 6, done: 3, complete: false, suggestedVerdict: null });
    expect(open.counts).toEqual({ untested: 1, passed: 1, failed: 1, blocked: 1, retest: 1, waived: 1 });
    expect(summarise([]).complete).toBe(false);
  });

  it('suggests approval, approval with conditions for failures of lower priority, and none for a failed high-priority case', () => {
    expect(summarise([r('passed', 'high'), r('waived')]).suggestedVerdict).toBe('approved');
    expect(summarise([r('passed', 'high'), r('failed', 'normal')]).suggestedVerdict).toBe('approved-with-conditions');
    expect(summarise([r('failed', 'high'), r('passed')]).suggestedVerdict).toBe('not-approved');
  });

  it('names who signed a run off and when as the reason it is frozen', () => {
    expect(frozenReason({ name: 'Run 1', signOff: null })).toBeNull();
    const signatory = (name: string, date: string) => ({ name, role: 'r', organisation: 'o', date });
    expect(frozenReason({ name: 'Run 1', signOff: { customer: signatory('Anja Petersen', '2026-05-04'), consultancy: signatory('Max Berger', '2026-05-05') } })).toBe(
      'the test run "Run 1" was signed off on 2026-05-05 by Anja Petersen and Max Berger and is frozen; start a new run (it supersedes this one)',
    );
  });
});

describe('evidence', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

  it('takes the allowed types within the size limit', () => {
    expect(evidenceProblem('image/png', png)).toBeNull();
    expect(evidenceProblem('text/plain', new TextEncoder().encode('log line'))).toBeNull();
    expect(evidenceProblem('text/plain', new Uint8Array(MAX_EVIDENCE_BYTES))).toBeNull();
  });

  it('refuses an unknown type, a file over the limit, an empty one, and bytes that are not what the type says', () => {
    expect(evidenceProblem('application/x-msdownload', png)).toMatchObject({ field: 'mediaType', message: expect.stringContaining('not a kind of evidence taken') });
    expect(evidenceProblem('text/plain', new Uint8Array(MAX_EVIDENCE_BYTES + 1))).toMatchObject({ field: 'base64', message: expect.stringContaining('up to 5 MB') });
    expect(evidenceProblem('text/plain', new Uint8Array())).toMatchObject({ field: 'base64', message: 'the file is empty' });
    expect(evidenceProblem('image/jpeg', png)).toMatchObject({ field: 'base64', message: expect.stringContaining('not image/jpeg') });
  });
});

describe('test cases in a template pack', () => {
  it('are checked on import: topics and conditions name what the pack has, keys once', () => {
    const pack = JSON.parse(packText) as { testCases: { key: string; topics?: string[]; when?: { topic: string; holds: Record<string, unknown> }[] }[] };
    pack.testCases[1]!.topics = ['load-balancer'];
    pack.testCases[5]!.when = [{ topic: 'authentication', holds: { field: 'authPlugin', equals: 'kerberos' } }];
    pack.testCases[2]!.key = pack.testCases[0]!.key;
    const check = checkPack(JSON.stringify(pack));
    expect(check.ok ? [] : check.problems).toEqual([
      { path: 'testCases[1].topics[0]', message: 'No topic "load-balancer"' },
      { path: 'testCases[5].when[0].holds', message: '"kerberos" is not one of the choices of "authPlugin" (database, imap, ldap, custom, saml, oidc)' },
      { path: 'testCases', message: 'Test case key "load-distribution" is used more than once' },
    ]);
  });
});
