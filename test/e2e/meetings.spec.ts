// Meetings and the requirements checklist as a consultant uses them, in Chromium against the web
// host: a weekly status call with two action items typed from the keyboard, both on the checklist
// with owner and due date, one marked done in status-call mode, and the item's history saying so;
// then the checklist's filter, sort, bulk change, CSV export and CSV import with bad rows, named in German.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Alle Änderungen gespeichert/ })).toBeVisible();
}

async function openSample(page: Page, url: string, part: 'Meetings' | 'Requirements checklist'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: part }).click();
}

test('a weekly status call: two action items on the checklist, one done in status-call mode, in its history', async ({ page, host }) => {
  await openSample(page, host.url, 'Meetings');
  await expect(page.getByLabel('Kind of meeting')).toHaveValue('status_call');
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Weekly status call' })).toBeVisible();
  await page.getByLabel('Presence of Jonas Weber').selectOption({ label: 'Present' });
  await page.getByLabel('Presence of Lukas Brandt').selectOption({ label: 'Apologies' });

  // Keyboard capture: a new agenda item, a decision and two action items without the mouse.
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await expect(page.getByRole('textbox', { name: 'Agenda item 1', exact: true })).toBeFocused();
  await page.keyboard.type('Firewall and mail ports');
  await page.keyboard.press('Control+Shift+D');
  await expect(page.getByLabel('New decision')).toBeFocused();
  await page.keyboard.type('Only IMAPS on port 993 is opened');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Decision 1 of item 1')).toHaveValue('Only IMAPS on port 993 is opened');

  const addAction = async (what: string, owner: string, due: string) => {
    await page.keyboard.press('Control+Shift+A');
    await expect(page.getByRole('textbox', { name: 'New action item', exact: true })).toBeFocused();
    await page.keyboard.type(what);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: owner });
    await page.getByLabel('Due', { exact: true }).fill(due);
    await page.getByLabel('Due', { exact: true }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'New action item', exact: true })).toHaveValue('');
  };
  await page.getByRole('textbox', { name: 'Agenda item 1', exact: true }).focus();
  await addAction('Open port 993 on the firewall', 'Jonas Weber', '2026-12-04');
  await addAction('Send the LDAP schema', 'Dr. Anja Petersen', '2026-12-11');
  await expect(page.getByLabel('What: R-001')).toHaveValue('Open port 993 on the firewall');
  await expect(page.getByLabel('Organisation side of R-001')).toHaveValue('customer');
  await expect(page.getByLabel('What: R-002')).toHaveValue('Send the LDAP schema');
  await allSaved(page);

  // Both are checklist items, with owner and due date.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Requirements checklist' }).click();
  const table = page.getByRole('table', { name: /Checklist items/ });
  const row = (number: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) });
  await expect(row('R-001')).toContainText('Open port 993 on the firewall');
  await expect(row('R-001')).toContainText('Jonas Weber');
  await expect(row('R-001')).toContainText('Dec 4, 2026');
  await expect(row('R-002')).toContainText('Dr. Anja Petersen');
  await expect(row('R-002')).toContainText('Dec 11, 2026');

  // Status-call mode: the first item comes up; "3" marks it done.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: /^Weekly status call/ }).click();
  await page.getByRole('link', { name: 'Go through the checklist' }).click();
  const card = page.getByRole('region', { name: /R-001 Open port 993/ });
  await expect(card).toBeFocused();
  await expect(card).toContainText('Item 1 of 2');
  await page.keyboard.press('3');
  await expect(card.getByLabel('Status')).toHaveValue('done');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('region', { name: /R-002 Send the LDAP schema/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const minutes = page.getByRole('region', { name: 'Checklist in this call' });
  await expect(minutes).toContainText('Changed (1)');
  await expect(minutes).toContainText('R-001 Open port 993 on the firewall — Status: Open → Done');
  await expect(minutes).toContainText('Reviewed without change (1)');
  await allSaved(page);

  // The item's history says what changed, from what to what, when and where.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Requirements checklist' }).click();
  await table.getByRole('link', { name: 'Open port 993 on the firewall' }).click();
  const panel = page.getByRole('complementary', { name: /R-001/ });
  await expect(panel.getByRole('list').filter({ hasText: 'Status: Open → Done' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Recorded as an action item in a meeting' })).toBeVisible();

  // After a reload the minutes are all there.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: /^Weekly status call/ }).click();
  await page.reload();
  await expect(page.getByLabel('Presence of Jonas Weber')).toHaveValue('present');
  await expect(page.getByRole('textbox', { name: 'Agenda item 1', exact: true })).toHaveValue('Firewall and mail ports');
  await expect(page.getByLabel('Status of R-001')).toHaveValue('done');
});

test('the checklist filters, sorts, changes in bulk, exports and imports CSV', async ({ page, host }) => {
  await openSample(page, host.url, 'Requirements checklist');
  for (const title of ['Backup concept', 'Test accounts for the pilot', 'Backup restore test']) {
    await page.getByLabel('New checklist item').fill(title);
    await page.getByLabel('New checklist item').press('Enter');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
  const table = page.getByRole('table', { name: /Checklist items/ });
  await page.getByLabel('Filter by Title').fill('backup');
  await expect(table.getByRole('link')).toHaveText(['Backup concept', 'Backup restore test']);
  await page.getByRole('button', { name: 'Number' }).click();
  await expect(table.getByRole('columnheader', { name: /Number/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('link')).toHaveText(['Backup restore test', 'Backup concept']);

  await page.getByLabel('Select all 2 items shown').check();
  await page.getByLabel('New status').selectOption({ label: 'Blocked' });
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Blocked' })).toHaveCount(2);
  await page.getByLabel('Filter by Title').fill('');
  await expect(page.getByText('3 of 3 items shown')).toBeVisible();

  // Export what is shown; in German the file uses semicolons, as German Excel expects.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV exportieren' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFNummer;Titel;')).toBe(true);
  expect(csv).toContain('R-001;Backup concept;');
  expect(csv).toContain(';Blockiert;');

  // Import: one good row, one with an unknown status and one with a date that does not exist,
  // which are listed in German and left out.
  await page.getByRole('button', { name: 'CSV importieren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'CSV-Datei in die Checkliste importieren' });
  await dialog.getByLabel('CSV-Datei wählen').setInputFiles({
    name: 'aus-excel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFFTitel;Status;Fällig am\r\nFirewall-Freigabe "IMAPS";In Arbeit;04.12.2026\r\nKaputt;fertig;\r\nFalsches Datum;Offen;31.02.2026\r\n', 'utf8'),
  });
  await expect(dialog.getByRole('status')).toHaveText('3 Zeilen, getrennt durch Semikolons: 1 neu, 0 geändert, 2 Probleme.');
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Zeile 3, Status: „fertig“ ist hier nicht vorgesehen; möglich sind: Offen, In Arbeit, Erledigt, Blockiert, Nicht nötig',
    'Zeile 4, Fällig am: Kein Datum: „31.02.2026“ (so schreiben: 2026-12-01 oder 01.12.2026)',
  ]);
  await dialog.getByRole('button', { name: '1 Zeilen importieren' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Importiert: 1 neu, 0 geändert, 2 ausgelassen.');
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  const tabelle = page.getByRole('table', { name: /Einträge der Checkliste/ });
  await expect(tabelle.getByRole('row').filter({ hasText: 'Firewall-Freigabe "IMAPS"' })).toContainText('In Arbeit');
  await expect(page.getByText('4 von 4 Einträgen angezeigt')).toBeVisible();
});
