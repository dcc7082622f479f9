// A document made from an export panel as PDF only, the way a consultant gets it: the downloaded
// file's name and its text as a PDF reader extracts it (no-break spaces read as spaces).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readPdf } from '../support/read-documents.ts';
import { expect } from './fixtures.ts';

export async function exportedPdf(page: Page, panelName: string): Promise<{ fileName: string; text: string }> {
  const panel = page.getByRole('region', { name: panelName });
  await panel.getByRole('checkbox', { name: 'DOCX' }).uncheck();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Make the document' }).click();
  await expect(panel.getByRole('status')).toContainText(/Version \d+ made/);
  const file = await download;
  const { pages } = await readPdf(readFileSync(await file.path()));
  return {
    fileName: file.suggestedFilename(),
    text: pages
      .map((p) => p.text)
      .join(' ')
      .replace(/[\u00a0\u202f]/g, ' '),
  };
}
