// The test protocol as PDF and DOCX, read back from the files: the counts, the verdict, each case
// with its actual result, the evidence image, the open defects and the sign-off of both sides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import type { TestRunDetail } from '../../shared/test-protocol/types.ts';
import type { ImportedResults } from '../../shared/test-results/types.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

beforeEach(() => {
  core = openTestCore();
  projectId = call<ProjectDetail>('projects.createSample', { language: 'de' }).project.id;
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

async function exported(runId: string, language: 'en' | 'de'): Promise<{ pdf: string; docx: string; images: number }> {
  const result = await (core.call('documents.export', { projectId, document: 'test-protocol', runId, formats: ['pdf', 'docx'], language }) as Promise<ExportResult>);
  expect(result.files.map((f) => f.fileName)).toEqual([expect.stringMatching(/^test-protocol-.*-run-\d{8}-v1\.pdf$/), expect.stringMatching(/\.docx$/)]);
  const pdf = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).pages.map((p) => p.text).join(' ');
  const parts = await readDocx(Buffer.from(result.files[1]!.base64, 'base64'));
  const docx = parts['word/document.xml']!.split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join(' ');
  return { pdf: flat(pdf), docx: flat(docx), images: Object.keys(parts).filter((k) => k.startsWith('word/media/')).length };
}

describe('the test protocol', () => {
  it('shows the counts, the verdict, actual results, evidence, open defects and both signatures, in German', async () => {
    call('testCases.makePlan', { projectId, language: 'de' });
    const run = call<TestRunDetail>('testRuns.create', { projectId, name: 'Interne Abnahme', build: '8.21.4', environment: 'staging', startDate: '2026-12-01', tester: 'Miriam Kaya' });
    const [first, second, ...rest] = run.results;
    call('testRuns.setResult', { runId: run.run.id, caseId: first!.caseId, status: 'failed', actual: ['Nur mw1 nimmt Sitzungen an'], defectRef: 'OX-4711' });
    call('testRuns.attach', { runId: run.run.id, caseId: first!.caseId, fileName: 'sitzungen.png', mediaType: 'image/png', base64: PNG });
    call('testRuns.setResult', { runId: run.run.id, caseId: second!.caseId, status: 'waived' });
    for (const r of rest) call('testRuns.setResult', { runId: run.run.id, caseId: r.caseId, status: 'passed' });
    call('testRuns.confirmVerdict', { id: run.run.id, verdict: 'not-approved', name: 'Max Berger', date: '2026-12-03' });
    call('testRuns.signOff', {
      id: run.run.id,
      customer: { name: 'Dr. Anja Petersen', role: 'CIO', organisation: 'Nordhafen Stadtwerke', date: '2026-12-04' },
      consultancy: { name: 'Max Berger', role: 'Projektleiter', organisation: 'Fieldbook Consulting', date: '2026-12-04' },
    });

    const { pdf, docx, images } = await exported(run.run.id, 'de');
    for (const text of [pdf, docx]) {
      expect(text).toContain('Testprotokoll: Interne Abnahme');
      expect(text).toContain('Gesamtergebnis Nicht abgenommen');
      expect(text).toContain(`Bestanden ${rest.length}`);
      expect(text).toContain('Fehlgeschlagen 1');
      expect(text).toContain('Ausgenommen 1');
      expect(text).toContain('Nur mw1 nimmt Sitzungen an');
      expect(text).toContain('Nachweis: sitzungen.png');
      expect(text).toContain('OX-4711');
      expect(text).toContain('Dr. Anja Petersen, CIO');
      expect(text).toContain('unterschrieben am 04.12.2026');
    }
    expect(images).toBeGreaterThan(0);
  });

  it('says an open run is not complete, without verdict nor signatures', async () => {
    call('testCases.makePlan', { projectId, language: 'en' });
    const run = call<TestRunDetail>('testRuns.create', { projectId, name: 'Dry run' });
    const { pdf } = await exported(run.run.id, 'en');
    expect(pdf).toContain('Verdict Not confirmed yet');
    expect(pdf).toContain(`${run.results.length} of ${run.results.length} cases are still open.`);
    expect(pdf).toContain('Not signed off yet.');
  });

  it('carries the JMeter results imported into the run: the statistics table with the p95', async () => {
    call('testCases.makePlan', { projectId, language: 'en' });
    const run = call<TestRunDetail>('testRuns.create', { projectId, name: 'Load test' });
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'jmeter', 'default-header.jtl'));
    const { uploadId } = call<{ uploadId: string }>('testResults.beginUpload', { size: bytes.length });
    call('testResults.uploadPiece', { uploadId, offset: 0, base64: bytes.toString('base64') });
    const imported = await (core.call('testResults.import', { projectId, runId: run.run.id, fileName: 'default-header.jtl', uploadId }) as Promise<ImportedResults>);
    if (imported.kind !== 'jmeter') throw new Error('expected JMeter results');
    const { pdf, docx } = await exported(run.run.id, 'en');
    for (const text of [pdf, docx]) {
      expect(text).toContain('Results imported from tools');
      expect(text).toContain('p95 (ms)');
      expect(text).toContain('default-header.jtl');
    }
    // Hand-computed, nearest rank: Search 10 … 100 ms, p95 the 10th of 10 = 100; Login 100 … 400,
    // p95 the 4th of 4 = 400; of all 14 requests (the transaction left out) the 14th = 400.
    expect(imported.total.p95).toBe(400);
    for (const text of [pdf, docx]) {
      expect(text).toContain('Search 10 0 % 55 50 90 100 100 100');
      expect(text).toContain('Total 14 7.14 % 110.7 70 300 400 400 400');
    }
  });
});
