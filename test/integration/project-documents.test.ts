// The checklist and the weekly status report made through the API, read back: the checklist as
// the list shows it (view, filter, order) grouped by phase; the status report's traffic light,
// items done in the period, due, overdue with owners, decisions needed and next steps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
let jonas: Person;
const TODAY = '2026-11-25';

beforeEach(() => {
  core = openTestCore(undefined, { now: () => Date.parse(`${TODAY}T09:00:00Z`) });
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  jonas = core.call('people.create', { name: 'Jonas Weber', side: 'customer', organisation: 'Stadtwerke Nordhafen' }) as Person;
  core.call('members.add', { projectId, personId: jonas.id });
  const item = (title: string, extra: object) => core.call('requirements.create', { projectId, title, responsibleId: jonas.id, ...extra }) as Requirement;
  item('Firewall-Freigabe Port 993', { phase: 'implementation', dueDate: '2026-11-20', priority: 'high' });
  item('Testkonten anlegen', { phase: 'implementation', dueDate: '2026-12-02' });
  const done = item('Backup-Konzept abgestimmt', { phase: 'concept', dueDate: '2026-11-21' });
  core.call('requirements.update', { id: done.id, status: 'done' });
  core.call('questions.add', { projectId, topicKey: 'authentication', text: 'Welches LDAP-Attribut ist der Login?', ownerId: jonas.id });
  core.call('meetings.create', { projectId, kind: 'status_call', startsAt: '2026-12-02T10:00' });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

const text = async (result: ExportResult) => (await readPdf(Buffer.from(result.files.find((f) => f.format === 'pdf')!.base64, 'base64'))).pages.map((p) => p.text).join(' ');

describe('project documents', () => {
  it('the checklist as the list shows it, grouped by phase', async () => {
    const result = (await core.call('documents.export', {
      projectId,
      document: 'checklist',
      checklist: { view: 'all', filters: { title: 'e' }, search: '', sort: { column: 'dueDate', descending: true }, groupBy: 'phase' },
      formats: ['pdf', 'docx'],
      language: 'de',
    })) as ExportResult;
    const pdf = await text(result);
    expect(pdf).toContain('Anforderungs-Checkliste');
    expect(pdf).toContain('3 Einträge, 1 erledigt, 1 überfällig');
    expect(pdf).toMatch(/Implementierung 0 von 2 erledigt .*R-002 Testkonten anlegen.*R-001 Firewall-Freigabe Port 993/);
    expect(pdf).toMatch(/Konzeption 1 von 1 erledigt .*R-003 Backup-Konzept abgestimmt Jonas Weber/);
    expect(pdf).toContain('Filtern nach Titel e');
    expect((await readDocx(Buffer.from(result.files[1]!.base64, 'base64')))['word/document.xml']).toContain('Testkonten anlegen');
    expect(result.files[0]!.fileName).toBe('checklist-webmail-2027-v1.pdf');
  });

  it('a contents page in the status report, none in the short checklist; pages numbered either way', async () => {
    const pages = async (document: string) => {
      const result = (await core.call('documents.export', { projectId, document, formats: ['pdf', 'docx'], language: 'en' })) as ExportResult;
      const pdf = await readPdf(Buffer.from(result.files[0]!.base64, 'base64'));
      const docx = (await readDocx(Buffer.from(result.files[1]!.base64, 'base64')))['word/document.xml']!;
      return { pdf: pdf.pages, docxContents: docx.includes('PAGEREF') };
    };
    const checklist = await pages('checklist');
    expect(checklist.pdf[1]!.text).toMatch(/^1 Summary .* Page 2 of \d+$/);
    expect(checklist.docxContents).toBe(false);
    const status = await pages('status');
    expect(status.pdf[1]!.text).toMatch(/^Contents .* Page 2 of \d+$/);
    expect(status.docxContents).toBe(true);
  });

  it('the weekly status report: traffic light with reasons, done, due, overdue, decisions, next steps', async () => {
    const result = (await core.call('documents.export', { projectId, document: 'status', formats: ['pdf'], language: 'en' })) as ExportResult;
    const pdf = await text(result);
    expect(result.files[0]!.fileName).toBe(`status-webmail-2027-${TODAY}-v1.pdf`);
    expect(pdf).toContain('Weekly status report');
    // One late item is amber, not a project in trouble.
    expect(pdf).toContain('Overall status Amber — 1 overdue');
    expect(pdf).toMatch(/Done in this period .*R-003 Backup-Konzept abgestimmt Jonas Weber/);
    expect(pdf).toMatch(/Due in the next two weeks .*R-002 Testkonten anlegen Jonas Weber/);
    expect(pdf).toMatch(/Overdue .*R-001 Firewall-Freigabe Port 993 Jonas Weber/);
    expect(pdf).toContain('Authentication: Welches LDAP-Attribut ist der Login? (Jonas Weber)');
    expect(pdf).toMatch(/Next steps .*Weekly status call: Dec 2, 2026 10:00/);
  });

  it('the status report of a chosen period leaves out what was done before it', async () => {
    const result = (await core.call('documents.export', { projectId, document: 'status', period: { from: '2026-11-01', to: '2026-11-10' }, formats: ['pdf'], language: 'en' })) as ExportResult;
    expect(await text(result)).toContain('Nothing finished in this period.');
    expect(() => core.call('documents.export', { projectId, document: 'status', period: { from: '2026-11-10', to: '2026-11-01' }, formats: ['pdf'], language: 'en' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'period.to' }),
    );
  });

  it("the consultant's summary, risks and own light with its reason lead the report; the period's meetings and workshops are listed", async () => {
    core.call('projects.updateStatusNotes', {
      id: projectId,
      summary: 'Die Testumgebung steht.\n\nDie Migration beginnt am 1. Dezember.',
      risks: 'Das LDAP-Schema fehlt noch.',
      light: 'red',
      lightReason: 'Der Go-Live-Termin ist gefährdet',
    });
    const session = core.call('sessions.create', { projectId, topicKey: 'storage', date: '2026-11-24' }) as { id: string };
    expect(session.id).toBeTruthy();
    core.call('meetings.create', { projectId, kind: 'training', startsAt: '2026-11-23T14:00' });
    const pdf = (await text((await core.call('documents.export', { projectId, document: 'status', formats: ['pdf'], language: 'de' })) as ExportResult)).replace(/\s+/g, ' ');
    expect(pdf).toContain('Rot — Der Go-Live-Termin ist gefährdet (nach der Checkliste allein: Gelb — 1 überfällig)');
    expect(pdf).toContain('Die Testumgebung steht. Die Migration beginnt am 1. Dezember.');
    expect(pdf).toMatch(/Risiken Das LDAP-Schema fehlt noch\./);
    expect(pdf).toMatch(/Termine und Workshops im Zeitraum .*23\.11\.2026: Schulung .*24\.11\.2026: Workshop: Speicher/);
    // Taken back, the computed light stands again.
    core.call('projects.updateStatusNotes', { id: projectId, light: null });
    const again = await text((await core.call('documents.export', { projectId, document: 'status', formats: ['pdf'], language: 'de' })) as ExportResult);
    expect(again).toContain('Gelb — 1 überfällig');
  });

  it('names the profile as author, keeps change notes, and counts versions per language', async () => {
    core.call('profile.save', { name: 'Miriam Kaya', email: 'm.kaya@fieldbook.example', role: 'Senior consultant' });
    const exportIn = async (language: 'en' | 'de', changeNote?: string) =>
      (await core.call('documents.export', { projectId, document: 'checklist', formats: ['pdf'], language, ...(changeNote ? { changeNote } : {}) })) as ExportResult;
    expect((await exportIn('en')).version).toBe(1);
    expect((await exportIn('de')).version).toBe(1);
    const second = await exportIn('de', 'Firewall-Freigabe ergänzt');
    expect(second.version).toBe(2);
    const pdf = await readPdf(Buffer.from(second.files[0]!.base64, 'base64'));
    const cover = pdf.pages[0]!.text;
    expect(pdf.info).toMatchObject({ Author: 'Miriam Kaya' });
    expect(cover).toContain('1 25.11.2026 Miriam Kaya Erste Fassung');
    expect(cover).toContain('2 25.11.2026 Miriam Kaya Firewall-Freigabe ergänzt');
    expect(cover).not.toMatch(/Updated|Aktualisiert/);
    const history = core.call('documents.history', { projectId }) as { version: number; language: string; changeNote: string }[];
    expect(history.map((h) => [h.language, h.version, h.changeNote]).sort()).toEqual([
      ['de', 1, ''],
      ['de', 2, 'Firewall-Freigabe ergänzt'],
      ['en', 1, ''],
    ]);
  });

  it('a new meeting has the consultant as minute-taker where the profile is among the project people', () => {
    const miriam = core.call('people.create', { name: 'Miriam Kaya', side: 'consultancy', email: 'M.Kaya@fieldbook.example' }) as Person;
    core.call('members.add', { projectId, personId: miriam.id });
    core.call('profile.save', { name: 'Miriam Kaya', email: 'm.kaya@fieldbook.example', role: '' });
    const meeting = core.call('meetings.create', { projectId, kind: 'workshop' }) as { meeting: { minuteTakerId: string | null } };
    expect(meeting.meeting.minuteTakerId).toBe(miriam.id);
  });
});
