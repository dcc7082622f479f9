// A statement of work in Chromium against the web host: started from the pack's template with
// the sample project's agreed workshop topic, two effort lines typed in with the totals following,
// sent (trying to edit it then asks for version 2), the versions compared, and version 1 exported
// as PDF and read back with the total the screen shows.
import { exportedPdf } from './export-pdf.ts';
import { expect, test } from './fixtures.ts';

test('an SOW from the template and the workshops, sent, frozen, compared and exported', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Statements of work' }).click();
  await expect(page.getByText('No statement of work yet.')).toBeVisible();

  await expect(page.getByLabel('Start from')).toHaveValue('ox-implementation');
  await expect(page.getByLabel('Add the agreed workshop topics')).toBeChecked();
  await page.getByRole('button', { name: 'Start an SOW' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'SOW-01: Implementation of Open-Xchange App Suite' })).toBeVisible();
  // The sample's load-balancing workshop is agreed: a scope line and a deliverable of its own.
  await expect(page.getByLabel('In scope')).toHaveValue(/- Load balancing: as agreed in the workshop of [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expect(page.getByLabel('Deliverable, line 10')).toHaveValue('Load balancing implemented as agreed');
  await expect(page.getByLabel('Assumptions', { exact: true })).toHaveValue(/The existing F5 terminates TLS/);

  const effort = page.getByRole('region', { name: 'Effort and fees' });
  const fee = page.getByRole('region', { name: 'Fee' });
  await expect(fee.getByText('EUR 33,625.00').first()).toBeVisible();
  // Two effort lines typed from the keyboard: the new line's first field has the focus.
  for (const [role, description, days, rate] of [
    ['Senior consultant', 'Load test with 5,000 sessions', '2.5', '1450'],
    ['Architect', 'Review of the monitoring', '0.75', '1333.33'],
  ] as const) {
    await effort.getByRole('button', { name: 'Add an effort line' }).click();
    await expect(page.locator(':focus')).toHaveAttribute('type', 'text');
    await page.keyboard.type(role);
    await page.keyboard.press('Tab');
    await page.keyboard.type(description);
    await page.keyboard.press('Tab');
    await page.keyboard.type(days);
    await page.keyboard.press('Tab');
    await page.keyboard.type(rate);
    await page.keyboard.press('Tab');
  }
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  // 2.5 × 1,450.00 = 3,625.00; 0.75 × 1,333.33 = 999.9975 → 1,000.00 (rounded once, half away from zero).
  await expect(effort.getByRole('row', { name: /Load test with 5,000 sessions/ })).toContainText('3,625.00');
  await expect(effort.getByRole('row', { name: /Review of the monitoring/ })).toContainText('1,000.00');
  await expect(fee.locator('.sow-total dd')).toHaveText('EUR 38,250.00');
  await expect(page.getByText('The shares add up to 100 %.')).toBeVisible();
  // A wrong number stays in its field with the reason, and nothing is saved.
  await page.getByLabel('Days, line 12').fill('zwei');
  await page.getByLabel('Days, line 12').blur();
  await expect(page.getByText('Expected a number such as 2.5')).toBeVisible();
  await page.getByLabel('Days, line 12').fill('0.75');
  await page.getByLabel('Days, line 12').blur();
  await expect(page.getByText('Expected a number such as 2.5')).toBeHidden();

  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText(/Version 1: Sent · sent on/)).toBeVisible();
  // Editing the sent version asks for version 2 instead of changing it.
  await page.getByLabel('Title', { exact: true }).click();
  await page.keyboard.type('x');
  const dialog = page.getByRole('dialog', { name: 'SOW-01 version 1 cannot be changed' });
  await expect(dialog).toContainText(/was sent on .* and stays as it was sent/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Implementation of Open-Xchange App Suite');
  await dialog.getByRole('button', { name: 'Start version 2' }).click();
  const versions = page.getByRole('navigation', { name: 'Versions' });
  await expect(versions.getByRole('link', { name: 'Version 2: Draft' })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Title', { exact: true }).fill('Implementation and rollout');
  await page.getByLabel('Title', { exact: true }).blur();
  await expect(page.getByRole('heading', { level: 2, name: 'SOW-01: Implementation and rollout' })).toBeVisible();
  const changes = page.getByRole('region', { name: 'Changes between versions' });
  await expect(changes.getByRole('row', { name: /Title/ })).toContainText('Implementation of Open-Xchange App Suite');
  await expect(changes.getByRole('row', { name: /Title/ })).toContainText('Implementation and rollout');

  // Version 1 exports as it was sent.
  await versions.getByRole('link', { name: 'Version 1: Sent' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'SOW-01: Implementation of Open-Xchange App Suite' })).toBeVisible();
  const total = await fee.locator('.sow-total dd').textContent();
  const { fileName, text: pdf } = await exportedPdf(page, 'Export this version');
  expect(fileName).toMatch(/^sow-webmail-.*-sow-01-version-1-v1\.pdf$/);
  expect(pdf).toContain('SOW-01: Implementation of Open-Xchange App Suite');
  expect(pdf).toContain('Load test with 5,000 sessions');
  expect(pdf).toContain(`Total ${total!.replace(/[\u00a0\u202f]/g, ' ')}`);
  expect(pdf).not.toContain('rollout');
});
