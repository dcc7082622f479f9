// A workshop as a consultant runs it, in Chromium against the local web host: the authentication
// topic with attendees, a conditional field that appears with its answer, a refused host name kept
// with its reason, an open question with owner and due date; after a reload everything is there,
// gathered on the dashboard, and the form reads in German.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Pack } from '../../shared/workshops/pack.ts';
import { expect, test } from './fixtures.ts';

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Alle Änderungen gespeichert/ })).toBeVisible();
}

async function openSampleWorkshops(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('link', { name: 'Open the workshops' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops: Webmail replacement 2027' })).toBeVisible();
}

test('the authentication workshop: conditional fields, an open question, a reload, German', async ({ page, host }) => {
  await openSampleWorkshops(page, host.url);
  const topics = page.getByRole('navigation', { name: 'Workshop topics' });
  await topics.getByRole('link', { name: /^Authentication/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Authentication' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();

  await page.getByLabel('Date', { exact: true }).fill('2026-11-26');
  await page.getByRole('checkbox', { name: /Jonas Weber/ }).check();
  // The form starts from the pack's defaults.
  await expect(page.getByLabel(/^Master admin login/)).toHaveValue('oxadminmaster');
  await page.getByLabel(/^Context model/).fill('One context per municipality; the domain after @ selects it');

  // LDAP servers are asked for only once LDAP is the plugin.
  const ldapServers = page.getByLabel(/^LDAP servers/);
  await expect(ldapServers).toHaveCount(0);
  await page.getByLabel(/^Authentication plugin/).selectOption({ label: 'LDAP' });
  await expect(ldapServers).toBeVisible();
  await expect(page.getByText(/Still required: .*LDAP servers/)).toBeVisible();
  // A host name with a space is refused; the text stays, the line and the reason beside it.
  await ldapServers.fill('ldap1.nordhafen.example\nldap two');
  await ldapServers.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Line 2: Expected a host name or address' })).toBeVisible();
  await expect(ldapServers).toHaveValue('ldap1.nordhafen.example\nldap two');
  await ldapServers.fill('ldap1.nordhafen.example\nldap2.nordhafen.example:636');
  await ldapServers.blur();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Single sign-on brings the question which clients still need a password.
  const sso = page.getByRole('group', { name: 'Single sign-on' });
  const passwordClients = page.getByRole('group', { name: 'Clients that still need a password' });
  await expect(passwordClients).toHaveCount(0);
  await sso.getByRole('radio', { name: 'Yes' }).check();
  await passwordClients.getByRole('checkbox', { name: 'Mobile mail' }).check();
  await passwordClients.getByRole('checkbox', { name: 'CalDAV / CardDAV' }).check();

  // An open question with who answers it and by when, and a decision.
  const questions = page.getByRole('region', { name: 'Open questions' });
  await questions.getByLabel('New open question').fill('Which LDAP attribute holds the login name?');
  await questions.getByLabel('Who answers it').selectOption({ label: 'Jonas Weber' });
  await questions.getByLabel('Due').fill('2026-12-04');
  await questions.getByRole('button', { name: 'Add open question' }).click();
  await expect(questions.getByRole('listitem').getByLabel('Question', { exact: true })).toHaveValue('Which LDAP attribute holds the login name?');
  // Work rather than an answer: the question goes on the requirements checklist of the project.
  await questions.getByRole('button', { name: 'Put on the checklist' }).click();
  await expect(questions.getByRole('link', { name: 'On the checklist as R-001' })).toBeVisible();
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await decisions.getByLabel('New decision').fill('Users log in against the existing OpenLDAP');
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  await expect(decisions.getByLabel('Decision 1')).toHaveValue('Users log in against the existing OpenLDAP');
  await allSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Authentication' })).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-11-26');
  await expect(page.getByRole('checkbox', { name: /Jonas Weber/ })).toBeChecked();
  await expect(page.getByLabel(/^Context model/)).toHaveValue('One context per municipality; the domain after @ selects it');
  await expect(page.getByLabel(/^Authentication plugin/)).toHaveValue('ldap');
  await expect(ldapServers).toHaveValue('ldap1.nordhafen.example\nldap2.nordhafen.example:636');
  await expect(sso.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(passwordClients.getByRole('checkbox', { name: 'Mobile mail' })).toBeChecked();
  await expect(passwordClients.getByRole('checkbox', { name: 'IMAP clients' })).not.toBeChecked();
  const question = questions.getByRole('listitem');
  await expect(question.getByLabel('Who answers it').locator('option:checked')).toHaveText('Jonas Weber');
  await expect(question.getByLabel('Due')).toHaveValue('2026-12-04');
  // Every required answer of the topic is given, and the topic list says so.
  await expect(page.getByText(/Still required/)).toHaveCount(0);
  await expect(topics.getByRole('link', { name: /^Authentication/ })).toContainText('4/4 required');

  // The dashboard gathers open questions and decisions of all workshops.
  await page.getByRole('link', { name: 'Webmail replacement 2027' }).click();
  const gathered = page.getByRole('region', { name: 'Across all workshops' });
  await expect(gathered.getByRole('listitem').filter({ hasText: 'Which LDAP attribute holds the login name?' })).toContainText('Jonas Weber');
  await expect(gathered.getByRole('listitem').filter({ hasText: 'Users log in against the existing OpenLDAP' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Requirements checklist' })).toContainText('0 of 1 items done');

  // In German, the same form with the pack's German labels.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  const gatheredDe = page.getByRole('region', { name: 'Über alle Workshops' });
  await expect(gatheredDe.getByRole('listitem').filter({ hasText: 'Which LDAP attribute' })).toContainText('fällig');
  await gatheredDe.getByRole('link', { name: 'Authentifizierung' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Authentifizierung' })).toBeVisible();
  await expect(page.getByLabel(/^Kontextmodell/)).toHaveValue('One context per municipality; the domain after @ selects it');
  await expect(page.getByLabel(/^Authentifizierungs-Plugin/)).toHaveValue('ldap');
  await expect(page.getByLabel(/^LDAP-Server/)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Clients, die weiterhin ein Passwort brauchen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Offene Fragen' })).toBeVisible();
});

test('a pasted CAPABILITY line ticks capabilities and brings the derived warnings', async ({ page, host }) => {
  await openSampleWorkshops(page, host.url);
  await page.getByRole('link', { name: /^IMAP backend compatibility/ }).click();
  await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();
  await page.getByLabel(/^IMAP server/).selectOption({ label: 'Dovecot' });
  await page.getByLabel("Paste the server's CAPABILITY response").fill('* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT ACL] Dovecot ready.');
  const capabilities = page.getByRole('group', { name: /^Capabilities/ });
  await expect(capabilities.getByRole('checkbox', { name: 'SORT', exact: true })).toBeChecked();
  await expect(capabilities.getByRole('checkbox', { name: 'QUOTA' })).not.toBeChecked();
  const notes = page.getByRole('note');
  await expect(notes.filter({ hasText: 'On Dovecot METADATA must be enabled explicitly' })).toBeVisible();
  await expect(notes.filter({ hasText: 'Without SORT' })).toHaveCount(0);
  // Unticking SORT by hand brings its warning.
  await capabilities.getByRole('checkbox', { name: 'SORT', exact: true }).uncheck();
  await expect(notes.filter({ hasText: 'Without SORT the middleware sorts mail itself' })).toBeVisible();
  await allSaved(page);
  await page.reload();
  await expect(capabilities.getByRole('checkbox', { name: 'IDLE' })).toBeChecked();
  await expect(capabilities.getByRole('checkbox', { name: 'SORT', exact: true })).not.toBeChecked();

  // ACL said to work while the server does not announce it: the workshop notices.
  const contradiction = notes.filter({ hasText: 'Does not agree: ACL support is set to “Yes”' });
  await expect(contradiction).toHaveCount(0);
  await page.getByLabel(/^ACL support/).selectOption({ label: 'Yes' });
  await capabilities.getByRole('checkbox', { name: 'ACL' }).uncheck();
  await expect(contradiction).toBeVisible();
  await capabilities.getByRole('checkbox', { name: 'ACL' }).check();
  await expect(contradiction).toHaveCount(0);
});

test('a decision that changes an answer says so beside the field', async ({ page, host }) => {
  await openSampleWorkshops(page, host.url);
  await page.getByRole('navigation', { name: 'Workshop topics' }).getByRole('link', { name: /^Authentication/ }).click();
  await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();
  await page.getByRole('group', { name: 'Single sign-on' }).getByRole('radio', { name: 'Yes' }).check();
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await decisions.getByLabel('New decision').fill('Single sign-on follows in phase 2');
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  await decisions.getByLabel('Changes the answer to').selectOption({ label: 'Single sign-on' });
  const note = page.getByRole('note').filter({ hasText: 'Changed by a decision: Single sign-on follows in phase 2' });
  await expect(note).toBeVisible();
  await allSaved(page);
  await page.reload();
  await expect(note).toBeVisible();
});

test('the hardware sizing follows its inputs and assumptions and is kept with the project', async ({ page, host }) => {
  await openSampleWorkshops(page, host.url);
  await page.getByRole('link', { name: /^Technology transfer/ }).click();
  await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();
  await page.getByLabel(/^Mailboxes \(mailboxes\)/).fill('1200000');
  const sizing = page.getByRole('region', { name: 'Hardware sizing' });
  await sizing.getByLabel('Mailboxes: Webmail only').fill('1000000');
  // The calculator checks its account types against the workshop's answer.
  await expect(sizing.getByRole('note')).toHaveText('The workshop answers give 1,200,000 mailboxes; the account types here add up to 1,000,000.');
  await sizing.getByLabel('Mailboxes: Groupware', { exact: true }).fill('200000');
  await expect(sizing.getByRole('note')).toHaveCount(0);
  await sizing.getByLabel('Mailboxes: Groupware', { exact: true }).fill('0');
  // 1,000,000 × 5 % = 50,000 sessions; 52.8 GB heap over 24 GB per node → 3 nodes, plus one spare.
  await expect(sizing.locator('dt:text-is("Concurrent sessions") + dd')).toHaveText('50,000');
  await expect(sizing.getByText('4 × 32 GB RAM, 8 cores')).toBeVisible();
  await sizing.getByLabel('Spare nodes for redundancy (N+1)').fill('2');
  await expect(sizing.getByText('5 × 32 GB RAM, 8 cores')).toBeVisible();
  await allSaved(page);
  await page.reload();
  await expect(sizing.getByLabel('Mailboxes: Webmail only')).toHaveValue('1000000');
  await expect(sizing.getByText('5 × 32 GB RAM, 8 cores')).toBeVisible();
});

test('a template pack is exported, refused with every problem when broken, and imported as a new version', async ({ page, host }) => {
  await openSampleWorkshops(page, host.url);
  const packs = page.getByRole('region', { name: 'Template packs' });
  const download = page.waitForEvent('download');
  await packs.getByRole('button', { name: 'Export Open-Xchange App Suite' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ox-app-suite-v1.json');
  const pack = JSON.parse(readFileSync(await file.path(), 'utf8')) as Pack;
  expect(pack.topics).toHaveLength(21);

  const broken = { ...pack, version: 2, topics: [{ ...pack.topics[0]!, key: 'Not A Key' }, ...pack.topics.slice(1)] };
  broken.topics[1] = { ...broken.topics[1]!, fields: [] };
  const chooser = packs.getByLabel('Import a template pack…');
  await chooser.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(packs.getByText('The pack was not imported. 2 problems to fix:')).toBeVisible();
  await expect(packs.getByRole('listitem').filter({ hasText: /^topics\[0\]\.key: / })).toBeVisible();
  await expect(packs.getByRole('listitem').filter({ hasText: /^topics\[1\]\.fields: / })).toBeVisible();
  await expect(packs.getByText('version 1 · included with Fieldbook')).toBeVisible();

  const renamed = { ...pack, version: 2, topics: pack.topics.map((t) => (t.key === 'spam' ? { ...t, title: { en: 'Spam and viruses', de: 'Spam und Viren' } } : t)) };
  await chooser.setInputFiles({ name: 'pack-v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
  await expect(packs.getByRole('status').filter({ hasText: 'Imported Open-Xchange App Suite, version 2.' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Workshop topics' }).getByRole('link', { name: /^Spam and viruses/ })).toBeVisible();
});
