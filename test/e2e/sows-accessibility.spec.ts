// The statements of work screen checked by axe-core (WCAG 2.1 A and AA) in English and German:
// a draft with every section, a sent version with the question to start the next one, and the
// comparison of two versions.
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';

// axe is injected as a script, which the app's CSP rightly refuses; only these tests lift it.
test.use({ bypassCSP: true });

test('the SOW screens pass the WCAG A and AA checks, in English and German', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Statements of work' }).click();
  await page.getByRole('button', { name: 'Start an SOW' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^SOW-01/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText(/Version 1: Sent · sent on/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Objectives' }).press('x');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'Start version 2' }).click();

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('region', { name: 'Änderungen zwischen Versionen' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Ziele' }).fill('Open-Xchange App Suite ist für alle Benutzer produktiv.');
  await page.getByRole('textbox', { name: 'Ziele' }).blur();
  await expect(page.getByRole('region', { name: 'Änderungen zwischen Versionen' }).getByRole('row', { name: /Ziele/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
