// Dates in the UI language, not in the browser's (this browser runs en-GB, a native date input
// would show 30/11/2026 on a German screen and refuse 30.11.2026): German screens show and take
// 30.11.2026 and 1.3.27, refuse a day that does not exist with the reason beside the field, and
// keep what was stored across a reload; English screens show the ISO form; a meeting's date and
// time read the same way.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Alle Änderungen gespeichert/ })).toBeVisible();
}

test('a German screen shows and accepts 30.11.2026 and keeps it after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Webmail replacement 2027/ })).toBeVisible();

  // Typed on the English screen in its form, shown on the German one in German.
  const decisionDate = page.getByRole('region', { name: 'Go / No-Go decision' }).getByLabel('Date of the decision');
  await expect(decisionDate).toHaveAccessibleDescription('YYYY-MM-DD, e.g. 2026-11-30');
  await decisionDate.fill('2026-11-20');
  await allSaved(page);
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('region', { name: 'Go/No-Go-Entscheidung' }).getByLabel('Datum der Entscheidung')).toHaveValue('20.11.2026');

  const start = page.getByLabel('Startdatum', { exact: true });
  await expect(start).toHaveAccessibleDescription('TT.MM.JJJJ, z. B. 30.11.2026');
  await start.fill('30.11.2026');
  await allSaved(page);

  // A day that does not exist: refused with the reason beside the field, and kept as typed.
  const target = page.getByLabel('Zieltermin', { exact: true });
  await target.fill('31.02.2027');
  await target.press('Tab');
  await expect(target).toHaveAccessibleDescription(/Den 31\.02\.2027 gibt es nicht: Der Februar 2027 hat 28 Tage\./);
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveValue('31.02.2027');
  await expect(page.getByRole('status').filter({ hasText: 'Einige Änderungen konnten nicht gespeichert werden' })).toBeVisible();
  // The short form is taken, and stays as typed while the page is open.
  await target.fill('1.3.27');
  await allSaved(page);
  await expect(target).toHaveValue('1.3.27');
  await expect(target).not.toHaveAttribute('aria-invalid');

  await page.reload();
  await expect(page.getByLabel('Startdatum', { exact: true })).toHaveValue('30.11.2026');
  await expect(page.getByLabel('Zieltermin', { exact: true })).toHaveValue('01.03.2027');

  // A meeting's date and time.
  await page.getByRole('navigation', { name: 'Projekt' }).getByRole('link', { name: 'Besprechungen' }).click();
  await page.getByRole('button', { name: 'Besprechung erfassen' }).click();
  const startsAt = page.getByLabel('Datum und Uhrzeit', { exact: true });
  await expect(startsAt).toHaveAccessibleDescription('TT.MM.JJJJ HH:MM, z. B. 30.11.2026 14:30');
  await startsAt.fill('30.11.2026 9.30');
  await allSaved(page);
  await page.reload();
  await expect(page.getByLabel('Datum und Uhrzeit', { exact: true })).toHaveValue('30.11.2026 09:30');

  // Back in English, the same dates in the ISO form.
  await page.getByLabel('Sprache', { exact: true }).selectOption('en');
  await expect(page.getByLabel('Date and time', { exact: true })).toHaveValue('2026-11-30 09:30');
});
