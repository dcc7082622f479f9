// `npm run bench` (second part): a workshop form of 150 fields in Chromium against the web host.
// For a sample of fields, the time from a keystroke to the value being saved (the answers.set
// reply received by the page), median and worst, in two ways the consultant saves:
//   - typing and pausing: includes the typing pause after which autosave sends (400 ms);
//   - typing and tabbing on: the save is sent at once when the field loses focus.
// Baseline in the same run: the same answers.set request sent by the page with a bare fetch (no
// React, no form), i.e. what the transport and the core cost; the ratio is what the form adds.
// Needs the built renderer (`npm run build:renderer`) and Debian's Chromium.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { Pack } from '../../shared/workshops/pack.ts';
import type { WorkshopSession } from '../../shared/workshops/types.ts';
import { startWebHost, stopWebHost } from '../support/web-host.ts';

const FIELDS = 150;
const SAMPLES = 30;

function bigPack(): Pack {
  const l = (en: string) => ({ en, de: `${en} (de)` });
  return {
    id: 'ox-app-suite',
    version: 99,
    name: l('Benchmark pack'),
    topics: [
      {
        key: 'big-topic',
        phase: 'concept',
        title: l('A topic of 150 fields'),
        fields: Array.from({ length: FIELDS }, (_, i) =>
          i % 3 === 0
            ? { key: `field${i}`, type: 'number' as const, label: l(`Number field ${i}`), min: 0, required: i % 2 === 0 }
            : { key: `field${i}`, type: 'text' as const, label: l(`Text field ${i}`), required: i % 2 === 0 },
        ),
      },
    ],
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function stats(values: number[]): string {
  return `median ${median(values).toFixed(0)} ms, worst ${Math.max(...values).toFixed(0)} ms (n = ${values.length})`;
}

/** One answers.set round trip from the page without the UI: the floor any form save stands on. */
async function bareSave(page: Page, sessionId: string, field: string, value: string | number): Promise<number> {
  return page.evaluate(
    async ({ sessionId, field, value }) => {
      const token = sessionStorage.getItem('fieldbook.token') ?? '';
      const start = performance.now();
      const response = await fetch('./api/answers.set', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ sessionId, field, value }),
      });
      await response.json();
      if (!response.ok) throw new Error(`answers.set refused: ${response.status}`);
      return performance.now() - start;
    },
    { sessionId, field, value },
  );
}

async function keystrokeToSaved(page: Page, label: string, key: string, thenTab: boolean): Promise<number> {
  // A required field's label ends with its "required" mark: match the label's start.
  const field = page.getByLabel(new RegExp(`^${label}(?!\\d)`));
  await field.focus();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/answers.set') && r.ok());
  const start = performance.now();
  await page.keyboard.press(key);
  if (thenTab) await page.keyboard.press('Tab');
  await saved;
  return performance.now() - start;
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-form-'));
try {
  const core = openCore({ dataDir, appVersion: 'bench' });
  core.call('packs.import', { json: JSON.stringify(bigPack()) });
  const customer = core.call('customers.create', { name: 'Benchmark customer' }) as Customer;
  const project = (core.call('projects.create', { customerId: customer.id, name: 'Benchmark project' }) as ProjectDetail).project;
  const session = core.call('sessions.create', { projectId: project.id, topicKey: 'big-topic' }) as WorkshopSession;
  core.close();

  const host = await startWebHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.goto(`${host.url.split('?')[0]}#/project/${project.id}/workshops/big-topic`);
    await page.getByLabel('Text field 1', { exact: true }).waitFor();
    const inputs = await page.locator('.topic-form input').count();
    const pause: number[] = [];
    const tab: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const index = 1 + ((i * 5) % (FIELDS - 1));
      const label = index % 3 === 0 ? `Number field ${index}` : `Text field ${index}`;
      const key = index % 3 === 0 ? String(i % 10) : 'x';
      pause.push(await keystrokeToSaved(page, label, key, false));
      tab.push(await keystrokeToSaved(page, label, key, true));
      bare.push(await bareSave(page, session.id, `field${index}`, index % 3 === 0 ? i : `bare ${i}`));
    }
    console.log(`\nWorkshop form of ${FIELDS} fields in Chromium (${inputs} inputs on the page), keystroke to saved:`);
    console.log(`   typing, then pausing (autosave after 400 ms): ${stats(pause)}`);
    console.log(`   typing, then Tab to the next field:          ${stats(tab)}`);
    console.log(`   baseline, answers.set by a bare fetch:       ${stats(bare)}`);
    console.log(`   Tab save against the baseline: ${(median(tab) / median(bare)).toFixed(1)}× (the form's own cost: ${(median(tab) - median(bare)).toFixed(0)} ms)`);
  } finally {
    await browser.close();
    await stopWebHost(host);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
