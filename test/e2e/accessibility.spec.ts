// Every screen checked by axe-core (the rules of WCAG 2.1 A and AA: names of controls, labels,
// contrast, landmarks), and the main flow done with the keyboard alone.
import { violations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { secondDevice, sharedFolder } from './second-device.ts';

// axe is injected as a script, which the app's CSP rightly refuses; only these tests lift it.
test.use({ bypassCSP: true });

test('every screen passes the WCAG A and AA checks, in English and German', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Create sample project' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  for (const [link, check] of [
    ['Projects', 'New project'],
    ['Customers', 'New customer'],
    ['People', 'New person'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('button', { name: check })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Branding' }).click();
  await expect(page.getByLabel('Consultancy name')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Projekte' }).click();
  await page.getByRole('link', { name: /Webmail/ }).click();
  await expect(page.getByRole('heading', { name: 'Go/No-Go-Entscheidung' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the workshop screens pass the same checks, with every kind of field on show', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('link', { name: 'Open the workshops' }).click();
  await expect(page.getByRole('heading', { name: 'Template packs' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const topics = page.getByRole('navigation', { name: 'Workshop topics' });
  // Between them these topics show every field type, hints, the sizing and the gate.
  for (const topic of ['Authentication', 'IMAP backend compatibility', 'Monitoring', 'Branding', 'Proof of concept', 'Technology transfer and sizing', 'Go / No-Go']) {
    await topics.getByRole('link', { name: new RegExp(`^${topic.replace(/[/()]/g, '\\$&')}`) }).click();
    await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();
    await expect(page.getByRole('button', { name: 'Start a follow-up workshop' })).toBeVisible();
    expect(await violations(page), topic).toEqual([]);
  }
  await page.getByRole('button', { name: 'Start a follow-up workshop' }).click();
  await expect(page.getByRole('button', { name: /^Follow-up 2/ })).toBeVisible();
  await page.getByRole('button', { name: /^Workshop 1/ }).click();
  await expect(page.getByText('An earlier workshop, shown as it was recorded.')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await page.getByRole('navigation', { name: 'Workshop-Themen' }).getByRole('link', { name: /^Authentifizierung/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Authentifizierung' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the meeting, status call and checklist screens pass the same checks', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  const parts = page.getByRole('navigation', { name: 'Project' });
  await parts.getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await expect(page.getByRole('textbox', { name: 'Agenda item 1', exact: true })).toBeFocused();
  await page.keyboard.type('Firewall');
  await page.getByRole('textbox', { name: 'New action item', exact: true }).fill('Open port 993');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByLabel('What: R-001')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Go through the checklist' }).click();
  await expect(page.getByRole('region', { name: /R-001/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await parts.getByRole('link', { name: 'Requirements checklist' }).click();
  await page.getByRole('link', { name: 'Open port 993' }).click();
  await expect(page.getByRole('complementary', { name: /R-001/ })).toBeVisible();
  await page.getByLabel('Select R-001').check();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByRole('dialog').getByLabel('Choose a CSV file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('Title;Status\nA;open\nB;nonsense\n') });
  await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await page.getByRole('button', { name: 'Nach Verantwortlichen' }).click();
  expect(await violations(page)).toEqual([]);
});

test('the sync screen passes the same checks, with a result and a conflict on show', async ({ page, host }) => {
  const share = sharedFolder();
  const colleague = secondDevice();
  try {
    const customer = colleague.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as { id: string };
    colleague.sync(share.path);
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sync with a shared folder' })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Shared folder' }).fill(share.path);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: /^Synced/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Stadtwerke Nordhafen' }).click();
    await page.getByLabel('Notes').fill('Relay on premises');
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    colleague.call('customers.update', { id: customer.id, notes: 'Relay in the cloud' });
    colleague.sync(share.path);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('article', { name: 'Customer · Notes' })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Language', { exact: true }).selectOption('de');
    await expect(page.getByRole('article', { name: 'Kunde · Notizen' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  } finally {
    colleague.remove();
    share.remove();
  }
});

test('a project is created, ticked and moved on with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  // Moves the focus with Tab (or Shift+Tab, backwards) until it reaches the control.
  const focusOn = async (name: string, role: 'button' | 'checkbox' = 'button', key: 'Tab' | 'Shift+Tab' = 'Tab') => {
    const target = page.getByRole(role, { name });
    for (let i = 0; i < 80; i += 1) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press(key);
    }
    throw new Error(`Tab never reached ${String(name)}`);
  };
  await focusOn('Create your first project');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();
  // Focus starts in the dialog; Tab walks its fields in order.
  await dialog.getByLabel('Name of the new customer').focus();
  await page.keyboard.type('Nordkreis Wasser');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Groupware migration');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Groupware migration for Nordkreis Wasser' })).toBeVisible();

  await focusOn('Technical demo (webcast or on-site) done', 'checkbox');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Technical demo (webcast or on-site) done' })).toBeChecked();

  // The phase controls sit above the checklist.
  await focusOn('Move to Concept', 'button', 'Shift+Tab');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'No Go decision recorded' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Move anyway' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('Current phase')).toHaveValue('initialization');
});

test('the training parts of a meeting and the lessons-learned screen pass the same checks, in English and German', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  const parts = page.getByRole('navigation', { name: 'Project' });
  await parts.getByRole('link', { name: 'Meetings' }).click();
  await page.getByLabel('Kind of meeting').selectOption('training');
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await page.getByLabel('Presence of Jonas Weber').selectOption({ label: 'Present' });
  await expect(page.getByRole('group', { name: 'Score of Jonas Weber' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await parts.getByRole('link', { name: 'Lessons learned' }).click();
  await page.getByLabel('Action', { exact: true }).fill('Sizing sheet');
  await page.getByRole('button', { name: 'Add', exact: true }).last().click();
  await expect(page.getByRole('textbox', { name: 'Action 1', exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: /Erkenntnisse und Retrospektive/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('navigation', { name: 'Projekt' }).getByRole('link', { name: 'Besprechungen' }).click();
  await page.getByRole('link', { name: /^Schulung/ }).click();
  await expect(page.getByRole('group', { name: 'Bewertung von Jonas Weber' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the installed systems screen passes the same checks, in English and German', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Installed systems' }).click();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByRole('button', { name: 'Fill from workshops' }).click();
  await expect(page.getByText(/Added 3 hosts/)).toBeVisible();
  await page.getByText('Software, endpoints and notes of lb01').click();
  await page.getByRole('button', { name: 'Add endpoint' }).first().click();
  await expect(page.getByLabel('Port of lb01', { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Paste or import a host list…' }).click();
  await page.getByRole('textbox', { name: 'Host list' }).fill('db1.example.com 10.0.0.21 mysql\nbad_host! 10.0.0.22\n');
  await page.getByRole('button', { name: 'Check the list' }).click();
  await expect(page.getByText(/Line 2:/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Installierte Systeme' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Die installierte Plattform: Produktion' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the tests screen and a run being executed pass the same checks, in English and German', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Tests' }).click();
  await page.getByRole('button', { name: 'Make the plan from the pack and the workshops' }).click();
  await expect(page.getByRole('list', { name: 'Test plan' }).getByRole('heading', { name: /^T-001: / })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Name of the new run').fill('Internal approval');
  await page.getByRole('button', { name: 'Start a test run' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Internal approval' })).toBeVisible();
  await page.keyboard.press('f');
  await expect(page.getByRole('status', { name: 'Progress of the run' })).toContainText('1 of');
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('status', { name: 'Fortschritt des Testlaufs' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('navigation', { name: 'Projekt' }).getByRole('link', { name: 'Tests' }).click();
  await expect(page.getByRole('button', { name: 'Testlauf starten' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
