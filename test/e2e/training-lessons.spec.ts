// Training and lessons learned as a consultant records them, in Chromium against the web host: a
// training on the sample project with its topics, attendance and each attendee's feedback typed
// with pauses, still there after a reload, exported as the training record and read back from
// the PDF; then the customer's feedback scored from the keyboard and a retrospective action that
// goes on another project's checklist, which says where it came from.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { exportedPdf } from './export-pdf.ts';
import { expect, test } from './fixtures.ts';

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Alle Änderungen gespeichert/ })).toBeVisible();
}

/** Typing as people type: a key at a time, with a pause in the middle of the text. */
async function typeWithPause(page: Page, text: string): Promise<void> {
  const half = Math.floor(text.length / 2);
  await page.keyboard.type(text.slice(0, half), { delay: 30 });
  await page.waitForTimeout(900);
  await page.keyboard.type(text.slice(half), { delay: 30 });
}

test('a training with attendance and feedback, reloaded, exported as the training record', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByLabel('Kind of meeting').selectOption('training');
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Training' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Admin training');

  const training = page.getByRole('region', { name: 'Training', exact: true });
  await training.getByLabel('Trainer').selectOption({ label: 'Miriam Kaya' });
  await training.getByRole('checkbox', { name: 'Administrators', exact: true }).check();
  await training.getByRole('checkbox', { name: /Provisioning contexts and users/ }).check();
  await training.getByLabel('Own topic').fill('Migration from Horde');
  await training.getByRole('button', { name: 'Add topic' }).click();
  await expect(training.getByRole('listitem').filter({ hasText: 'Migration from Horde' })).toBeVisible();

  // Attendance: the customer's people only.
  const attendance = page.getByRole('region', { name: 'Attendance' });
  await expect(attendance.getByLabel('Presence of Lukas Brandt')).toHaveCount(0);
  await attendance.getByLabel('Presence of Dr. Anja Petersen').selectOption({ label: 'Present' });
  await attendance.getByLabel('Presence of Jonas Weber').selectOption({ label: 'Present' });

  // Feedback: the score from the keyboard (arrow keys move through the radio group), the comment typed with pauses.
  const anja = training.getByRole('group', { name: 'Score of Dr. Anja Petersen' });
  await anja.getByRole('radio', { name: '4' }).check();
  await anja.getByRole('radio', { name: '4' }).press('ArrowRight');
  await expect(anja.getByRole('radio', { name: '5' })).toBeChecked();
  await training.getByLabel('Comment of Dr. Anja Petersen').click();
  await typeWithPause(page, 'Sehr praxisnah, gerne mehr Übungen');
  await training.getByRole('group', { name: 'Score of Jonas Weber' }).getByRole('radio', { name: '3' }).check();
  await training.getByLabel('Comment of Jonas Weber').click();
  await typeWithPause(page, 'Provisioning went too fast');
  await training.getByLabel('Web address (https://…)').fill('https://documentation.open-xchange.com/');
  await training.getByLabel('Name of the material').fill('Admin guide');
  await training.getByRole('button', { name: 'Add link' }).click();
  await expect(training.getByRole('link', { name: 'Admin guide' })).toBeVisible();
  await training.getByLabel('Attach a file').setInputFiles({ name: 'admin-slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% slides\n%%EOF\n') });
  await expect(training.getByRole('button', { name: 'Open admin-slides.pdf' })).toBeVisible();
  await allSaved(page);

  await page.reload();
  const reloaded = page.getByRole('region', { name: 'Training', exact: true });
  await expect(reloaded.getByRole('group', { name: 'Score of Dr. Anja Petersen' }).getByRole('radio', { name: '5' })).toBeChecked();
  await expect(reloaded.getByLabel('Comment of Dr. Anja Petersen')).toHaveValue('Sehr praxisnah, gerne mehr Übungen');
  await expect(reloaded.getByLabel('Comment of Jonas Weber')).toHaveValue('Provisioning went too fast');
  await expect(reloaded.getByLabel('Trainer')).toHaveValue(/.+/);

  // The file attached comes back as it went in.
  const fileDownload = page.waitForEvent('download');
  await reloaded.getByRole('button', { name: 'Open admin-slides.pdf' }).click();
  expect(readFileSync(await (await fileDownload).path()).toString()).toBe('%PDF-1.4\n% slides\n%%EOF\n');

  const { fileName, text } = await exportedPdf(page, 'Export the training record');
  expect(fileName).toMatch(/^training-webmail-.*-v1\.pdf$/);
  for (const expected of [
    'Training record: Admin training',
    'Trainer Miriam Kaya',
    'Audience Administrators',
    'Provisioning contexts and users',
    'Migration from Horde',
    'Dr. Anja Petersen',
    'Jonas Weber',
    'Signature',
    'Average score 4 of 5 (ratings: 2)',
    'Sehr praxisnah, gerne mehr Übungen',
    'Provisioning went too fast',
    'Admin guide',
  ]) {
    expect(text, expected).toContain(expected);
  }
});

test("the customer's feedback and a retrospective action on another project's checklist", async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  // The consultancy's own follow-up project.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Customer', { exact: true }).selectOption('new');
  await dialog.getByLabel('Name of the new customer').fill('Fieldbook Consulting');
  await dialog.getByLabel('Project name').fill('Practice improvements');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Practice improvements/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('link', { name: /Webmail/ }).first().click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Lessons learned' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Lessons learned and retrospective/ })).toBeVisible();

  const communication = page.getByRole('group', { name: 'How satisfied were you with the project communication?' });
  await communication.getByRole('radio', { name: '3' }).check();
  await communication.getByRole('radio', { name: '3' }).press('ArrowRight');
  await expect(communication.getByRole('radio', { name: '4' })).toBeChecked();
  await page.getByLabel('Comment of How satisfied were you with the project communication?').click();
  await typeWithPause(page, 'The weekly calls helped');
  await page.getByRole('group', { name: 'Overall, how satisfied are you with the project?' }).getByRole('radio', { name: '5' }).check();
  await expect(page.getByText('Average: 4.5')).toBeVisible();

  await page.getByLabel('New entry: What went well').fill('Status calls every Friday');
  await page.getByLabel('New entry: What went well').press('Enter');
  await expect(page.getByRole('textbox', { name: 'What went well 1' })).toHaveValue('Status calls every Friday');

  await page.getByLabel('Action', { exact: true }).fill('Sizing sheet for small installations');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Miriam Kaya' });
  await page.getByLabel('Follow-up project', { exact: true }).selectOption({ label: 'Practice improvements · Fieldbook Consulting' });
  await page.getByRole('button', { name: 'Add', exact: true }).last().click();
  const item = page.getByRole('link', { name: /R-001 on the checklist of Practice improvements/ });
  await expect(item).toBeVisible();
  await allSaved(page);

  await item.click();
  const panel = page.getByRole('complementary', { name: /R-001 Sizing sheet for small installations/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Responsible')).toHaveValue(/.+/);
  await expect(panel.getByRole('link', { name: /Action of the retrospective of Webmail/ })).toBeVisible();
});
