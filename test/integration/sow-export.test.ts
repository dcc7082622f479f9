// The statement of work as PDF and DOCX, read back: every section, the effort and fee table and
// the payment schedule with the amounts the API worked out (to the cent, as the language writes
// them), signature blocks for both parties; the DOCX valid Open XML that LibreOffice opens; a sent
// version exported as it was sent after version 2 has changed; and the command line's
// `export --document sow --sow ID`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import { formatAmount, formatMoney } from '../../shared/money.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import { docxToPdf, SOFFICE } from '../support/libreoffice.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let dir: string;
let core: Core;
let projectId: string;
let sow: SowDetail;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;
/** Text as both readers give it: no-break spaces as spaces, no line ends. */
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

async function exported(language: 'en' | 'de', id = sow.sow.id): Promise<{ pdf: string; docx: string; docxBytes: Buffer; result: ExportResult }> {
  const result = await (core.call('documents.export', { projectId, document: 'sow', sowId: id, formats: ['pdf', 'docx'], language }) as Promise<ExportResult>);
  const pdf = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).pages.map((p) => p.text).join(' ');
  const docxBytes = Buffer.from(result.files[1]!.base64, 'base64');
  // Word's paragraphs as text: the runs of each joined, paragraphs apart.
  const xml = (await readDocx(docxBytes))['word/document.xml']!;
  const docx = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join(' ');
  return { pdf: flat(pdf), docx: flat(docx.replaceAll('&amp;', '&')), docxBytes, result };
}

beforeEach(() => {
  dir = tempDir();
  core = openTestCore(dir);
  projectId = call<ProjectDetail>('projects.createSample', { language: 'de' }).project.id;
  call('branding.save', { consultancyName: 'Fieldbook Consulting GmbH', address: 'Am Sandtorkai 5\n20457 Hamburg', logo: null, accent: '#0b5cad', footerText: '', confidentiality: 'Vertraulich' });
  sow = call<SowDetail>('sows.create', { projectId, templateKey: 'ox-implementation', fromWorkshops: true, language: 'de' });
  // A discount with an odd share and expenses per trip: cents that must come out right.
  call('sows.update', { id: sow.sow.id, discountBasisPoints: 333, expensesMode: 'perTrip', expenses: { minor: 38_050, currency: 'EUR' }, expensesTrips: 3, frameworkAgreement: 'Rahmenvertrag RV-2026-17' });
  call('sowItems.add', { sowId: sow.sow.id, part: 'effort', role: 'Senior-Berater', description: 'Lasttest', dayHundredths: 175, dailyRate: { minor: 145_033, currency: 'EUR' } });
  sow = call<SowDetail>('sows.send', { id: sow.sow.id, date: '2026-11-30' });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('the SOW document', () => {
  it('has every section, the fee table and payment schedule with the API totals, and both signature blocks (German)', async () => {
    const { pdf, docx, docxBytes } = await exported('de');
    const { totals } = sow;
    const money = (minor: number) => flat(formatMoney(minor, 'EUR', 'de'));
    const amount = (minor: number) => formatAmount(minor, 'EUR', 'de');
    for (const text of [pdf, docx]) {
      for (const heading of [
        'Vertragsparteien und Bezüge',
        'Ausgangslage',
        'Ziele',
        'Leistungsumfang',
        'Im Leistungsumfang enthalten',
        'Nicht im Leistungsumfang enthalten',
        'Lieferergebnisse',
        'Abnahmeverfahren',
        'Meilensteine',
        'Rollen und Verantwortlichkeiten',
        'Annahmen',
        'Abhängigkeiten',
        'Aufwand und Vergütung',
        'Zahlungsplan',
        'Änderungsverfahren',
        'Unterschriften',
      ]) {
        expect(text, heading).toContain(heading);
      }
      expect(text).toContain('SOW-01: Implementierung von Open-Xchange App Suite');
      expect(text).toContain('Rahmenvertrag RV-2026-17');
      expect(text).toContain('Lastverteilung wie vereinbart umgesetzt');
      expect(text).toContain('Der vorhandene F5 terminiert TLS');
      // Every line's amount, then subtotal, discount, expenses and total as the API has them.
      for (const line of totals.lines) expect(text).toContain(amount(line.totalMinor));
      expect(text).toContain(`Zwischensumme ${amount(totals.subtotalMinor)}`);
      expect(text).toContain(`Nachlass von 3,33 % −${amount(totals.discountMinor)}`);
      expect(text).toContain(`Reise- und Nebenkosten: 3 × ${money(38_050)} je Reise ${amount(totals.expensesMinor)}`);
      expect(text).toContain(`Gesamtbetrag ${money(totals.totalMinor)}`);
      for (const payment of totals.payments) expect(text).toContain(amount(payment.amountMinor));
      expect(text).toContain(`Gesamtbetrag 100 % ${money(totals.payments.reduce((s, p) => s + p.amountMinor, 0))}`);
      expect(text).toContain('Testsystem bereit');
      expect(text).toContain('Auftraggeber: Stadtwerke Nordhafen GmbH');
      expect(text).toContain('Auftragnehmer: Fieldbook Consulting GmbH');
      expect(text).toContain('Ort, Datum, Name');
      expect(text).toContain('Dieses Angebot gilt bis zum');
    }
    // The figures the test compares are the API's, and they add up.
    expect(totals.totalMinor).toBe(totals.subtotalMinor - totals.discountMinor + totals.expensesMinor);
    expect(totals.payments.reduce((s, p) => s + p.amountMinor, 0)).toBe(totals.totalMinor);
    const file = join(tempDir(), 'sow.docx');
    writeFileSync(file, docxBytes);
    if (OOXML_VALIDATOR) expect((await validateOoxml(file)).errors).toEqual([]);
  });

  it('writes amounts the English way, and opens in LibreOffice with the same total', async () => {
    const { pdf, docxBytes } = await exported('en');
    expect(pdf).toContain(`Total ${flat(formatMoney(sow.totals.totalMinor, 'EUR', 'en'))}`);
    expect(pdf).toContain(`Discount of 3.33% −${formatAmount(sow.totals.discountMinor, 'EUR', 'en')}`);
    if (!SOFFICE) return;
    const pages = (await readPdf(docxToPdf(docxBytes))).pages.map((p) => p.text).join(' ');
    expect(flat(pages)).toContain(flat(formatMoney(sow.totals.totalMinor, 'EUR', 'en')));
  });

  it('exports a sent version as it was sent, after version 2 changed, and shows who signed', async () => {
    const before = await exported('de');
    const v2 = call<SowDetail>('sows.newVersion', { id: sow.sow.id });
    call('sows.update', { id: v2.sow.id, title: 'Implementierung und Rollout', discountBasisPoints: 1_000 });
    call('customers.update', { id: call<ProjectDetail>('projects.get', { id: projectId }).customer.id, name: 'Stadtwerke Nordhafen AöR' });
    call('sows.sign', { id: sow.sow.id, side: 'customer', name: 'Dr. Anja Petersen', date: '2026-12-02' });
    const after = await exported('de');
    // The body (after the cover and contents) word for word as before, but for the signature.
    const body = (text: string) => text.slice(text.lastIndexOf('Vertragsparteien und Bezüge'));
    expect(after.pdf).toContain('SOW-01: Implementierung von Open-Xchange App Suite');
    expect(after.pdf).not.toContain('Rollout');
    expect(after.pdf).toContain(`Gesamtbetrag ${flat(formatMoney(sow.totals.totalMinor, 'EUR', 'de'))}`);
    expect(after.pdf).toContain('Auftraggeber: Stadtwerke Nordhafen GmbH');
    expect(after.pdf).not.toContain('AöR');
    expect(after.pdf).toContain('Dr. Anja Petersen, unterschrieben am 02.12.2026');
    // The export history counts the version's own exports.
    expect(after.result.version).toBe(before.result.version + 1);
    expect(body(after.docx)).toBe(body(before.docx).replace('Ort, Datum, Name', 'Dr. Anja Petersen, unterschrieben am 02.12.2026'));
  });

  it('is made by the command line with --document sow --sow ID, an unknown id named as --sow', () => {
    core.close();
    const run = (...args: string[]) => spawnSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dir, 'export', '--project', projectId, '--document', 'sow', ...args], { encoding: 'utf8' });
    const out = join(tempDir(), 'SOW-01.pdf');
    const made = run('--sow', sow.sow.id, '--format', 'pdf', '--lang', 'de', '--out', out);
    expect(made.stderr).toBe('');
    expect(JSON.parse(made.stdout)).toMatchObject({ file: out, version: 1 });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const unknown = run('--sow', '01a20f34-fa71-7502-8018-087eb9ad0250', '--format', 'pdf', '--lang', 'de', '--out', join(tempDir(), 'x.pdf'));
    expect(unknown.status).not.toBe(0);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ error: { code: 'not_found', field: '--sow' } });
    const missing = run('--format', 'pdf', '--lang', 'de', '--out', join(tempDir(), 'y.pdf'));
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'invalid_input', field: '--sow' } });
    core = openTestCore(dir);
  });
});
