// A document made from the UI and read back: the branding set once, a meeting recorded, its
// minutes exported as PDF and DOCX in German, both files read with real readers.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Download } from '@playwright/test';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { expect, test } from './fixtures.ts';

test('minutes exported from the meeting page as PDF and DOCX, with the branding', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Branding' }).click();
  await page.getByLabel('Consultancy name').fill('Fieldbook Consulting GmbH');
  await page.getByLabel(/^Confidentiality line/).fill('Vertraulich – nur für Stadtwerke Nordhafen');
  await page.getByLabel(/^Confidentiality line/).blur();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('link', { name: /Webmail/ }).first().click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await expect(page.getByRole('textbox', { name: 'Agenda item 1', exact: true })).toBeFocused();
  await page.keyboard.type('Firewall und Ports');
  await page.keyboard.press('Control+Shift+D');
  await expect(page.getByLabel('New decision')).toBeFocused();
  await page.keyboard.type('Nur Port 993 wird geöffnet');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Decision 1 of item 1')).toHaveValue('Nur Port 993 wird geöffnet');

  const panel = page.getByRole('region', { name: 'Export the minutes' });
  await panel.getByLabel('Language of the document').selectOption('de');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await panel.getByRole('button', { name: 'Make the document' }).click();
  await expect(panel.getByRole('status')).toContainText('Version 1 made');
  await expect.poll(() => downloads.length).toBe(2);
  const byName = Object.fromEntries(await Promise.all(downloads.map(async (d) => [extname(d.suggestedFilename()), readFileSync(await d.path())] as const)));
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([expect.stringMatching(/^minutes-webmail-.*-v1\.docx$/), expect.stringMatching(/^minutes-webmail-.*-v1\.pdf$/)]);

  const pdf = await readPdf(byName['.pdf']!);
  const text = pdf.pages.map((p) => p.text).join(' ');
  expect(text).toContain('Protokoll: Wöchentlicher Statuscall');
  expect(text).toContain('Fieldbook Consulting GmbH');
  expect(text).toContain('Vertraulich – nur für Stadtwerke Nordhafen');
  expect(text).toContain('Nur Port 993 wird geöffnet');
  const docx = await readDocx(byName['.docx']!);
  expect(docx['word/document.xml']).toContain('Nur Port 993 wird geöffnet');

  await expect(panel.getByRole('table', { name: 'Versions made' }).getByRole('row')).toHaveCount(2);

  // The project overview lists every export with its file hashes.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Overview' }).click();
  const history = page.getByRole('region', { name: 'Exported documents' });
  await expect(history.getByRole('row').filter({ hasText: 'Meeting minutes' })).toContainText(/PDF [0-9a-f]{12} · DOCX [0-9a-f]{12}|DOCX [0-9a-f]{12} · PDF [0-9a-f]{12}/);
});
