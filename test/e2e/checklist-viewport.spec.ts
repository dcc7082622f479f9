// The virtualised checklist fills whatever height its scroll area has: in a tall window the rows
// in the page reach the bottom of the list wherever it is scrolled, also after the window grows,
// and the end of the list shows the last item, in the plain and in the grouped views. The items
// come in through the API.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ITEMS = 400;

// The list is 70vh high: 1400 px of rows here, more than a fixed number of rows would cover.
test.use({ viewport: { width: 1400, height: 2000 } });

async function call<T>(request: APIRequestContext, hostUrl: string, method: string, input: object): Promise<T> {
  const url = new URL(hostUrl);
  const response = await request.post(new URL(`api/${method}`, url.origin + url.pathname).href, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
    data: input,
  });
  expect(response.ok(), `${method}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

/** A project with ITEMS checklist items ("Item 001", "Item 002", ...), alternately on each side. */
async function projectWithItems(page: Page, hostUrl: string): Promise<string> {
  const customer = await call<{ id: string }>(page.request, hostUrl, 'customers.create', { name: 'Tall window customer' });
  const detail = await call<{ project: { id: string } }>(page.request, hostUrl, 'projects.create', { customerId: customer.id, name: 'Tall window project' });
  const projectId = detail.project.id;
  const lines = ['Title,Owner side'];
  for (let i = 1; i <= ITEMS; i++) lines.push(`Item ${String(i).padStart(3, '0')},${i % 2 ? 'Customer' : 'Consultancy'}`);
  const csv = `${lines.join('\r\n')}\r\n`;
  const preview = await call<{ mapping: unknown }>(page.request, hostUrl, 'requirements.previewImport', { projectId, csv });
  const result = await call<{ created: number }>(page.request, hostUrl, 'requirements.import', { projectId, csv, mapping: preview.mapping });
  expect(result.created).toBe(ITEMS);
  return projectId;
}

/**
 * Blank space in the scroll area, in pixels: above the first row drawn (below the sticky header
 * rows) and below the last row drawn. Under 1 px means rows cover that edge (collapsed borders are
 * shared half and half between neighbouring rows).
 */
function blankSpace(viewport: Locator): Promise<{ above: number; below: number }> {
  return viewport.evaluate((element) => {
    const rows = element.querySelectorAll('tbody tr:not([aria-hidden])');
    const first = rows[0]!.getBoundingClientRect();
    const last = rows[rows.length - 1]!.getBoundingClientRect();
    // The header cells are sticky, not the thead: its last row's cell says where the rows start.
    const headerBottom = element.querySelector('thead tr:last-child > *')!.getBoundingClientRect().bottom;
    const areaBottom = element.getBoundingClientRect().top + element.clientTop + element.clientHeight;
    return { above: first.top - headerBottom, below: areaBottom - last.bottom };
  });
}

async function expectFilledAt(viewport: Locator, share: number): Promise<void> {
  await viewport.evaluate((element, at) => (element.scrollTop = (element.scrollHeight - element.clientHeight) * at), share);
  await expect
    .poll(async () => Math.max(...Object.values(await blankSpace(viewport))), { message: `rows cover the list scrolled to ${share * 100} %` })
    .toBeLessThan(1);
}

async function expectEndShown(viewport: Locator, table: Locator): Promise<Locator> {
  await viewport.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const lastRow = table.getByRole('row').last();
  await expect(lastRow).toHaveAttribute('aria-rowindex', (await table.getAttribute('aria-rowcount'))!);
  await expect(lastRow).toBeInViewport();
  return lastRow;
}

test('a tall window: the checklist rows fill the list wherever it is scrolled, and the end shows the last item', async ({ page, host }) => {
  const projectId = await projectWithItems(page, host.url);
  await page.goto(host.url);
  await page.goto(`${host.url.split('?')[0]}#/project/${projectId}/checklist`);
  await expect(page.getByText(`${ITEMS} of ${ITEMS} items shown`)).toBeVisible();

  const table = page.getByRole('table', { name: /Checklist items/ });
  const viewport = page.locator('.checklist-viewport');
  await expect(table).toHaveAttribute('aria-rowcount', String(ITEMS + 2));
  for (const share of [0, 0.3, 0.7]) await expectFilledAt(viewport, share);
  const lastRow = await expectEndShown(viewport, table);
  await expect(lastRow.getByRole('link')).toHaveText(`Item ${ITEMS}`);

  // Grouped by owner side: two heading rows among the items; the end shows the last group's last item.
  await page.getByRole('button', { name: 'By owner side' }).click();
  await expect(table).toHaveAttribute('aria-rowcount', String(ITEMS + 2 + 2));
  await viewport.evaluate((element) => (element.scrollTop = 0));
  await expect(table.getByRole('row').filter({ hasText: `(${ITEMS / 2})` }).first()).toBeInViewport();
  for (const share of [0, 0.5]) await expectFilledAt(viewport, share);
  await expect((await expectEndShown(viewport, table)).getByRole('link')).toHaveText(new RegExp(`^Item (${ITEMS - 1}|${ITEMS})$`));

  // The window grows: the list measures its new height and draws more rows.
  await page.setViewportSize({ width: 1400, height: 2600 });
  await expectFilledAt(viewport, 0.5);
});
