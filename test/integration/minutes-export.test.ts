// Meeting minutes made through the API and the command line, read back: who came by
// organisation, decisions, action items with owners, page numbers; versions counting up with the
// file hashes in the export history; unknown ids refused with no file and no history.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import type { DocumentExport, ExportResult } from '../../shared/documents/types.ts';
import type { AgendaItem, MeetingDetail } from '../../shared/meetings/types.ts';
import { docxToPdf, headerBaselines, SOFFICE } from '../support/libreoffice.ts';
import { readDocx, readPdf, type PdfPage } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let dir: string;
let core: Core;
let projectId: string;
let meetingId: string;

beforeEach(() => {
  dir = tempDir();
  core = openTestCore(dir);
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  const people = [
    core.call('people.create', { name: 'Jonas Weber', side: 'customer', organisation: 'Stadtwerke Nordhafen' }),
    core.call('people.create', { name: 'Miriam Kaya', side: 'consultancy', organisation: 'Fieldbook Consulting' }),
    core.call('people.create', { name: 'Олег Петров', side: 'partner', organisation: 'Hanse Hosting' }),
  ] as Person[];
  for (const p of people) core.call('members.add', { projectId, personId: p.id, role: 'Team' });
  const meeting = core.call('meetings.create', { projectId, kind: 'status_call', startsAt: '2026-11-27T10:00' }) as MeetingDetail;
  meetingId = meeting.meeting.id;
  core.call('meetings.update', { id: meetingId, chairId: people[1]!.id, minuteTakerId: people[1]!.id, place: 'https://meet.example/ox' });
  core.call('meetings.setAttendee', { meetingId, personId: people[0]!.id, presence: 'present' });
  core.call('meetings.setAttendee', { meetingId, personId: people[2]!.id, presence: 'apologies' });
  const item = core.call('agenda.add', { meetingId, title: 'Firewall und Ports' }) as AgendaItem;
  core.call('agenda.update', { id: item.id, notes: 'IMAPS und Submission sind beantragt.' });
  core.call('agenda.decide', { agendaItemId: item.id, text: 'Nur Port 993 wird geöffnet' });
  core.call('requirements.create', { projectId, agendaItemId: item.id, title: 'Port 993 freigeben', responsibleId: people[0]!.id, ownerSide: 'customer', dueDate: '2026-12-04' });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

const exportMinutes = (formats: string[], language = 'de') =>
  core.call('documents.export', { projectId, document: 'minutes', meetingId, formats, language }) as Promise<ExportResult>;

describe('minutes through the API', () => {
  it('hold the meeting, attendees by organisation, decisions and action items, in PDF and DOCX', async () => {
    const result = await exportMinutes(['pdf', 'docx']);
    expect(result.version).toBe(1);
    expect(result.files.map((f) => f.fileName)).toEqual(['minutes-webmail-2027-2026-11-27-v1.pdf', 'minutes-webmail-2027-2026-11-27-v1.docx']);
    const pdf = await readPdf(Buffer.from(result.files[0]!.base64, 'base64'));
    const text = pdf.pages.map((p) => p.text).join(' ');
    for (const expected of [
      'Protokoll: Wöchentlicher Statuscall',
      'Stadtwerke Nordhafen Jonas Weber Team Anwesend',
      'Hanse Hosting Олег Петров Team Entschuldigt',
      'Leitung Miriam Kaya',
      'Nur Port 993 wird geöffnet',
      'R-001 Port 993 freigeben Jonas Weber Kunde 04.12.2026 Offen',
      'IMAPS und Submission sind beantragt.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(pdf.pages[1]!.text).toMatch(/Seite 2 von \d+/);
    const docx = await readDocx(Buffer.from(result.files[1]!.base64, 'base64'));
    expect(docx['word/document.xml']).toContain('Nur Port 993 wird geöffnet');
    expect(docx['word/document.xml']).toContain('Олег Петров');
    const file = join(tempDir(), 'minutes.docx');
    writeFileSync(file, Buffer.from(result.files[1]!.base64, 'base64'));
    if (OOXML_VALIDATOR) expect((await validateOoxml(file)).errors).toEqual([]);
  });

  it('count versions up and keep each file hash in the history; the revision table lists earlier versions', async () => {
    const first = await exportMinutes(['pdf'], 'en');
    const second = await exportMinutes(['docx', 'pdf'], 'en');
    expect([first.version, second.version]).toEqual([1, 2]);
    const history = core.call('documents.history', { projectId }) as DocumentExport[];
    expect(history.map((h) => [h.version, h.language, Object.keys(h.hashes).sort()])).toEqual([
      [2, 'en', ['docx', 'pdf']],
      [1, 'en', ['pdf']],
    ]);
    for (const file of second.files) {
      expect(history[0]!.hashes[file.format]).toBe(createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex'));
    }
    const cover = (await readPdf(Buffer.from(second.files.find((f) => f.format === 'pdf')!.base64, 'base64'))).pages[0]!.text;
    expect(cover).toMatch(/1 [A-Z][a-z]{2} \d{1,2}, \d{4} .* First version/);
    expect(cover).toMatch(/2 [A-Z][a-z]{2} \d{1,2}, \d{4} .* Updated/);
  });

  it('refuse an unknown meeting or another project’s meeting, writing no history', async () => {
    const before = dumpDatabase(core);
    await expect(core.call('documents.export', { projectId, document: 'minutes', meetingId: '01937c5e-0000-7000-8000-000000000000', formats: ['pdf'], language: 'en' })).rejects.toMatchObject({
      code: 'not_found',
      field: 'meetingId',
    });
    expect(dumpDatabase(core)).toEqual(before);
    const customer = core.call('customers.create', { name: 'Other' }) as Customer;
    const other = (core.call('projects.create', { customerId: customer.id, name: 'Other' }) as ProjectDetail).project.id;
    const before2 = dumpDatabase(core);
    await expect(core.call('documents.export', { projectId: other, document: 'minutes', meetingId, formats: ['pdf'], language: 'en' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'meetingId',
    });
    expect(dumpDatabase(core)).toEqual(before2);
  });
});

/** The text of the lowest line of body text on a page, above the footer. */
function lastLine(page: PdfPage): string {
  const body = page.items.filter((item) => item.str.trim() && item.y > 50 && item.y < page.height - 60);
  const y = Math.min(...body.map((item) => item.y));
  return body
    .filter((item) => Math.abs(item.y - y) < 1)
    .map((item) => item.str)
    .join(' ');
}

describe('the layout of the minutes', () => {
  it('has no contents page: a short document starts on the page after the cover, in PDF and DOCX', async () => {
    const result = await exportMinutes(['pdf', 'docx']);
    const pdf = await readPdf(Buffer.from(result.files[0]!.base64, 'base64'));
    expect(pdf.pages[1]!.text).toMatch(/^1 Besprechung /);
    expect(pdf.pages.map((p) => p.text).join(' ')).not.toContain('Inhalt');
    const body = (await readDocx(Buffer.from(result.files[1]!.base64, 'base64')))['word/document.xml']!;
    expect(body.includes('Inhalt') || body.includes('PAGEREF') || body.includes('TOC \\'), 'a contents in the DOCX').toBe(false);
  });

  it('keeps the decisions and action items of an agenda item with their heading, wherever the page ends', async () => {
    // Agenda items of one to fourteen lines put the labels everywhere on the pages.
    for (let n = 1; n <= 14; n++) {
      const added = core.call('agenda.add', { meetingId, title: `Punkt ${n}` }) as AgendaItem;
      core.call('agenda.update', { id: added.id, notes: Array.from({ length: n }, (_, l) => `Notiz ${l + 1}`).join('\n') });
      core.call('agenda.decide', { agendaItemId: added.id, text: `Beschluss ${n}` });
      core.call('requirements.create', { projectId, agendaItemId: added.id, title: `Aufgabe ${n}`, ownerSide: 'customer' });
    }
    const result = await exportMinutes(['pdf', 'docx']);
    const pdf = await readPdf(Buffer.from(result.files[0]!.base64, 'base64'));
    expect(pdf.pages.length).toBeGreaterThan(3);
    const endings = pdf.pages.slice(1, -1).map(lastLine);
    for (const label of ['Entscheidungen', 'Aufgaben']) expect(endings, label).not.toContain(label);
    // In the DOCX they are headings too, which Word and LibreOffice keep with the next paragraph.
    const body = (await readDocx(Buffer.from(result.files[1]!.base64, 'base64')))['word/document.xml']!;
    expect(body).toMatch(/<w:pStyle w:val="Heading3"\/>(?:(?!<\/w:p>).)*>Aufgaben</s);
  });

  it.skipIf(!SOFFICE)('keeps the page header of the DOCX on one line in LibreOffice, with a long meeting title and consultancy name', async () => {
    core.call('branding.save', { consultancyName: 'Fieldbook Consulting für Groupware-Einführungen GmbH & Co. KG', address: '', logo: null, accent: '#0b5cad', footerText: '', confidentiality: '' });
    core.call('meetings.update', { id: meetingId, title: 'Workshop Authentifizierung, Provisionierung und Single Sign-on mit den Stadtwerken' });
    const result = await exportMinutes(['docx']);
    const pdf = await readPdf(docxToPdf(Buffer.from(result.files[0]!.base64, 'base64')));
    for (const [i, page] of pdf.pages.entries()) if (i > 0) expect(headerBaselines(page), `page ${i + 1}: ${page.text}`).toHaveLength(1);
  }, 180_000);
});

describe('minutes through the command line', () => {
  const BIN = 'electron/cli/fieldbook.ts';
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--data-dir', dir, ...args], { encoding: 'utf8' });

  it('writes the file whole under its name, and nothing on an error', () => {
    core.close();
    const out = join(tempDir(), 'Protokoll.pdf');
    const ok = run('export', '--project', projectId, '--document', 'minutes', '--meeting', meetingId, '--format', 'pdf', '--lang', 'de', '--out', out);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(ok.stdout)).toMatchObject({ file: out, version: 1 });
    expect(readdirSync(join(out, '..'))).toEqual(['Protokoll.pdf']);

    // The project's documents need no meeting.
    for (const document of ['checklist', 'concept', 'status']) {
      const file = join(tempDir(), `${document}.docx`);
      const made = run('export', '--project', projectId, '--document', document, '--format', 'docx', '--lang', 'en', '--out', file);
      expect(made.status, made.stderr).toBe(0);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }

    const missing = join(tempDir(), 'missing.docx');
    const bad = run('export', '--project', projectId, '--document', 'minutes', '--meeting', '01937c5e-0000-7000-8000-000000000000', '--format', 'docx', '--lang', 'de', '--out', missing);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'not_found', field: '--meeting' } });
    expect(existsSync(missing)).toBe(false);

    const wrong = run('export', '--project', projectId, '--document', 'minutes', '--meeting', meetingId, '--format', 'odt', '--lang', 'de', '--out', missing);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: { code: 'invalid_input', field: '--format' } });
    expect(existsSync(missing)).toBe(false);
    core = openTestCore(dir);
  });
});
