// The budget overview (budget.get) over 50,000 time entries on 20 SOWs of one project: its median
// time through the API (target under 30 ms), against a bare SQL sum of the same rows in the same
// run. The SOWs are made through the API; the entries go through the write path in batches, as
// bookings would, field by field with their change log.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import { newId } from '../../electron/core/ids.ts';
import type { FieldChange } from '../../electron/core/write-path.ts';
import type { Person, ProjectDetail } from '../../shared/domain.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { ProjectBudget } from '../../shared/time/budget.ts';
import { addDays } from '../../shared/time/summary.ts';

const ENTRIES = 50_000;
const SOWS = 20;
const LINES = 5;
const PEOPLE = 10;
const CALLS = 51;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface BudgetBench {
  entries: number;
  fill: number;
  budget: { median: number; worst: number };
  bareSum: { median: number; worst: number };
}

export function budgetBench(): BudgetBench {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const core = openCore({ dataDir: dir, appVersion: 'bench', now: () => Date.parse('2026-11-30T12:00:00Z') });
  try {
    const call = <T>(method: string, input: unknown) => core.call(method, input) as T;
    const customer = call<{ id: string }>('customers.create', { name: 'Stadtwerke Nordhafen' });
    const projectId = call<ProjectDetail>('projects.create', { customerId: customer.id, name: 'Webmail' }).project.id;
    const people = Array.from({ length: PEOPLE }, (_, i) => {
      const person = call<Person>('people.create', { name: `Consultant ${i}`, side: 'consultancy' });
      call('members.add', { projectId, personId: person.id });
      return person.id;
    });
    const lines = Array.from({ length: SOWS }, (_, s) => {
      const { sow } = call<SowDetail>('sows.create', { projectId, title: `SOW ${s}` });
      call('sows.update', { id: sow.id, date: '2026-01-01' });
      let detail: SowDetail | undefined;
      for (let l = 0; l < LINES; l++) {
        detail = call<SowDetail>('sowItems.add', { sowId: sow.id, part: 'effort', role: `Role ${l}`, dayHundredths: 5_000, dailyRate: { minor: 120_000, currency: 'EUR' } });
      }
      return detail!.effortLines.map((line) => ({ sowId: sow.seriesId, lineId: line.originId }));
    });
    const fill = time(() => {
      for (let start = 0; start < ENTRIES; start += 5_000) {
        const changes: FieldChange[] = [];
        for (let i = start; i < start + 5_000; i++) {
          const { sowId, lineId } = lines[i % SOWS]![Math.floor(i / SOWS) % LINES]!;
          const id = newId();
          const values = { projectId, date: addDays('2026-01-01', i % 334), personId: people[i % PEOPLE]!, sowId, lineId, quarterHours: 4 + (i % 29), billable: i % 7 !== 0, note: '', createdAt: '2026-11-30T12:00:00Z' };
          for (const [field, value] of Object.entries(values)) changes.push({ entity: 'timeEntry', id, field, value });
        }
        core.store.apply(changes);
      }
    });
    const look = new Database(core.store.file, { readonly: true });
    const bare = look.prepare<[string], { q: number }>('SELECT sum(quarter_hours) AS q FROM time_entry WHERE project_id = ? AND deleted = 0');
    const budget = () => call<ProjectBudget>('budget.get', { projectId });
    for (let i = 0; i < 5; i++) {
      budget();
      bare.get(projectId);
    }
    const spent = budget().spentQuarterHours;
    if (spent !== bare.get(projectId)!.q) throw new Error(`The budget counts ${spent} quarter hours, the bare sum ${bare.get(projectId)!.q}`);
    const budgetTimes = Array.from({ length: CALLS }, () => time(budget));
    const sumTimes = Array.from({ length: CALLS }, () => time(() => bare.get(projectId)));
    const entries = (look.prepare('SELECT count(*) AS n FROM time_entry').get() as { n: number }).n;
    look.close();
    return { entries, fill, budget: { median: median(budgetTimes), worst: Math.max(...budgetTimes) }, bareSum: { median: median(sumTimes), worst: Math.max(...sumTimes) } };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
