// Sync in Chromium: the window's device and a colleague's (the command line on a data folder of its
// own) share one folder; both change the same customer's notes while apart, the sync screen lists
// the conflict with both values and who set each, and "Keep this" settles it. In English and German.
// And a copied installation (the same device id on two machines): the window takes a new id and says so.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { CHECKLIST_MAPPING, checklistCsv } from '../support/long-checklist.ts';
import { secondDevice, sharedFolder } from './second-device.ts';

test('a conflict between two devices is listed with both values and who, and settled with "Keep this"', async ({ page, host }) => {
  const share = sharedFolder();
  const colleague = secondDevice();
  try {
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const header = page.getByRole('banner');

    await nav.getByRole('link', { name: 'Your profile' }).click();
    await page.getByLabel('Your name').fill('Miriam Kaya');

    await nav.getByRole('link', { name: 'Sync' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sync with a shared folder' })).toBeVisible();
    await expect(page.getByText('No shared folder set')).toBeVisible();
    await expect(header.getByRole('link', { name: 'Sync not set up' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(share.path);
    await expect(page.getByText('The folder can be reached.')).toBeVisible();
    await expect(header.getByRole('link', { name: /^Not synced yet · \d+ changes? to send$/ })).toBeVisible();

    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByLabel('Name').fill('Stadtwerke Nordhafen');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Stadtwerke Nordhafen' })).toBeVisible();
    const customerId = /#\/customers\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(header.getByRole('link', { name: /^Synced \d\d:\d\d$/ })).toBeVisible();
    await expect(page.getByRole('definition').first()).not.toHaveText('0');

    // The colleague's laptop brings the customer in, then both change its notes while apart.
    colleague.call('profile.save', { name: 'Jonas Becker', email: '', role: '' });
    colleague.sync(share.path);
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Stadtwerke Nordhafen' }).click();
    await page.getByLabel('Notes').fill('Mail relay stays on premises.\nDecided with the CIO.');
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    colleague.call('customers.update', { id: customerId, notes: 'Mail relay moves to the cloud.' });
    colleague.sync(share.path);

    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(header.getByRole('link', { name: /^Synced \d\d:\d\d · 1 conflict$/ })).toBeVisible();
    // Which row: the customer's name under the field's.
    const conflict = page.getByRole('article', { name: 'Customer · Notes Stadtwerke Nordhafen' });
    await expect(conflict).toBeVisible();
    const ours = conflict.getByRole('region').filter({ hasText: 'Mail relay stays on premises.' });
    const theirs = conflict.getByRole('region').filter({ hasText: 'Mail relay moves to the cloud.' });
    // The long value whole, line break included; who set each value and when.
    await expect(ours).toContainText('Mail relay stays on premises.\nDecided with the CIO.');
    await expect(ours).toContainText(/By Miriam Kaya on .+, \d{4}-\d\d-\d\d \d\d:\d\d/);
    await expect(theirs).toContainText(/By Jonas Becker on .+, \d{4}-\d\d-\d\d \d\d:\d\d/);

    await ours.getByRole('button', { name: 'Keep this' }).click();
    await expect(page.getByText('No conflicts.')).toBeVisible();
    await expect(header.getByRole('link', { name: /^Synced \d\d:\d\d( · \d+ changes? to send)?$/ })).toBeVisible();
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Stadtwerke Nordhafen' }).click();
    await expect(page.getByLabel('Notes')).toHaveValue('Mail relay stays on premises.\nDecided with the CIO.');

    // The answer syncs: the colleague's laptop keeps the same value and has no conflict left.
    await page.getByLabel('Language', { exact: true }).selectOption('de');
    const navDe = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await navDe.getByRole('link', { name: 'Synchronisation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation über einen gemeinsamen Ordner' })).toBeVisible();
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect(header.getByRole('link', { name: /^Zuletzt synchronisiert \d\d:\d\d$/ })).toBeVisible();
    await expect(page.getByText('Keine Konflikte.')).toBeVisible();
    await expect(page.getByText(/^\d\d\.\d\d\.\d{4} \d\d:\d\d, mit /)).toBeVisible();
    await expect(page.getByText('Der Ordner ist erreichbar.')).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'Gesendete Änderungen' })).toBeVisible();
    colleague.sync(share.path);
    expect(colleague.call('conflicts.list', {})).toEqual([]);
    expect((colleague.call('customers.get', { id: customerId }) as { notes: string }).notes).toBe('Mail relay stays on premises.\nDecided with the CIO.');
  } finally {
    colleague.remove();
    share.remove();
  }
});

test('a folder that cannot be reached shows in the status, in German too, and Sync now says why it failed', async ({ page, host }) => {
  const share = sharedFolder();
  try {
    await page.goto(host.url);
    await page.getByLabel('Language', { exact: true }).selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Synchronisation' }).click();
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Synchronisation nicht eingerichtet' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Gemeinsamer Ordner' }).fill(`${share.path}/nicht-eingebunden`);
    await expect(page.getByText(/Der Ordner ist gerade nicht erreichbar/)).toBeVisible();
    await expect(header.getByRole('link', { name: /^Noch nicht synchronisiert · Ordner nicht erreichbar/ })).toBeVisible();
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Die letzte Synchronisation ist fehlgeschlagen' })).toBeVisible();
    await expect(header.getByRole('link', { name: /Synchronisation fehlgeschlagen/ })).toBeVisible();
    // Typing goes on: a relative path is refused beside the field and stays in it.
    await page.getByRole('textbox', { name: 'Gemeinsamer Ordner' }).fill('freigabe/fieldbook');
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte den vollständigen Pfad des Ordners angeben' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Gemeinsamer Ordner' })).toHaveValue('freigabe/fieldbook');
  } finally {
    share.remove();
  }
});

test('a long sync shows how far it has come, file by file, and the window answers meanwhile', async ({ page, host }) => {
  const share = sharedFolder();
  const colleague = secondDevice();
  try {
    // A colleague's big checklist import: a few hundred thousand field changes, several files.
    const customer = colleague.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    const { project } = colleague.call('projects.create', { customerId: customer.id, name: 'Webmail' }) as ProjectDetail;
    colleague.call('requirements.import', { projectId: project.id, csv: checklistCsv(20_000), mapping: CHECKLIST_MAPPING });
    const sent = colleague.sync(share.path) as { sent: { files: number } };
    expect(sent.sent.files).toBeGreaterThan(3);

    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(share.path);
    await expect(page.getByText('The folder can be reached.')).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const status = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
    await expect(status).toContainText(new RegExp(`Reading the others' files: [1-9]\\d* of ${sent.sent.files}`));
    // Cancelled after a file or two: what came through stays, no failure shown, the rest follows.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText(/Reading the others' files: \d+ of \d+/);
    // Typing goes on while it runs.
    await nav.getByRole('link', { name: 'Your profile' }).click();
    await page.getByLabel('Your name').fill('Miriam Kaya');
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    await nav.getByRole('link', { name: 'Sync' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: /^Synced \d\d:\d\d/ })).toBeVisible({ timeout: 60_000 });
    await nav.getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('link', { name: 'Hanse Hosting' })).toBeVisible();
  } finally {
    colleague.remove();
    share.remove();
  }
});

test('a copied installation: the window takes a new device id of its own and says why', async ({ page, host }) => {
  const share = sharedFolder();
  const copy = secondDevice();
  try {
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const header = page.getByRole('banner');
    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(share.path);
    await expect(page.getByText('The folder can be reached.')).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(header.getByRole('link', { name: /^Synced \d\d:\d\d$/ })).toBeVisible();

    // The laptop's disk copied to another machine (SQLite's online backup: a consistent copy of the
    // live file), which goes on under the same device id and syncs first.
    const original = new Database(join(host.dataDir, 'fieldbook.sqlite'), { readonly: true });
    await original.backup(join(copy.dataDir, 'fieldbook.sqlite'));
    original.close();
    copy.call('customers.create', { name: 'Made on the copy' });
    copy.sync(share.path);

    // Back on the original, a change and "Sync now": a file in its own folder it did not write.
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByLabel('Name').fill('Made on the original');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await nav.getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText(/Another installation had written changes into the shared folder under this computer's device id/)).toBeVisible();
    // Both customers are here, each made once.
    await nav.getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('link', { name: 'Made on the copy' })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Made on the original' })).toHaveCount(1);
  } finally {
    copy.remove();
    share.remove();
  }
});
