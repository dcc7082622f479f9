// A test run in Chromium against the web host: the plan made from the sample project's workshops,
// three cases run from the keyboard (P, F, B) with the next untested case following, a screenshot
// attached, a JMeter JTL and a JUnit file imported, the verdict confirmed, both sides signed, and
// the protocol exported as PDF and read back with the verdict and the p95.
import { join } from 'node:path';
import { exportedPdf } from './export-pdf.ts';
import { expect, test } from './fixtures.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

test('a test run from the keyboard, with evidence, imported results, sign-off and the protocol', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Tests' }).click();
  await expect(page.getByText('No test run yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Make the plan from the pack and the workshops' }).click();
  const plan = page.getByRole('list', { name: 'Test plan' });
  await expect(plan.getByRole('heading', { name: /^T-001: / })).toBeVisible();
  const cases = await plan.getByRole('heading', { level: 3 }).count();
  expect(cases).toBeGreaterThan(3);

  await page.getByLabel('Name of the new run').fill('Internal approval');
  await page.getByRole('button', { name: 'Start a test run' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Internal approval' })).toBeVisible();
  const progress = page.getByRole('status', { name: 'Progress of the run' });
  await expect(progress).toContainText(`0 of ${cases} cases tested`);

  // P, F, B: each sets the result and the next untested case follows.
  const current = page.locator('#case-run-heading');
  await expect(current).toHaveText(/^T-001: /);
  await page.keyboard.press('p');
  await expect(current).toHaveText(/^T-002: /);
  await page.keyboard.press('f');
  await expect(current).toHaveText(/^T-003: /);
  await page.keyboard.press('b');
  await expect(current).toHaveText(/^T-004: /);
  await expect(progress).toContainText(`3 of ${cases} cases tested`);
  await expect(progress).toContainText('Passed 1 · Failed 1 · Blocked 1');

  // The failed case: an actual result typed, a screenshot attached, put on the checklist.
  const runCases = page.getByRole('navigation', { name: 'Cases of the run' });
  await runCases.getByRole('button', { name: 'T-002 · Failed' }).click();
  await expect(current).toHaveText(/^T-002: /);
  await page.getByLabel('Actual result, step 1').fill('Only mw1 takes sessions');
  await page.getByLabel('Actual result, step 1').blur();
  await page.getByLabel('Attach evidence to T-002').setInputFiles({ name: 'sessions.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: 'sessions.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Put on the checklist' }).click();
  await expect(page.getByText('This failure is on the requirements checklist.')).toBeVisible();

  // The blocked case passes on retest, the rest pass from the keyboard.
  await runCases.getByRole('button', { name: 'T-003 · Blocked' }).click();
  await page.keyboard.press('p');
  for (let i = 4; i <= cases; i++) {
    await expect(current).toHaveText(new RegExp(`^T-${String(i).padStart(3, '0')}: `));
    await page.keyboard.press('p');
  }
  await expect(progress).toContainText(`${cases} of ${cases} cases tested`);
  await expect(page.getByText('Every case is passed, failed or waived.')).toBeVisible();

  // Results imported from tools.
  const results = page.getByRole('region', { name: 'Results imported from tools' });
  await results.getByLabel('Import JMeter or JUnit results').setInputFiles(join(FIXTURES, 'jmeter', 'default-header.jtl'));
  await expect(results.getByText(/default-header\.jtl/).first()).toBeVisible();
  await results.getByLabel('Import JMeter or JUnit results').setInputFiles(join(FIXTURES, 'junit', 'jest.xml'));
  await expect(results.getByText(/jest\.xml/).first()).toBeVisible();

  // The verdict confirmed, both sides sign.
  await page.getByLabel('Verdict').selectOption({ label: 'Approved with conditions' });
  await page.getByLabel('Confirmed by').fill('Max Berger');
  await page.getByRole('button', { name: 'Confirm the verdict' }).click();
  await expect(page.getByText('Verdict: Approved with conditions')).toBeVisible();
  await page.getByLabel('Name (Customer)').fill('Dr. Anja Petersen');
  await page.getByLabel('Role (Customer)').fill('CIO');
  await page.getByLabel('Organisation (Customer)').fill('Stadtwerke Nordhafen');
  await page.getByLabel('Name (Consultancy)').fill('Max Berger');
  await page.getByLabel('Role (Consultancy)').fill('Project lead');
  await page.getByLabel('Organisation (Consultancy)').fill('Fieldbook Consulting');
  await page.getByRole('button', { name: 'Sign off the run' }).click();
  await expect(page.getByText(/This run is signed off and frozen/)).toBeVisible();
  await expect(page.getByText(/^Customer: Dr\. Anja Petersen, CIO/)).toBeVisible();

  // The protocol as PDF, read back.
  const exported = await exportedPdf(page, 'Test protocol of this run');
  expect(exported.fileName).toMatch(/^test-protocol-.*-v1\.pdf$/);
  const pdf = exported.text.replace(/\s+/g, ' ');
  expect(pdf).toContain('Verdict Approved with conditions');
  expect(pdf).toContain('p95 (ms)');
  // The JTL's p95 over all requests is 400 ms (hand-computed, test/integration/test-protocol-export.test.ts).
  expect(pdf).toContain('Total 14 7.14 % 110.7 70 300 400 400 400');
  expect(pdf).toContain('Dr. Anja Petersen, CIO');
});
