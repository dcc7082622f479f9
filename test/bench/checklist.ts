// `npm run bench` (third part): the requirements checklist with 10,000 items.
//   1. CSV import of 10,000 rows through the API (preview, then import), against the same rows
//      parsed only, and against raw better-sqlite3 inserts of the finished rows, in this run.
//   2. In Chromium against the web host: the time from typing in a column filter, and from a
//      click on a column header, to the list showing the result (median and worst); baseline:
//      the same filter and sort as bare array operations on the same items in the same page.
// Needs the built renderer (`npm run build:renderer`) and Debian's Chromium.
import Database from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import { newId } from '../../electron/core/ids.ts';
import type { ImportPreview, ImportResult } from '../../shared/checklist/types.ts';
import { parseCsv, writeCsv } from '../../shared/csv.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import { startWebHost, stopWebHost } from '../support/web-host.ts';

const ITEMS = 10_000;
const SAMPLES = 15;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const stats = (values: number[]) => `median ${median(values).toFixed(1)} ms, worst ${Math.max(...values).toFixed(1)} ms (n = ${values.length})`;

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

function csvOfItems(): string {
  const statuses = ['Open', 'In progress', 'Done', 'Blocked', 'Not needed'];
  const rows = [['Title', 'Description', 'Category', 'Status', 'Due date', 'Responsible', 'Owner side']];
  for (let i = 1; i <= ITEMS; i++) {
    rows.push([
      `Item ${String(i).padStart(5, '0')}: ${i % 7 === 0 ? 'Firewall "IMAPS", Port 993' : 'Prüfung der Größe'}`,
      i % 3 === 0 ? 'Zeile 1\nZeile 2; mit Trennern' : '',
      ['Storage', 'Network', 'Mail', 'Migration'][i % 4]!,
      statuses[i % 5]!,
      `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      i % 2 ? 'Jonas Weber' : 'Miriam Kaya',
      i % 2 ? 'Customer' : 'Consultancy',
    ]);
  }
  return writeCsv(rows, ';');
}

/** Raw inserts of finished rows: the floor for writing 10,000 items. */
function rawInserts(dataDir: string): number {
  const db = new Database(join(dataDir, 'raw.sqlite'));
  db.exec(`CREATE TABLE requirement (id TEXT PRIMARY KEY, project_id TEXT, number INTEGER, title TEXT, description TEXT, category TEXT,
    status TEXT, due_date TEXT, responsible_id TEXT, owner_side TEXT, priority TEXT, source TEXT, created_at TEXT)`);
  const insert = db.prepare('INSERT INTO requirement VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const [, ms] = time(() =>
    db.transaction(() => {
      for (let i = 1; i <= ITEMS; i++) insert.run(newId(), 'p', i, `Item ${i}`, '', 'Storage', 'open', '2026-12-01', 'x', 'customer', 'normal', 'manual', '2026-11-25T10:00:00Z');
    })(),
  );
  db.close();
  return ms;
}

/** In the page: changes a filter box as typing does, and waits until the list says how many it shows. */
async function filterOnce(page: Page, text: string): Promise<number> {
  return page.evaluate(async (value) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter by Title"]')!;
    const counter = [...document.querySelectorAll('.screen-title .muted')].find((e) => /items shown/.test(e.textContent ?? ''))!;
    const before = counter.textContent;
    const start = performance.now();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (counter.textContent !== before) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(counter, { childList: true, characterData: true, subtree: true });
    });
    // Until the browser has painted the new rows.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, text);
}

/** In the page: clicks the Number header and waits until the first row is another item. */
async function sortOnce(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const firstCell = () => document.querySelector('.checklist-table tbody tr:not([aria-hidden]) td.col-number')?.textContent;
    const before = firstCell();
    const button = [...document.querySelectorAll<HTMLButtonElement>('.sort-button')].find((b) => b.textContent?.startsWith('Number'))!;
    const start = performance.now();
    button.click();
    while (firstCell() === before) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  });
}

/** In the page: the same filter and sort as bare array work on the same items, no rendering. */
async function baseline(page: Page, projectId: string): Promise<{ filter: number[]; sort: number[] }> {
  return page.evaluate(
    async ({ projectId, samples }) => {
      const token = sessionStorage.getItem('fieldbook.token') ?? '';
      const response = await fetch('./api/requirements.list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ projectId }),
      });
      const items = ((await response.json()) as { result: { title: string; number: number }[] }).result;
      const filter: number[] = [];
      const sort: number[] = [];
      for (let i = 0; i < samples; i++) {
        const needle = ['1', '12', '123', '9'][i % 4]!;
        let start = performance.now();
        items.filter((item) => item.title.toLowerCase().includes(needle));
        filter.push(performance.now() - start);
        start = performance.now();
        [...items].sort((a, b) => (i % 2 ? a.number - b.number : b.number - a.number));
        sort.push(performance.now() - start);
      }
      return { filter, sort };
    },
    { projectId, samples: SAMPLES },
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-checklist-'));
try {
  const core = openCore({ dataDir, appVersion: 'bench' });
  const customer = core.call('customers.create', { name: 'Benchmark customer' }) as Customer;
  const projectId = (core.call('projects.create', { customerId: customer.id, name: 'Benchmark project' }) as ProjectDetail).project.id;
  for (const [name, side] of [['Jonas Weber', 'customer'], ['Miriam Kaya', 'consultancy']] as const) {
    const person = core.call('people.create', { name, side }) as Person;
    core.call('members.add', { projectId, personId: person.id });
  }

  const csv = csvOfItems();
  const [, parseMs] = time(() => parseCsv(csv));
  const [preview, previewMs] = time(() => core.call('requirements.previewImport', { projectId, csv }) as ImportPreview);
  const [result, importMs] = time(() => core.call('requirements.import', { projectId, csv, mapping: preview.mapping }) as ImportResult);
  const rawMs = rawInserts(dataDir);
  core.close();
  if (result.created !== ITEMS) throw new Error(`imported ${result.created} of ${ITEMS}: ${JSON.stringify(preview.problems.slice(0, 3))}`);

  console.log(`\nChecklist CSV import of ${ITEMS.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB, quotes, line breaks, umlauts):`);
  console.log(`   parse only:                         ${parseMs.toFixed(0)} ms`);
  console.log(`   preview (parse, look up, check):    ${previewMs.toFixed(0)} ms`);
  console.log(`   import (the same, then write path): ${importMs.toFixed(0)} ms`);
  console.log(`   baseline, raw inserts of the rows:  ${rawMs.toFixed(0)} ms → import is ${(importMs / rawMs).toFixed(1)}× the raw insert time`);

  const host = await startWebHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(host.url);
    await page.goto(`${host.url.split('?')[0]}#/project/${projectId}/checklist`);
    await page.getByText(`${ITEMS.toLocaleString('en')} of ${ITEMS.toLocaleString('en')} items shown`).waitFor();
    const rowsInPage = await page.locator('.checklist-table tbody tr:not([aria-hidden])').count();
    const filter: number[] = [];
    const sort: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      filter.push(await filterOnce(page, ['1', '12', '123', ''][i % 4]!));
      sort.push(await sortOnce(page));
    }
    const bare = await baseline(page, projectId);
    console.log(`\nChecklist of ${ITEMS.toLocaleString('en')} items in Chromium (${rowsInPage} rows in the page at a time):`);
    console.log(`   filter a column, typing to list shown: ${stats(filter)}`);
    console.log(`   sort by a column, click to list shown: ${stats(sort)}`);
    console.log(`   baseline, bare array filter:           ${stats(bare.filter)}`);
    console.log(`   baseline, bare array sort:             ${stats(bare.sort)}`);
  } finally {
    await browser.close();
    await stopWebHost(host);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
