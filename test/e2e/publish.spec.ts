// Publishing in Chromium: "Publish to the shared folder" is offered only with a shared folder set
// (the reason said beside it otherwise); ticked, the status report goes into the folder and the
// history shows where, in English and German; an earlier version is published from the history
// with its downloaded file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { localIsoDate } from '../../shared/iso-date.ts';
import { expect, test } from './fixtures.ts';
import { sharedFolder } from './second-device.ts';

test('a status report published to the shared folder, and an earlier version from its saved file', async ({ page, host }) => {
  const share = sharedFolder();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Create sample project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
    const panel = page.getByRole('region', { name: 'Weekly status report' });
    const publish = panel.getByRole('checkbox', { name: 'Publish to the shared folder' });
    await expect(publish).toBeDisabled();
    await expect(publish).toHaveAccessibleDescription(/No shared folder is set for this computer/);

    // Version 1, before a folder is set: made and downloaded only.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await panel.getByRole('checkbox', { name: 'DOCX' }).uncheck();
    await panel.getByRole('button', { name: 'Make the document' }).click();
    await expect(panel.getByRole('status')).toContainText('Version 1 made');
    await expect.poll(() => downloads.length).toBe(1);
    const first = await downloads[0]!.path();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(share.path);
    await expect(page.getByText('The folder can be reached.')).toBeVisible();
    await page.goBack();

    // Version 2, published as it is made.
    await publish.check();
    await panel.getByRole('button', { name: 'Make the document' }).click();
    const folder = 'fieldbook/exports/Stadtwerke Nordhafen GmbH/Webmail replacement 2027/Status report';
    const v2 = `${folder}/${localIsoDate(new Date())}-v2.pdf`;
    await expect(panel.getByRole('status')).toContainText(`Version 2 made: `);
    await expect(panel.getByRole('status')).toContainText(`Published to the shared folder: ${v2}`);
    expect(existsSync(join(share.path, ...v2.split('/')))).toBe(true);

    const versions = panel.getByRole('table', { name: 'Versions made' });
    const row = (version: number) => versions.getByRole('row').filter({ has: page.getByRole('cell', { name: String(version), exact: true }) });
    await expect(row(2)).toContainText(v2);
    await expect(row(1)).toContainText('Not published');

    // Version 1 from the file downloaded then: checked against its SHA-256, published beside version 2.
    await row(1).getByLabel('Publish version 1 from its saved files…').setInputFiles({ name: 'status.pdf', mimeType: 'application/pdf', buffer: readFileSync(first) });
    const v1 = `${folder}/${localIsoDate(new Date())}-v1.pdf`;
    await expect(row(1)).toContainText(v1);
    expect(readFileSync(join(share.path, ...v1.split('/')))).toEqual(readFileSync(first));

    // The project's list of exports says the same.
    await page.reload();
    const history = page.getByRole('region', { name: 'Exported documents' });
    await expect(history).toContainText(v1);
    await expect(history).toContainText(v2);

    await page.getByLabel('Language', { exact: true }).selectOption('de');
    const historyDe = page.getByRole('region', { name: 'Exportierte Dokumente' });
    await expect(historyDe.getByRole('columnheader', { name: 'Im gemeinsamen Ordner' })).toBeVisible();
    await expect(historyDe).toContainText(v2);
    await expect(page.getByRole('region', { name: 'Wöchentlicher Statusbericht' }).getByRole('checkbox', { name: 'Im gemeinsamen Ordner veröffentlichen' })).toBeEnabled();
  } finally {
    share.remove();
  }
});
