// `npm run bench` (second part): a workshop form of 150 fields in Chromium against the web host.
// For a sample of fields, the time from a keystroke to the value being saved (the answers.set
// reply received by the page), median and worst, in two ways the consultant saves:
//   - typing and pausing: includes the typing pause after which autosave sends (400 ms);
//   - typing and tabbing on: the save is sent at once when the field loses focus.
// Needs the built renderer (`npm run build:renderer`) and Debian's Chromium.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { Pack } from '../../shared/workshops/pack.ts';
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

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (n = ${values.length})`;
}

async function keystrokeToSaved(page: Page, label: string, key: string, thenTab: boolean): Promise<number> {
  const field = page.getByLabel(label, { exact: true });
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
  core.call('sessions.create', { projectId: project.id, topicKey: 'big-topic' });
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
    for (let i = 0; i < SAMPLES; i++) {
      const index = 1 + ((i * 5) % (FIELDS - 1));
      const label = index % 3 === 0 ? `Number field ${index}` : `Text field ${index}`;
      const key = index % 3 === 0 ? String(i % 10) : 'x';
      pause.push(await keystrokeToSaved(page, label, key, false));
      tab.push(await keystrokeToSaved(page, label, key, true));
    }
    console.log(`\nWorkshop form of ${FIELDS} fields in Chromium (${inputs} inputs on the page), keystroke to saved:`);
    console.log(`   typing, then pausing (autosave after 400 ms): ${stats(pause)}`);
    console.log(`   typing, then Tab to the next field:          ${stats(tab)}`);
  } finally {
    await browser.close();
    await stopWebHost(host);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
