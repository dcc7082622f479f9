// Customers in Chromium: create one, give it an address and a logo, archive it (gone from the
// list and the new-project choice), bring it back; everything survives a reload.
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';

const LOGO = fileURLToPath(new URL('../../build/icon.png', import.meta.url));

test('a customer is created, edited with a logo, archived and restored', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('No customers yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByLabel('Name').fill('Kreiswerke Süderland AG');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kreiswerke Süderland AG' })).toBeVisible();

  await page.getByLabel('Address').fill('Am Markt 3\n58507 Lüdenscheid');
  await page.getByLabel('Choose logo').setInputFiles(LOGO);
  await expect(page.getByRole('img', { name: 'Logo of Kreiswerke Süderland AG' })).toBeVisible();
  // A file that is no image is refused before it is sent.
  await page.getByLabel('Choose logo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a logo') });
  await expect(page.getByRole('alert').filter({ hasText: 'Only PNG and JPEG images' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByRole('button', { name: 'Restore customer' })).toBeVisible();
  const list = page.getByRole('navigation', { name: 'All customers' });
  await expect(list.getByRole('link', { name: /Kreiswerke/ })).toHaveCount(0);
  await page.getByLabel('Show archived customers').check();
  await expect(list.getByRole('link', { name: /Kreiswerke Süderland AG.*archived/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Address')).toHaveValue('Am Markt 3\n58507 Lüdenscheid');
  await expect(page.getByRole('img', { name: 'Logo of Kreiswerke Süderland AG' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore customer' }).click();
  await expect(page.getByRole('button', { name: 'Archive customer' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Kreiswerke Süderland AG' })).toBeVisible();
});
