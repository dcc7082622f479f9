// The foundation as a consultant uses it, in Chromium against the local web host: a customer and
// a project, two people, ticked activities, a Go decision, the move to Concept, all still there
// after a reload, and the same screens in German.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Alle Änderungen gespeichert/ })).toBeVisible();
}

async function addPerson(page: Page, person: { name: string; organisation: string; side: string; email: string; role: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person to the project' });
  await dialog.getByLabel('Name', { exact: true }).fill(person.name);
  await dialog.getByLabel('Organisation', { exact: true }).fill(person.organisation);
  await dialog.getByLabel('Side', { exact: true }).selectOption({ label: person.side });
  await dialog.getByLabel('E-mail', { exact: true }).fill(person.email);
  await dialog.getByLabel('Role in this project').fill(person.role);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
}

test('a project from creation to Concept survives a reload, and reads in German', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Fieldbook' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create sample project' })).toBeVisible();
  // The token has left the address bar.
  expect(page.url()).not.toContain('token=');

  // A customer and a project, in one dialog.
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByLabel('Customer', { exact: true })).toHaveValue('new');
  await dialog.getByLabel('Name of the new customer').fill('Hansestadt Kommunal-IT');
  await dialog.getByLabel('Project name').fill('Mail platform renewal');
  await expect(dialog.getByLabel('Product', { exact: true })).toHaveValue('Open-Xchange App Suite');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail platform renewal for Hansestadt Kommunal-IT' })).toBeVisible();

  // Two people, one on each side.
  await addPerson(page, { name: 'Birgit Sommer', organisation: 'Hansestadt Kommunal-IT', side: 'Customer', email: 'b.sommer@hki.example', role: 'Mail administrator' });
  await addPerson(page, { name: 'Tobias Brandt', organisation: 'Fieldbook Consulting', side: 'Consultancy', email: 't.brandt@fc.example', role: 'Lead consultant' });
  const people = page.getByRole('region', { name: 'People on this project' });
  await expect(people.getByRole('link', { name: 'Birgit Sommer' })).toBeVisible();
  await expect(people.getByRole('link', { name: 'Tobias Brandt' })).toBeVisible();

  // Tick two activities and write a note.
  await page.getByRole('checkbox', { name: 'Technical demo (webcast or on-site) done' }).check();
  await page.getByRole('checkbox', { name: 'Architecture overview done' }).check();
  await page.getByLabel('Note on Proof of concept').fill('Test server with SSH access requested on 3 Dec');
  await page.getByLabel('Status of Proof of concept').selectOption({ label: 'In progress' });
  await allSaved(page);

  // Without a Go, moving on asks first; cancelling leaves the project where it was.
  await page.getByRole('button', { name: 'Move to Concept' }).click();
  const confirm = page.getByRole('dialog', { name: 'No Go decision recorded' });
  await expect(confirm).toContainText('Pending');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Current phase')).toHaveValue('initialization');

  // Record the Go, then move on without being asked.
  const gate = page.getByRole('region', { name: 'Go / No-Go decision' });
  await gate.getByLabel('Decision', { exact: true }).selectOption({ label: 'Go' });
  await gate.getByLabel('Date of the decision').fill('2026-11-20');
  await gate.getByLabel('Decided by').fill('Steering committee');
  await gate.getByLabel('Rationale').fill('Proof of concept met every criterion');
  await allSaved(page);
  await page.getByRole('button', { name: 'Move to Concept' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByLabel('Current phase')).toHaveValue('concept');
  await allSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail platform renewal for Hansestadt Kommunal-IT' })).toBeVisible();
  // The checklist opens on the current phase; Initialization is one click away.
  const checklists = page.getByRole('region', { name: 'Activities by phase' });
  await checklists.locator('summary').filter({ hasText: 'Initialization' }).click();
  await expect(page.getByRole('checkbox', { name: 'Technical demo (webcast or on-site) done' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Architecture overview done' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Proof of concept done' })).not.toBeChecked();
  await expect(page.getByLabel('Status of Proof of concept')).toHaveValue('in_progress');
  await expect(page.getByLabel('Note on Proof of concept')).toHaveValue('Test server with SSH access requested on 3 Dec');
  await expect(gate.getByLabel('Decision', { exact: true })).toHaveValue('go');
  await expect(gate.getByLabel('Date of the decision')).toHaveValue('2026-11-20');
  await expect(gate.getByLabel('Decided by')).toHaveValue('Steering committee');
  await expect(gate.getByLabel('Rationale')).toHaveValue('Proof of concept met every criterion');
  await expect(page.getByLabel('Current phase')).toHaveValue('concept');
  await expect(page.locator('li[aria-current="step"]')).toContainText('Concept');
  await expect(people.getByRole('link', { name: 'Birgit Sommer' })).toBeVisible();
  await expect(people.getByLabel('Role of Tobias Brandt')).toHaveValue('Lead consultant');

  // The list finds it by phase, and not under another.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByLabel('Phase', { exact: true }).selectOption({ label: 'Concept' });
  await expect(page.getByRole('link', { name: 'Mail platform renewal' })).toBeVisible();
  await page.getByLabel('Phase', { exact: true }).selectOption({ label: 'Implementation' });
  await expect(page.getByText('No project matches these filters.')).toBeVisible();
  await page.getByLabel('Phase', { exact: true }).selectOption({ label: 'All' });

  // German, remembered across a reload.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Projekte' })).toBeVisible();
  await page.getByRole('link', { name: 'Mail platform renewal' }).click();
  await expect(page.getByRole('heading', { name: 'Go/No-Go-Entscheidung' })).toBeVisible();
  await page.getByRole('region', { name: 'Aktivitäten nach Phase' }).locator('summary').filter({ hasText: 'Initialisierung' }).click();
  await expect(page.getByRole('checkbox', { name: 'Technische Demo (Webcast oder vor Ort) erledigt' })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' })).toBeVisible();
  await expect(page.getByLabel('Aktuelle Phase')).toHaveValue('concept');
  await expect(page.getByRole('option', { name: 'Konzeption' })).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('typing is kept when the page goes away before the save pause is over', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  const description = page.getByLabel('Description', { exact: true });
  await description.fill('Typed a moment before the window closed');
  // No waiting for the save pause: the page is left at once.
  await page.reload();
  await expect(description).toHaveValue('Typed a moment before the window closed');
});

test('a refused value stays in its field with the reason beside it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: /Jonas Weber/ }).click();
  // The person's page lists the projects they are on.
  await expect(page.getByRole('article').getByRole('link', { name: 'Webmail replacement 2027' })).toBeVisible();
  const email = page.getByLabel('E-mail', { exact: true });
  await email.fill('jonas.weber at example');
  await email.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Expected an e-mail address' })).toBeVisible();
  await expect(email).toHaveValue('jonas.weber at example');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Some changes could not be saved' })).toBeVisible();
  // The reason follows the UI language.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte eine E-Mail-Adresse angeben' })).toBeVisible();
  const germanEmail = page.getByLabel('E-Mail', { exact: true });
  await expect(germanEmail).toHaveValue('jonas.weber at example');
  await germanEmail.fill('jonas.weber@stadtwerke-nordhafen.example');
  await allSaved(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
