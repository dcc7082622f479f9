// Test accounts in Chromium against the web host: an account added with its secret typed in a
// password field (shown on request), listed masked, revealed and hidden again, the reveal in its
// history; and the screen through axe's WCAG A and AA checks in English and German.
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';

// axe is injected as a script, which the app's CSP rightly refuses; only these tests lift it.
test.use({ bypassCSP: true });

const SECRET = 'Hafen-Imap-2026!';

test('a credential is added, shown masked, revealed, and the reveal is in its history', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Test accounts' }).click();
  await expect(page.getByText('No test accounts yet.')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add a test account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New test account' });
  await dialog.getByLabel('Service').fill('IMAP');
  await dialog.getByLabel('Host').fill('imap.nordhafen.example');
  await dialog.getByLabel('User name').fill('test01');
  const secret = dialog.getByLabel('Password or secret');
  await secret.fill(SECRET);
  await expect(secret).toHaveAttribute('type', 'password');
  await dialog.getByLabel('Show what is typed').check();
  await expect(secret).toHaveAttribute('type', 'text');
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /IMAP/ });
  await expect(row).toContainText('imap.nordhafen.example');
  await expect(row).toContainText('••••••');
  await expect(page.getByText(SECRET)).toHaveCount(0);

  await page.getByRole('button', { name: 'Reveal the secret of IMAP' }).click();
  await expect(row.getByText(SECRET)).toBeVisible();
  await page.getByRole('button', { name: 'Hide the secret of IMAP' }).click();
  await expect(page.getByText(SECRET)).toHaveCount(0);
  await expect(row).toContainText('••••••');

  await row.getByText('History', { exact: true }).click();
  await expect(row.getByRole('listitem').filter({ hasText: 'Secret revealed' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: /Testzugänge und Zugangsdaten/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Projekt' }).getByRole('link', { name: 'Testzugänge und Zugangsdaten' })).toHaveAttribute('aria-current', 'page');
  await expect(row.getByRole('listitem').filter({ hasText: 'Kennwort angezeigt' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Testzugang hinzufügen' }).click();
  await expect(page.getByRole('dialog', { name: 'Neuer Testzugang' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
