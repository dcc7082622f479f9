// Secrets stay out of every document unless the consultant ticks "include credentials" for that
// one export: every kind in DOCUMENT_KINDS is exported for a project with a credential, read back
// (the PDF's text, the DOCX's parts), and the secret is in none of them. The documents that list
// test accounts (CREDENTIAL_DOCUMENTS) carry it when included, and the history records that; a
// document that lists none refuses the flag, naming it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api.ts';
import type { Core } from '../../electron/core/core.ts';
import { KEY_FILE, keyFile } from '../../electron/core/secrets/key-file.ts';
import type { ChangeRequestDetail } from '../../shared/change-requests/types.ts';
import type { Credential } from '../../shared/credentials/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { CREDENTIAL_DOCUMENTS, DOCUMENT_KINDS, type DocumentExport, type DocumentKind, type ExportResult } from '../../shared/documents/types.ts';
import type { MeetingDetail } from '../../shared/meetings/types.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { TestRunDetail } from '../../shared/test-protocol/types.ts';
import { ApiError } from '../../shared/errors.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

const SECRET = 'Kx9-vault-Sommer2026';
type ExportInput = MethodInput<'documents.export'>;

let dataDir: string;
let core: Core;
let projectId: string;
/** What each kind of document is about, beyond the project: the compiler asks for every new kind. */
let subjects: Record<DocumentKind, Partial<ExportInput>>;

beforeAll(() => {
  dataDir = tempDir();
  // The key file, as the web host and the command line keep it: the missing-key case removes it.
  core = openTestCore(dataDir, { credentialKey: keyFile(dataDir), now: () => Date.parse('2026-11-30T09:00:00Z') });
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  core.call('credentials.create', { projectId, service: 'IMAP', host: 'imap.nordhafen.example', userName: 'test01', secret: SECRET, notes: 'Testpostfach' }) as Credential;
  const meeting = core.call('meetings.create', { projectId, kind: 'status_call', startsAt: '2026-11-30T10:00' }) as MeetingDetail;
  const sow = core.call('sows.create', { projectId, title: 'Implementation' }) as SowDetail;
  const change = core.call('changeRequests.create', { projectId, sowId: sow.sow.id, title: 'Second MX' }) as ChangeRequestDetail;
  core.call('testCases.create', { projectId, title: 'Log in to webmail', steps: [{ action: 'Log in as test01', expected: 'The inbox opens' }] });
  const run = core.call('testRuns.create', { projectId, name: 'Approval run' }) as TestRunDetail;
  const training = core.call('meetings.create', { projectId, kind: 'training', startsAt: '2026-11-30T13:00' }) as MeetingDetail;
  subjects = {
    minutes: { meetingId: meeting.meeting.id },
    checklist: {},
    concept: {},
    status: {},
    sow: { sowId: sow.sow.id },
    'change-request': { changeRequestId: change.changeRequest.id },
    'time-report': { period: { from: '2026-11-01', to: '2026-11-30' } },
    handover: {},
    'test-protocol': { runId: run.run.id },
    training: { meetingId: training.meeting.id },
    lessons: {},
    systems: {},
  };
});
afterAll(() => {
  core.close();
  removeTempDirs();
});

async function exported(document: DocumentKind, extra: Partial<ExportInput> = {}): Promise<{ result: ExportResult; text: string }> {
  const result = (await core.call('documents.export', { projectId, document, ...subjects[document], formats: ['pdf', 'docx'], language: 'de', ...extra })) as ExportResult;
  const bytes = (format: string) => Buffer.from(result.files.find((f) => f.format === format)!.base64, 'base64');
  const pdf = (await readPdf(bytes('pdf'))).pages.map((p) => p.text).join('\n');
  const docx = Object.values(await readDocx(bytes('docx'))).join('\n');
  return { result, text: `${pdf}\n${docx}` };
}

const history = () => core.call('documents.history', { projectId }) as DocumentExport[];

describe('credentials in documents', () => {
  it.each([...DOCUMENT_KINDS])('%s leaves the secret out by default', async (document) => {
    const { result, text } = await exported(document);
    expect(text).not.toContain(SECRET);
    expect(history().find((h) => h.id === result.id)?.includesCredentials).toBe(false);
  });

  it.each(DOCUMENT_KINDS.filter((k) => !CREDENTIAL_DOCUMENTS.includes(k)))('%s lists no test accounts and refuses to include credentials', async (document) => {
    const before = history().length;
    const error = await Promise.resolve()
      .then(() => core.call('documents.export', { projectId, document, ...subjects[document], formats: ['pdf'], language: 'en', includeCredentials: true }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'includeCredentials' });
    expect(history()).toHaveLength(before);
  });

  it.each([...CREDENTIAL_DOCUMENTS])('%s carries the secret when included, and the history says so', async (document) => {
    const { result, text } = await exported(document, { includeCredentials: true });
    expect(text).toContain(SECRET);
    expect(history().find((h) => h.id === result.id)?.includesCredentials).toBe(true);
  });

  it.each([...CREDENTIAL_DOCUMENTS])('%s with credentials but no key fails naming includeCredentials, and without them is made', async (document) => {
    rmSync(join(dataDir, KEY_FILE), { force: true });
    const before = history().length;
    const error = await Promise.resolve()
      .then(() => core.call('documents.export', { projectId, document, ...subjects[document], formats: ['pdf'], language: 'en', includeCredentials: true }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'credential_key', field: 'includeCredentials' });
    expect(history()).toHaveLength(before);
    const { text } = await exported(document);
    expect(text).not.toContain(SECRET);
  });
});
