// LibreOffice as a real consumer of our DOCX files: it lays them out with its own fonts and
// metrics, so the pages it makes are what a reader sees, not what our PDF layout expects.
// Where it is not installed (a developer's machine), the tests that need it report themselves skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPage } from './read-documents.ts';

export const SOFFICE = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) ?? null;

/** The DOCX as LibreOffice prints it to PDF, with a profile of its own so runs do not share state. */
export function docxToPdf(docx: Buffer): Buffer {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-lo-'));
  try {
    writeFileSync(join(dir, 'document.docx'), docx);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'document.docx')], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(join(dir, 'document.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For each heading title: the page number its contents entry shows ("2 Title........ 5"; null if
 * none), and the page (counted from 1) the heading itself is on, the next page after the entry's
 * that holds the title.
 */
export function contentsPages(pages: readonly PdfPage[], titles: readonly string[]): { title: string; listed: number | null; actual: number }[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return titles.map((title) => {
    const entry = pages.findIndex((p) => p.text.includes(title));
    const heading = pages.findIndex((p, i) => i > entry && p.text.includes(title));
    if (entry < 0 || heading < 0) throw new Error(`"${title}" is not both in the contents and on a page after it`);
    const listed = new RegExp(`${escape(title)}[ .…]*(\\d+)?`).exec(pages[entry]!.text)![1];
    return { title, listed: listed ? Number(listed) : null, actual: heading + 1 };
  });
}

/** The baselines of the text at the top of a page (the header zone), rounded to the point. */
export function headerBaselines(page: PdfPage, zone = 72): number[] {
  return [...new Set(page.items.filter((i) => i.str.trim() && i.y > page.height - zone).map((i) => Math.round(i.y)))];
}
