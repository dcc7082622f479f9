// The training record and the lessons-learned report made through the API and the command line,
// as PDF and DOCX, read back: the attendees with a line to sign, their scores and the average, the
// topics and materials; the report's feedback per question and actions with where they went, and
// its confidentiality line ("internal – not for the customer") in both languages, on every page.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import type { MeetingDetail } from '../../shared/meetings/types.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let dir: string;
let core: Core;
let projectId: string;
let trainingId: string;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

beforeEach(() => {
  dir = tempDir();
  core = openTestCore(dir);
  const customer = call<Customer>('customers.create', { name: 'Stadtwerke Nordhafen' });
  const consultancy = call<Customer>('customers.create', { name: 'Fieldbook Consulting' });
  projectId = call<ProjectDetail>('projects.create', { customerId: customer.id, name: 'Webmail 2027' }).project.id;
  const internal = call<ProjectDetail>('projects.create', { customerId: consultancy.id, name: 'Practice improvements' }).project.id;
  const [anja, jonas, oleg, miriam] = [
    call<Person>('people.create', { name: 'Dr. Anja Petersen', side: 'customer', organisation: 'Stadtwerke Nordhafen' }),
    call<Person>('people.create', { name: 'Jonas Weber', side: 'customer', organisation: 'Stadtwerke Nordhafen' }),
    call<Person>('people.create', { name: 'Олег Петров', side: 'customer', organisation: 'Stadtwerke Nordhafen' }),
    call<Person>('people.create', { name: 'Miriam Kaya', side: 'consultancy', organisation: 'Fieldbook Consulting' }),
  ];
  for (const p of [anja, jonas, oleg, miriam]) call('members.add', { projectId, personId: p.id, role: p.side === 'customer' ? 'Mail admin' : 'Trainer' });

  const training = call<MeetingDetail>('meetings.create', { projectId, kind: 'training', title: 'Admin training', startsAt: '2026-12-07T09:00' });
  trainingId = training.meeting.id;
  call('meetings.update', { id: trainingId, durationMinutes: 240, trainerId: miriam.id, trainingAudience: ['admins'], trainingTopicKeys: ['provisioning', 'backup-restore'], trainingCustomTopics: ['Migration of the old webmail'] });
  for (const p of [anja, oleg]) call('meetings.setAttendee', { meetingId: trainingId, personId: p.id, presence: 'present' });
  call('meetings.setAttendee', { meetingId: trainingId, personId: jonas.id, presence: 'apologies' });
  call('training.setFeedback', { meetingId: trainingId, personId: anja.id, score: 5, comment: 'Sehr praxisnah' });
  call('training.setFeedback', { meetingId: trainingId, personId: oleg.id, score: 4, comment: 'More time for provisioning' });
  call('agenda.add', { meetingId: trainingId, title: 'Provisioning hands-on' });
  call('training.addMaterial', { meetingId: trainingId, name: 'admin-slides.pdf', mediaType: 'application/pdf', base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
  call('training.addMaterial', { meetingId: trainingId, name: 'Admin guide', link: 'https://documentation.open-xchange.com/' });

  const retro = call<MeetingDetail>('meetings.create', { projectId, kind: 'retrospective', title: 'Abschlussgespräch', startsAt: '2026-12-18T14:00' });
  call('lessons.update', { projectId, feedbackMeetingId: retro.meeting.id, feedbackBy: 'Dr. Anja Petersen' });
  call('lessons.setFeedback', { projectId, questionKey: 'communication', score: 5, comment: 'Wöchentliche Calls haben geholfen' });
  call('lessons.setFeedback', { projectId, questionKey: 'deadlines', score: 2, comment: 'Go-live two weeks late' });
  call('lessons.addNote', { projectId, kind: 'personal', text: 'Bring the sizing to the first workshop', authorId: miriam.id });
  call('lessons.addNote', { projectId, kind: 'went_well', text: 'Status calls every Friday' });
  call('lessons.addNote', { projectId, kind: 'to_improve', text: 'Ask for test accounts earlier' });
  call('lessons.addAction', { projectId, text: 'Sizing sheet for small installations', ownerId: miriam.id, dueDate: '2027-01-15', followUpProjectId: internal });
  call('lessons.addAction', { projectId, text: 'Checklist template for firewalls', ownerId: miriam.id });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

const exported = (input: object) => call<Promise<ExportResult>>('documents.export', { projectId, formats: ['pdf', 'docx'], ...input });
const pdfText = async (result: ExportResult) => (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).pages.map((p) => p.text);
const docxText = async (result: ExportResult) => (await readDocx(Buffer.from(result.files[1]!.base64, 'base64')))['word/document.xml']!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the training record', () => {
  it('lists the attendance with a column to sign, the scores and their average, topics and materials, in PDF and DOCX', async () => {
    const result = await exported({ document: 'training', meetingId: trainingId, language: 'de' });
    expect(result.files.map((f) => f.fileName)).toEqual(['training-webmail-2027-2026-12-07-v1.pdf', 'training-webmail-2027-2026-12-07-v1.docx']);
    const text = (await pdfText(result)).join(' ');
    for (const expected of [
      'Schulungsnachweis: Admin training',
      'Schulungsleitung Miriam Kaya',
      'Zielgruppe Administratoren',
      'Kontexte und Benutzer anlegen',
      'Migration of the old webmail',
      'Unterschrift',
      'Stadtwerke Nordhafen Dr. Anja Petersen Mail admin Anwesend',
      'Stadtwerke Nordhafen Jonas Weber Mail admin Entschuldigt',
      'Stadtwerke Nordhafen Олег Петров Mail admin Anwesend',
      'Durchschnittliche Bewertung 4,5 von 5 (Bewertungen: 2)',
      'Dr. Anja Petersen 5 / 5 Sehr praxisnah',
      'Олег Петров 4 / 5 More time for provisioning',
      'admin-slides.pdf (angehängte Datei)',
      'https://documentation.open-xchange.com/',
      'Provisioning hands-on',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const docx = await docxText(result);
    for (const expected of ['Schulungsnachweis: Admin training', 'Unterschrift', 'Олег Петров', 'Sehr praxisnah', '4,5 von 5']) expect(docx, expected).toContain(expected);
  });

  it('is made by the command line with --document training --meeting ID, and refused for a meeting that is no training', () => {
    core.close();
    const out = join(tempDir(), 'training.pdf');
    const cli = spawnSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dir, 'export', '--project', projectId, '--document', 'training', '--meeting', trainingId, '--format', 'pdf', '--lang', 'en', '--out', out], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    core = openTestCore(dir);
    const status = call<MeetingDetail>('meetings.create', { projectId, kind: 'status_call' });
    return expect(exported({ document: 'training', meetingId: status.meeting.id, language: 'en' })).rejects.toMatchObject({ code: 'invalid_input', field: 'meetingId' });
  });
});

describe('the lessons-learned and retrospective report', () => {
  it('says it is internal on the cover and every page, in German, with scores, notes and where each action went', async () => {
    const result = await exported({ document: 'lessons', language: 'de' });
    const pages = await pdfText(result);
    for (const page of pages) expect(page).toContain('Intern – nicht für den Kunden');
    const text = pages.join(' ');
    for (const expected of [
      'Erkenntnisse und Retrospektive',
      'Gegeben von Dr. Anja Petersen',
      '18.12.2026 Abschlussgespräch',
      'Durchschnittliche Bewertung 3,5 von 5 (Bewertungen: 2)',
      'Wie zufrieden waren Sie mit der Kommunikation im Projekt? 5 / 5 Wöchentliche Calls haben geholfen',
      'Wie gut wurden Termine und Absprachen eingehalten? 2 / 5 Go-live two weeks late',
      'Bring the sizing to the first workshop (Miriam Kaya)',
      'Status calls every Friday',
      'Ask for test accounts earlier',
      'Sizing sheet for small installations Miriam Kaya 15.01.2027 R-001 · Practice improvements',
      'Checklist template for firewalls Miriam Kaya – Notiz der Retrospektive',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const docx = await docxText(result);
    for (const expected of ['Intern – nicht für den Kunden', 'Wöchentliche Calls haben geholfen', 'R-001 · Practice improvements']) expect(docx, expected).toContain(expected);
    const footer = Object.entries(await readDocx(Buffer.from(result.files[1]!.base64, 'base64'))).filter(([name]) => /word\/footer\d*\.xml/.test(name));
    expect(footer.some(([, xml]) => xml.includes('Intern – nicht für den Kunden'))).toBe(true);
  });

  it('says so in English too, whatever the branding says for customer documents', async () => {
    call('branding.save', { consultancyName: 'Fieldbook Consulting', address: '', logo: null, accent: '#0b5cad', footerText: 'Fieldbook Consulting GmbH', confidentiality: 'Confidential – for the customer' });
    const result = await exported({ document: 'lessons', language: 'en' });
    const pages = await pdfText(result);
    for (const page of pages) expect(page).toContain('Internal – not for the customer');
    expect(pages.join(' ')).not.toContain('Confidential – for the customer');
    const info = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).info;
    expect(JSON.stringify(info)).toContain('Lessons learned and retrospective');
    expect(await docxText(result)).toContain('Internal – not for the customer');
  });
});
