// The installed systems in Chromium against the web host: an environment of the sample project
// filled from its workshops (each host saying where it came from, a second fill adding nothing), a
// host edited in place with pauses while typing and kept over a reload, a host list pasted with
// its problems listed by line before the good lines are added, the architecture drawn from the
// hosts, and the technical documentation exported as PDF and read back.
import type { Page } from '@playwright/test';
import { exportedPdf } from './export-pdf.ts';
import { expect, test } from './fixtures.ts';

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

/** Types as a person does into the focused field: a few characters, a pause, more. */
async function typeWithPauses(page: Page, text: string): Promise<void> {
  for (const part of text.match(/.{1,5}/g) ?? []) {
    await page.keyboard.type(part, { delay: 20 });
    await page.waitForTimeout(150);
  }
}

test('the installed systems filled from the workshops, edited, pasted, drawn and exported', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Installed systems' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Installed systems' })).toBeVisible();

  await page.getByLabel('Name of the environment').fill('Nordhafen live');
  await page.getByRole('button', { name: 'Add environment' }).click();
  const live = page.getByRole('region', { name: 'Nordhafen live' });
  await expect(live).toBeVisible();

  // The sample's load-balancing workshop names the F5 and the two middleware nodes behind it.
  await live.getByRole('button', { name: 'Fill from workshops' }).click();
  const added = live.getByRole('status');
  await expect(added).toContainText('Added 3 hosts from the workshops and the sizing');
  await expect(added).toContainText('lb01 (Load balancer), from: Load balancing workshop');
  await expect(added).toContainText('ox-mw1.nordhafen.example (Middleware), from: Load balancing workshop');
  await expect(live.getByText('from: Load balancing workshop', { exact: true })).toHaveCount(3);
  await live.getByRole('button', { name: 'Fill from workshops' }).click();
  await expect(added).toContainText('Nothing to add');

  // The balancer completed in place, typed with pauses; its name too.
  await live.getByLabel('Host name of lb01', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await typeWithPauses(page, 'lb.nordhafen.example');
  await page.keyboard.press('Tab');
  await saved(page);
  await live.getByLabel('Operating system of lb.nordhafen.example', { exact: true }).click();
  await typeWithPauses(page, 'F5 TMOS 17.1');
  await live.getByLabel('RAM (GB) of lb.nordhafen.example', { exact: true }).fill('16');
  await live.getByLabel('Operated by of lb.nordhafen.example', { exact: true }).selectOption({ label: 'Customer' });
  await live.getByText('Software, endpoints and notes of lb.nordhafen.example').click();
  await live.getByRole('button', { name: 'Add endpoint' }).first().click();
  await expect(live.getByLabel('Port of lb.nordhafen.example', { exact: true })).toHaveValue('443');
  await live.getByLabel('Purpose of lb.nordhafen.example', { exact: true }).click();
  await typeWithPauses(page, 'Webmail for users');
  await live.getByLabel('Purpose of lb.nordhafen.example', { exact: true }).blur();
  await saved(page);

  await page.reload();
  const reloaded = page.getByRole('region', { name: 'Nordhafen live' });
  await expect(reloaded.getByLabel('Host name of lb.nordhafen.example', { exact: true })).toHaveValue('lb.nordhafen.example');
  await expect(reloaded.getByLabel('Operating system of lb.nordhafen.example', { exact: true })).toHaveValue('F5 TMOS 17.1');
  await expect(reloaded.getByLabel('RAM (GB) of lb.nordhafen.example', { exact: true })).toHaveValue('16');
  await expect(reloaded.getByLabel('Operated by of lb.nordhafen.example', { exact: true })).toHaveValue('customer');
  await expect(reloaded.getByLabel('Purpose of lb.nordhafen.example', { exact: true })).toHaveValue('Webmail for users');

  // A refused value stays in its field with the reason beside it.
  await reloaded.getByText('Software, endpoints and notes of lb.nordhafen.example').click();
  await reloaded.getByLabel('Port of lb.nordhafen.example', { exact: true }).fill('70000');
  await reloaded.getByLabel('Port of lb.nordhafen.example', { exact: true }).blur();
  await expect(reloaded.getByText('At most 65,535')).toBeVisible();
  await reloaded.getByLabel('Port of lb.nordhafen.example', { exact: true }).fill('443');
  await reloaded.getByLabel('Port of lb.nordhafen.example', { exact: true }).blur();
  await saved(page);

  // A host list pasted: its problems by line first, then the good lines added.
  await reloaded.getByRole('button', { name: 'Paste or import a host list…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Host list for Nordhafen live' });
  await dialog.getByLabel('Host list').fill('db1.nordhafen.example 10.20.0.21 mysql-primary\ndb2.nordhafen.example 10.20.0.22 mysql-replica\nbad_host! 10.20.0.23\nox-mw1.nordhafen.example 10.20.0.11 middleware\n');
  await dialog.getByRole('button', { name: 'Check the list' }).click();
  await expect(dialog.getByText('Line 3: “bad_host!” is not a host name or address')).toBeVisible();
  await expect(dialog.getByText('Line 4: ox-mw1.nordhafen.example is already in this environment')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add 2 hosts' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added 2 hosts.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(reloaded.getByLabel('Role of db2.nordhafen.example', { exact: true })).toHaveValue('mysqlReplica');

  // The architecture, drawn from what is installed.
  const diagram = reloaded.getByRole('figure', { name: 'The installed platform: Nordhafen live' });
  await expect(diagram).toContainText('lb.nordhafen.example');
  await expect(diagram).toContainText('Load balancer · F5 BIG-IP 17');
  await expect(diagram).toContainText('db2.nordhafen.example');
  await expect(diagram).toContainText('MySQL replica');

  // The technical documentation, as PDF.
  const { text } = await exportedPdf(page, 'Technical documentation of the installed systems');
  for (const expected of ['Technical documentation of the installed systems', 'lb.nordhafen.example', 'F5 TMOS 17.1', 'Webmail for users', 'db2.nordhafen.example', 'MySQL replica']) expect(text, expected).toContain(expected);
});
