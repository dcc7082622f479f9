// Typing as people type, on every screen with a form: one field after the other, with pauses
// shorter and longer than the autosave pause (400 ms) between fields and within a word. While a
// field is typed, no field typed before it may change (a save's answer or an old reload putting an
// older value back); after a reload every value is still there.
import type { ElementHandle, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Pauses after a field, in ms: shorter and longer than the autosave pause, and a snap-back's 1–2 s. */
const PAUSES = [120, 1600, 300, 2300, 60, 900];
/** Delays between keystrokes, in ms; the last is longer than the autosave pause, so a save starts mid-word. */
const KEY_DELAYS = [15, 70, 450];

interface Typed {
  /** The field as typed into; after a reload, the field at the same place among the scope's fields. */
  element: ElementHandle<HTMLElement | SVGElement>;
  place: number;
  name: string;
  value: string;
}

/** An export's choices (the change note, the report's period) belong to one export and are not kept. */
const EXPORT_CHOICES = /^What changed|^From$|^To$/;

/** Every field a person types into, in the order of the page: text, long text, numbers, addresses, dates. */
const TYPEABLE = 'input:not([type]), input[type=text], input[type=number], input[type=email], input[type=tel], input[type=url], textarea';

function valueFor(type: string, name: string, index: number, overrides: Record<string, string>): string {
  for (const [pattern, value] of Object.entries(overrides)) if (new RegExp(pattern).test(name)) return value;
  switch (type) {
    case 'number':
      return String(10 + index);
    case 'email':
      return `person${index}@example.org`;
    case 'tel':
      return `+49 40 555 01${index}`;
    case 'url':
      return `https://example.org/${index}`;
    case 'date':
      return `2026-12-${String(1 + (index % 28)).padStart(2, '0')}`;
    default:
      return `Typed ${index}`;
  }
}

async function expectUnchanged(typed: readonly Typed[], when: string): Promise<void> {
  // Read at once, without waiting: a value that changes and changes back is the fault looked for.
  for (const t of typed) expect(await t.element.inputValue(), `${t.name} ${when}`).toBe(t.value);
}

/**
 * Types into every visible field of `scope` (except those whose accessible name matches `skip`),
 * checking the fields typed before after each one and each pause, and returns what was typed.
 */
async function typeIntoEveryField(page: Page, scope: Locator, options: { skip?: RegExp; overrides?: Record<string, string> } = {}): Promise<Typed[]> {
  const fields = scope.locator(TYPEABLE).filter({ visible: true });
  await expect(fields.first()).toBeVisible();
  const count = await fields.count();
  expect(count, 'fields on the screen').toBeGreaterThan(0);
  const typed: Typed[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isEditable())) continue;
    const name = await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '');
    if (options.skip?.test(name) || EXPORT_CHOICES.test(name)) continue;
    // A field of a form sent with its button (a new question, decision or action item) is not saved as typed.
    if (await field.evaluate((el) => el.closest('form') !== null)) continue;
    // A date field is a text field that takes only a date (see DateField).
    const type = (await field.evaluate((el) => el.classList.contains('date-input'))) ? 'date' : ((await field.getAttribute('type')) ?? 'text');
    const value = valueFor(type, name, typed.length, options.overrides ?? {});
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(value, { delay: KEY_DELAYS[typed.length % KEY_DELAYS.length] });
    await expectUnchanged(typed, `while "${name}" was typed`);
    // Held by the element, not by its index: fields that appear with an answer shift the indices.
    typed.push({ element: await field.elementHandle(), place: -1, name, value });
    await page.waitForTimeout(PAUSES[i % PAUSES.length]!);
    await expectUnchanged(typed, `after a pause`);
  }
  await page.keyboard.press('Tab');
  await page.waitForTimeout(2500);
  await expectUnchanged(typed, 'after the last field was left');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  for (const t of typed) t.place = await scope.locator(TYPEABLE).evaluateAll((all, element) => all.indexOf(element), t.element);
  return typed;
}

async function expectKept(scope: Locator, typed: readonly Typed[]): Promise<void> {
  for (const t of typed) await expect(scope.locator(TYPEABLE).nth(t.place), `${t.name} after a reload`).toHaveValue(t.value);
}

async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create sample project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Webmail replacement 2027/ })).toBeVisible();
}

/** Answers of Technology transfer that have a form a generic value does not fit. */
const TECHNOLOGY_TRANSFER = {};

test.describe.configure({ timeout: 180_000 });

test('branding: every field typed in turn is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Branding' }).click();
  const form = page.getByRole('region', { name: 'Branding' });
  const typed = await typeIntoEveryField(page, form);
  expect(typed.map((t) => t.name)).toEqual(expect.arrayContaining(['Address', 'Confidentiality line']));
  await page.reload();
  await expectKept(form, typed);
});

test('your profile: every field typed in turn is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  const form = page.getByRole('region', { name: 'Your profile' });
  const typed = await typeIntoEveryField(page, form, { overrides: { '^Your name': 'Miriam Kaya' } });
  expect(typed.map((t) => t.name)).toEqual(['Your name (required)', 'E-mail', 'Role (e.g. Senior consultant)']);
  await page.reload();
  await expectKept(form, typed);
  // Asked once: the start screen no longer asks.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await expect(page.getByRole('link', { name: 'Set up your profile' })).toHaveCount(0);
});

test('the project dashboard: details and the Go / No-Go decision', async ({ page, host }) => {
  await openSample(page, host.url);
  const dashboard = page.locator('article.dashboard');
  // The notes of the activities are fields of their own rows; the dashboard's forms are the rest,
  // the status report's notes among them.
  const typed = await typeIntoEveryField(page, dashboard, { skip: /^Note on |^New /, overrides: { '^Concurrent sessions': '900' } });
  expect(typed.map((t) => t.name)).toEqual(expect.arrayContaining(['Project name', 'Mailboxes', 'Rationale', 'Summary for the customer', 'Risks']));
  await page.reload();
  await expectKept(dashboard, typed);
});

test('a customer and a person', async ({ page, host }) => {
  await openSample(page, host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('navigation', { name: 'All customers' }).getByRole('link').first().click();
  const customer = page.locator('article').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
  const typedCustomer = await typeIntoEveryField(page, customer);
  await page.reload();
  await expectKept(customer, typedCustomer);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('navigation', { name: 'All people' }).getByRole('link').first().click();
  const person = page.locator('article').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
  const typedPerson = await typeIntoEveryField(page, person);
  await page.reload();
  await expectKept(person, typedPerson);
});

test('a workshop form and the sizing calculator, ticking a feature between numbers', async ({ page, host }) => {
  await openSample(page, host.url);
  await page.getByRole('link', { name: 'Open the workshops' }).click();
  await page.getByRole('link', { name: /^Technology transfer/ }).click();
  await page.getByRole('button', { name: 'Start the workshop on this topic' }).click();
  const sizing = page.getByRole('region', { name: 'Hardware sizing' });
  const typedSizing = await typeIntoEveryField(page, sizing, { overrides: { '^Mailboxes: ': '15000', 'headroom|^Share of node RAM': '0.25', '^Extra load': '1.5' } });
  // Ticking a feature right after the last number must not take the numbers back.
  await sizing.getByRole('checkbox', { name: 'Mobile sync' }).check();
  await page.waitForTimeout(2000);
  await expectUnchanged(typedSizing, 'after Mobile sync was ticked');
  const form = page.locator('.topic-form');
  const typedAnswers = await typeIntoEveryField(page, form, { overrides: TECHNOLOGY_TRANSFER });
  await page.reload();
  await expectKept(sizing, typedSizing);
  await expect(sizing.getByRole('checkbox', { name: 'Mobile sync' })).toBeChecked();
  await expectKept(form, typedAnswers);
});

test('a meeting and a checklist item', async ({ page, host }) => {
  await openSample(page, host.url);
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const meeting = page.locator('main');
  const typedMeeting = await typeIntoEveryField(page, meeting, { skip: /^New /, overrides: { '^Date and time$|^Next meeting on$': '2026-12-03 10:15' } });
  await page.reload();
  await expectKept(meeting, typedMeeting);

  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Requirements checklist' }).click();
  await page.getByLabel('New checklist item').fill('Mail ports opened on the firewall');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByRole('table', { name: /Checklist items/ }).getByRole('link', { name: 'Mail ports opened on the firewall' }).click();
  const panel = page.getByRole('complementary', { name: /^R-\d+/ });
  const typedItem = await typeIntoEveryField(page, panel, { skip: /^New |comment/i });
  await page.reload();
  await expectKept(panel, typedItem);
});

test('an earlier save read back late does not replace what was typed since', async ({ page, host }) => {
  await openSample(page, host.url);
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const title = page.getByLabel('Agenda item 1', { exact: true });
  await expect(title).toBeVisible();

  // The meeting read back after the first save answers only once the second save is answered,
  // as a busy machine may order them, and the second's later still.
  let holdReads = true;
  const held: (() => void)[] = [];
  await page.route('**/api/meetings.get', async (route) => {
    if (!holdReads) return route.continue();
    const response = await route.fetch();
    held.push(() => void route.fulfill({ response }));
  });
  const saved = () => page.waitForResponse((r) => r.url().endsWith('/api/agenda.update'));

  let answered = saved();
  await title.pressSequentially('Type');
  await answered;
  await expect.poll(() => held.length).toBeGreaterThan(0);
  answered = saved();
  await title.pressSequentially('d');
  await answered;
  // The first save's read back arrives; the second's is still on its way.
  held.shift()!();
  await page.waitForTimeout(300);
  await title.pressSequentially(' on time');
  holdReads = false;
  for (const release of held.splice(0)) release();
  await expect(title).toHaveValue('Typed on time');
  await title.press('Tab');
  await page.reload();
  await expect(page.getByLabel('Agenda item 1', { exact: true })).toHaveValue('Typed on time');
});
