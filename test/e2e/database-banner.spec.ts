// A damaged database as the consultant meets it, in Chromium against the web host: the window
// says it is open read-only and why, in either language (German as a German consultant writes it),
// offers the newest backup by its date, says beside a field that a change was refused in the UI
// language, and after the restore works on the backup's data, the banner gone.
import { rmSync } from 'node:fs';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';
import { damageChangeLog, seededDataDir } from '../support/damaged-database.ts';
import { startWebHost, stopWebHost } from '../support/web-host.ts';
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test.afterEach(removeTempDirs);

// axe is injected as a script, which the app's CSP rightly refuses; only this check lifts it.
test.use({ bypassCSP: true });

test('a damaged database shows why it is read-only and restores its newest backup', async ({ page }) => {
  const dataDir = seededDataDir();
  // Opened again, found whole: the first backup is made.
  const healthy = openTestCore(dataDir);
  await healthy.store.backup;
  healthy.close();
  damageChangeLog(dataDir);

  const host = await startWebHost(dataDir);
  try {
    await page.goto(host.url);
    const banner = page.getByRole('status').filter({ hasText: 'This database is open read-only.' });
    await expect(banner).toContainText('is damaged');
    await expect(banner).toContainText('Changes made after the backup stay in the damaged file');
    const restore = banner.getByRole('button', { name: /^Restore the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ });
    await expect(restore).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
    const german = page.getByRole('status').filter({ hasText: 'Diese Datenbank ist schreibgeschützt geöffnet.' });
    await expect(german).toContainText('ist beschädigt (die Prüfung durch SQLite ergab:');
    await expect(german).toContainText(/Stellen Sie die neueste Sicherung \(\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\) wieder her/);
    await expect(german.getByRole('button', { name: /^Sicherung vom \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} wiederherstellen$/ })).toBeVisible();
    // Not one English word, apart from what SQLite's check found, which is quoted in its own words.
    const said = (await german.textContent())!.replace(/ergab: [^)]*\)/, 'ergab: …)');
    expect(said).not.toMatch(/\b(the|is|open|read-only|database|damaged|backup|restore|file|changes?)\b/i);

    // A change typed meanwhile is refused, and the field says so in the UI language.
    await page.getByRole('navigation').getByRole('link', { name: 'Kunden' }).click();
    await page.getByRole('link', { name: 'Customer 59' }).click();
    await page.getByLabel('Notizen').fill('Beim Termin besprochen');
    const refused = page.locator('.field-error');
    await expect(refused).toContainText(/^Die Datenbank .*(schreibgeschützt|beschädigt)/);
    await expect(page.getByLabel('Notizen')).toHaveValue('Beim Termin besprochen');
    await page.getByLabel('Sprache').selectOption({ label: 'English' });
    await expect(refused).toContainText(/^The database .*(read-only|damaged)/);

    await restore.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('This database is open read-only.')).toBeHidden();
    await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('link', { name: 'Customer 59' })).toBeVisible();
  } finally {
    await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
