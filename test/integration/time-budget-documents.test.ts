// The change request and the time report as PDF and DOCX, read back with real readers: the change
// request's impact and budget effect as the API works them out, both signature blocks; the time
// report's sums equal to the list's (all, billable, per person, per line, per week); the burn
// chart as vector graphics in the PDF and as an SVG picture with its PNG in the DOCX; the DOCX
// valid Open XML that LibreOffice opens; and both made by the command line.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { ChangeRequestDetail } from '../../shared/change-requests/types.ts';
import type { Person, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import { formatAmount, formatMoney } from '../../shared/money.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { ProjectBudget } from '../../shared/time/budget.ts';
import { formatHours } from '../../shared/time/hours.ts';
import type { TimeEntry, TimeTotals } from '../../shared/time/types.ts';
import { docxToPdf, SOFFICE } from '../support/libreoffice.ts';
import { pdfOperators, readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let dir: string;
let core: Core;
let projectId: string;
let sow: SowDetail;
let cr: ChangeRequestDetail;
let miriam: string;
let tim: string;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;
/** Text as both readers give it: no-break spaces as spaces, no line ends. */
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

interface Read {
  pdf: string;
  pdfBytes: Buffer;
  docx: string;
  docxBytes: Buffer;
}

async function exported(input: Record<string, unknown>): Promise<Read> {
  const result = await (core.call('documents.export', { projectId, formats: ['pdf', 'docx'], ...input }) as Promise<ExportResult>);
  const pdfBytes = Buffer.from(result.files[0]!.base64, 'base64');
  const pdf = (await readPdf(pdfBytes)).pages.map((p) => p.text).join(' ');
  const docxBytes = Buffer.from(result.files[1]!.base64, 'base64');
  const xml = (await readDocx(docxBytes))['word/document.xml']!;
  const docx = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join(' ');
  return { pdf: flat(pdf), pdfBytes, docx: flat(docx.replaceAll('&amp;', '&').replaceAll('&quot;', '"')), docxBytes };
}

beforeEach(() => {
  dir = tempDir();
  core = openTestCore(dir, { now: () => Date.parse('2026-11-30T16:00:00Z') });
  const project = call<ProjectDetail>('projects.createSample', { language: 'de' });
  projectId = project.project.id;
  miriam = project.members.find((m) => m.person.side === 'consultancy')!.personId;
  tim = call<Person>('people.create', { name: 'Tim Lorenz', side: 'consultancy' }).id;
  call('members.add', { projectId, personId: tim });
  call('branding.save', { consultancyName: 'Fieldbook Consulting GmbH', address: 'Am Sandtorkai 5\n20457 Hamburg', logo: null, accent: '#0b5cad', footerText: '', confidentiality: 'Vertraulich' });
  const { sow: draft } = call<SowDetail>('sows.create', { projectId, title: 'Pilot' });
  call('sows.update', { id: draft.id, date: '2026-11-02', validUntil: '2027-03-31' });
  call('sowItems.add', { sowId: draft.id, part: 'effort', role: 'Senior-Berater', description: 'Installation', dayHundredths: 1_000, dailyRate: { minor: 145_033, currency: 'EUR' } });
  call('sowItems.add', { sowId: draft.id, part: 'effort', role: 'Trainer', description: 'Schulung', dayHundredths: 500, dailyRate: { minor: 115_000, currency: 'EUR' } });
  call('sowItems.add', { sowId: draft.id, part: 'payment', label: 'Bei Unterzeichnung', percentBasisPoints: 10_000 });
  sow = call<SowDetail>('sows.send', { id: draft.id, date: '2026-11-02' });
  cr = call<ChangeRequestDetail>('changeRequests.create', {
    projectId,
    sowId: sow.sow.id,
    title: 'Zweiter Mandant für Südhafen',
    description: 'Ein zweiter Kontext mit eigener Domäne.',
    reason: 'Die Stadtwerke übernehmen Südhafen.',
    requestedById: project.members.find((m) => m.person.name === 'Dr. Anja Petersen')!.personId,
    effort: [
      { role: 'Senior-Berater', dayHundredths: 175 },
      { role: 'Trainer', dayHundredths: 50 },
    ],
    datesImpact: 'Die Übergabe verschiebt sich um eine Woche.',
    scopeImpact: 'Ein zweiter Mandant mit Branding.',
  });
  const book = (personId: string, date: string, hours: number, line: number, billable = true) =>
    call('time.create', { projectId, personId, sowId: sow.sow.id, lineId: sow.effortLines[line]!.originId, date, hours, billable });
  book(miriam, '2026-11-03', 8, 0);
  book(miriam, '2026-11-04', 7.75, 0);
  book(tim, '2026-11-04', 4.5, 1, false);
  book(miriam, '2026-11-17', 6.25, 0);
  book(tim, '2026-11-24', 8, 1);
  // Outside the period: in the budget, not in the report's sums.
  book(miriam, '2026-10-30', 3, 0);
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('the change request document', () => {
  it('has the impact priced as the API prices it, the budget before and after, and both signature blocks', async () => {
    call('changeRequests.decide', { id: cr.changeRequest.id, status: 'approved', name: 'Dr. Anja Petersen', date: '2026-11-28' });
    const { pdf, docx, docxBytes } = await exported({ document: 'change-request', changeRequestId: cr.changeRequest.id, language: 'de' });
    const amount = (minor: number) => formatAmount(minor, 'EUR', 'de');
    const money = (minor: number) => flat(formatMoney(minor, 'EUR', 'de'));
    const budget = call<ProjectBudget>('budget.get', { projectId }).sows[0]!;
    const { impact } = cr;
    // 1.75 × 1,450.33 = 2,538.0775 → 2,538.08; 0.5 × 1,150.00 = 575.00.
    expect(impact.lines.map((l) => l.totalMinor)).toEqual([253_808, 57_500]);
    for (const text of [pdf, docx]) {
      expect(text).toContain('CR-001: Zweiter Mandant für Südhafen');
      for (const heading of ['Bezug', 'Beschreibung', 'Begründung', 'Auswirkung auf den Aufwand', 'Auswirkung auf Termine', 'Auswirkung auf den Leistungsumfang', 'Auswirkung auf das Budget', 'Genehmigung']) {
        expect(text, heading).toContain(heading);
      }
      expect(text).toContain('SOW-01 „Pilot“, Version 1');
      expect(text).toContain('Dr. Anja Petersen, Stadtwerke Nordhafen');
      expect(text).toContain('Genehmigt von Dr. Anja Petersen am 28.11.2026');
      expect(text).toContain(`Senior-Berater 1,75 ${amount(145_033)} ${amount(253_808)}`);
      expect(text).toContain(`Trainer 0,5 ${amount(115_000)} ${amount(57_500)}`);
      expect(text).toContain(`Summe 2,25 ${money(impact.totalMinor)}`);
      // Without it the SOW's lines alone; with it what the budget now plans.
      expect(text).toContain(`Budget von SOW-01 ohne diese Änderung 15 Tage, ${money(sow.totals.totalMinor)}`);
      expect(text).toContain(`Diese Änderung 2,25 Tage, ${money(impact.totalMinor)}`);
      expect(text).toContain(`Budget von SOW-01 mit dieser Änderung 17,25 Tage, ${money(budget.feesMinor + budget.changeFeesMinor)}`);
      expect(budget.plannedDayHundredths).toBe(1_725);
      expect(text).toContain('Auftraggeber: Stadtwerke Nordhafen GmbH');
      expect(text).toContain('Auftragnehmer: Fieldbook Consulting GmbH');
      expect(text.split('Ort, Datum, Name')).toHaveLength(3);
    }
    const file = join(tempDir(), 'cr.docx');
    writeFileSync(file, docxBytes);
    if (OOXML_VALIDATOR) expect((await validateOoxml(file)).errors).toEqual([]);
  });

  it('says the same in English, and opens in LibreOffice', async () => {
    const { pdf, docxBytes } = await exported({ document: 'change-request', changeRequestId: cr.changeRequest.id, language: 'en' });
    expect(pdf).toContain('Impact on effort');
    expect(pdf).toContain(`Total 2.25 ${flat(formatMoney(cr.impact.totalMinor, 'EUR', 'en'))}`);
    expect(pdf).toContain('Status Proposed');
    if (!SOFFICE) return;
    expect(flat((await readPdf(docxToPdf(docxBytes))).pages.map((p) => p.text).join(' '))).toContain(flat(formatMoney(cr.impact.totalMinor, 'EUR', 'en')));
  });
});

describe('the time report', () => {
  it('sums what the list sums, per person, line and week, and carries the burn chart as vector graphics and as a picture', async () => {
    const { pdf, pdfBytes, docx, docxBytes } = await exported({ document: 'time-report', period: PERIOD, language: 'de' });
    const { totals, entries } = call<{ totals: TimeTotals; entries: TimeEntry[] }>('time.list', { projectId, ...PERIOD });
    const hours = (q: number) => formatHours(q, 'de');
    expect(totals).toMatchObject({ quarterHours: 138, billableQuarterHours: 120 });
    expect(entries).toHaveLength(5);
    for (const text of [pdf, docx]) {
      expect(text).toContain('Zeitnachweis 01.11.2026 – 30.11.2026');
      expect(text).toContain(`Stunden gesamt ${hours(totals.quarterHours)}`);
      expect(text).toContain(`Abrechenbare Stunden ${hours(totals.billableQuarterHours)}`);
      // 34.5 hours are 4.31 days of 8 hours.
      expect(text).toContain('In Tagen zu 8 Stunden 4,31');
      const person = (id: string) => totals.byPerson.find((p) => p.personId === id)!;
      expect(text).toContain(`Miriam Kaya ${hours(person(miriam).quarterHours)} ${hours(person(miriam).billableQuarterHours)}`);
      expect(text).toContain(`Tim Lorenz ${hours(person(tim).quarterHours)} ${hours(person(tim).billableQuarterHours)}`);
      expect(text).toContain('SOW-01 Senior-Berater – Installation 22');
      expect(text).toContain('SOW-01 Trainer – Schulung 12,5');
      expect(text).toContain('KW 45/2026 (ab 02.11.2026) 20,25');
      expect(text).toContain('KW 47/2026 (ab 16.11.2026) 6,25');
      expect(text).toContain('Budget und Verbrauch');
      expect(text).toContain('Geplante und verbrauchte Tage, mit Prognose beim aktuellen Verbrauch');
    }
    // The chart in the PDF: paths, no picture, its legend as text.
    const read = await readPdf(pdfBytes);
    const at = read.pages.findIndex((p) => p.text.includes('Geplante und verbrauchte Tage, mit Prognose'));
    const page = read.pages[at]!.text;
    for (const legend of ['Geplant', 'Verbraucht', 'Prognose', 'Tage', 'Datum']) expect(page, legend).toContain(legend);
    const operators = (await pdfOperators(pdfBytes))[at]!;
    expect(operators.get('constructPath')).toBeGreaterThan(20);
    expect([...operators.keys()].filter((op) => /image/i.test(op))).toEqual([]);
    // In the DOCX: an SVG picture with a PNG beside it.
    const parts = await readDocx(docxBytes);
    expect(Object.keys(parts).filter((n) => n.startsWith('word/media/')).map((n) => n.replace(/.*\./, '')).sort()).toEqual(['png', 'svg']);
    expect(parts['word/document.xml']).toMatch(/<asvg:svgBlip[^>]*r:embed="[^"]+"/);
    const file = join(tempDir(), 'time.docx');
    writeFileSync(file, docxBytes);
    if (OOXML_VALIDATOR) expect((await validateOoxml(file)).errors).toEqual([]);
  });

  it('is refused without its period, naming it', async () => {
    await expect(Promise.resolve().then(() => core.call('documents.export', { projectId, document: 'time-report', formats: ['pdf'], language: 'de' }))).rejects.toMatchObject({ code: 'invalid_input', field: 'period' });
  });
});

it('both are made by the command line: --document change-request --change ID, --document time-report --from --to', () => {
  core.close();
  const run = (...args: string[]) => spawnSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dir, 'export', '--project', projectId, ...args], { encoding: 'utf8' });
  const crFile = join(tempDir(), 'CR-001.pdf');
  const made = run('--document', 'change-request', '--change', cr.changeRequest.id, '--format', 'pdf', '--lang', 'de', '--out', crFile);
  expect(made.stderr).toBe('');
  expect(JSON.parse(made.stdout)).toMatchObject({ file: crFile, version: 1 });
  expect(readFileSync(crFile).subarray(0, 5).toString()).toBe('%PDF-');
  const reportFile = join(tempDir(), 'Zeitnachweis.docx');
  const report = run('--document', 'time-report', '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'docx', '--lang', 'de', '--out', reportFile);
  expect(report.stderr).toBe('');
  expect(readFileSync(reportFile).subarray(0, 2).toString()).toBe('PK');
  const unknown = run('--document', 'change-request', '--change', '01a20f34-fa71-7502-8018-087eb9ad0250', '--format', 'pdf', '--lang', 'de', '--out', join(tempDir(), 'x.pdf'));
  expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'not_found', field: '--change' } });
  const noPeriod = run('--document', 'time-report', '--format', 'pdf', '--lang', 'de', '--out', join(tempDir(), 'y.pdf'));
  expect(JSON.parse(noPeriod.stderr)).toMatchObject({ error: { code: 'invalid_input', field: '--from' } });
  const badDate = run('--document', 'time-report', '--from', '1.11.2026', '--to', PERIOD.to, '--format', 'pdf', '--lang', 'de', '--out', join(tempDir(), 'z.pdf'));
  expect(JSON.parse(badDate.stderr)).toMatchObject({ error: { code: 'invalid_input', field: '--from' } });
  core = openTestCore(dir);
});
