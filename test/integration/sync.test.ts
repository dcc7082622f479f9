// Sync through a shared folder, with real data folders and a real shared directory: several
// devices edit offline, sync in any order, see files twice, late or not at all, and end with the
// same data (sync.md, scenarios 1, 5, 7, 8, 11, 14, 17).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { HandoverDetail } from '../../shared/handover/types.ts';
import type { CredentialList } from '../../shared/credentials/types.ts';
import { ENVIRONMENT_KINDS, HOST_ROLES, OPERATORS, type Inventory } from '../../shared/systems/types.ts';
import type { ChangeRequestSummary } from '../../shared/change-requests/types.ts';
import type { LessonsDetail } from '../../shared/lessons/types.ts';
import type { MeetingDetail, MeetingSummary } from '../../shared/meetings/types.ts';
import type { SowDetail, SowSummary } from '../../shared/sows/types.ts';
import type { TestRunDetail } from '../../shared/test-protocol/types.ts';
import type { TimeTargets } from '../../shared/time/types.ts';
import type { SyncConflict } from '../../shared/sync.ts';
import { device, random, sharedState, sync, syncUntilQuiet } from '../support/sync-devices.ts';
import { dumpDatabase, inspect, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

describe('two devices and a shared folder', () => {
  it('bring each other what they made, each change once, whichever syncs first', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const made = a.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const first = await sync(a, share);
    expect(first.sent.changes).toBeGreaterThan(0);
    expect(first.received.files).toBe(0);

    const second = await sync(b, share);
    expect(second.received.files).toBe(1);
    expect((b.core.call('customers.get', { id: made.id }) as Customer).name).toBe('Stadtwerke Nordhafen');

    // B's own first changes (it introduced itself) come back to A; then nothing is new.
    const again = await sync(a, share);
    expect(again.sent.files).toBe(0);
    expect(again.received.files).toBe(1);
    const quiet = await sync(a, share);
    expect([quiet.sent.files, quiet.received.files]).toEqual([0, 0]);
    expect(sharedState(b.core, { changes: true })).toEqual(sharedState(a.core, { changes: true }));
  });

  it('keep the later of two offline edits of one field on both, in either order of syncing', async () => {
    for (const order of [['a', 'b'], ['b', 'a']] as const) {
      const share = tempDir('fieldbook-share-');
      const devices = { a: device(), b: device() };
      const made = devices.a.core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
      await sync(devices.a, share);
      await sync(devices.b, share);
      devices.a.clock.ms += 60_000;
      devices.a.core.call('customers.update', { id: made.id, name: 'Hanse Hosting GmbH' });
      devices.b.clock.ms += 120_000;
      devices.b.core.call('customers.update', { id: made.id, name: 'Hanse Hosting AG' });
      for (const name of [...order, ...order]) await sync(devices[name], share);
      for (const d of Object.values(devices)) expect((d.core.call('customers.get', { id: made.id }) as Customer).name).toBe('Hanse Hosting AG');
      expect(sharedState(devices.b.core, { changes: true })).toEqual(sharedState(devices.a.core, { changes: true }));
    }
  });

  it('list the same conflict on both when one field was changed on each while apart; the answer syncs', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    a.core.call('profile.save', { name: 'Anna Berger', email: '', role: '' });
    b.core.call('profile.save', { name: 'Jonas Weber', email: '', role: '' });
    const made = a.core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    await sync(a, share);
    await sync(b, share);
    await sync(a, share);
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: 'Cut-over on Saturday' });
    b.clock.ms += 120_000;
    b.core.call('customers.update', { id: made.id, notes: 'Cut-over on Sunday' });
    for (const d of [a, b, a, b]) await sync(d, share);

    const onA = a.core.call('conflicts.list', {}) as SyncConflict[];
    expect(onA).toEqual([
      expect.objectContaining({
        entity: 'customer',
        rowId: made.id,
        row: { label: 'Hanse Hosting', project: null },
        field: 'notes',
        current: expect.objectContaining({ value: 'Cut-over on Sunday', by: expect.objectContaining({ person: 'Jonas Weber' }) as unknown }) as unknown,
        other: expect.objectContaining({ value: 'Cut-over on Saturday', by: expect.objectContaining({ person: 'Anna Berger' }) as unknown }) as unknown,
      }),
    ]);
    expect(b.core.call('conflicts.list', {})).toEqual(onA);

    // Anna keeps her value; the answer and the value reach Jonas, and the list is empty on both.
    expect(a.core.call('conflicts.resolve', { stamp: onA[0]!.other.stamp, keep: 'other' })).toEqual([]);
    for (const d of [a, b]) await sync(d, share);
    for (const d of [a, b]) {
      expect((d.core.call('customers.get', { id: made.id }) as Customer).notes).toBe('Cut-over on Saturday');
      expect(d.core.call('conflicts.list', {})).toEqual([]);
    }

    // The same value set on both while apart: nothing to choose between.
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, name: 'Hanse Hosting SE' });
    b.clock.ms += 60_000;
    b.core.call('customers.update', { id: made.id, name: 'Hanse Hosting SE' });
    for (const d of [a, b, a]) await sync(d, share);
    expect(a.core.call('conflicts.list', {})).toEqual([]);
    expect(b.core.call('conflicts.list', {})).toEqual([]);

    // Changed again, knowing each other's: no conflict.
    b.clock.ms += 60_000;
    b.core.call('customers.update', { id: made.id, notes: 'Cut-over on Saturday, 22:00' });
    for (const d of [b, a]) await sync(d, share);
    expect(a.core.call('conflicts.list', {})).toEqual([]);
    expect(sharedState(b.core, { changes: true })).toEqual(sharedState(a.core, { changes: true }));
  });

  it('merge two offline edits of a long text that do not overlap, on both, with no conflict; overlapping ones stay a conflict', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const notes = 'Mailboxes move in three waves.\nWave one: the IT department.\nWave three: everyone else.';
    const made = a.core.call('customers.create', { name: 'Nordlicht Energie', notes }) as Customer;
    for (const d of [a, b, a]) await sync(d, share);
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: notes.replace('the IT department', 'the IT department and the help desk') });
    b.clock.ms += 120_000;
    b.core.call('customers.update', { id: made.id, notes: notes.replace('everyone else', 'everyone else, from 1 March') });
    for (const d of [b, a, b]) await sync(d, share);
    const merged = 'Mailboxes move in three waves.\nWave one: the IT department and the help desk.\nWave three: everyone else, from 1 March.';
    for (const d of [a, b]) {
      expect((d.core.call('customers.get', { id: made.id }) as Customer).notes).toBe(merged);
      expect(d.core.call('conflicts.list', {})).toEqual([]);
    }

    // Both change the same words: no merge, the later wins and the other is a conflict on both.
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: merged.replace('three waves', 'two waves') });
    b.clock.ms += 120_000;
    b.core.call('customers.update', { id: made.id, notes: merged.replace('three waves', 'four waves') });
    for (const d of [a, b, a]) await sync(d, share);
    for (const d of [a, b]) {
      expect((d.core.call('customers.get', { id: made.id }) as Customer).notes).toContain('four waves');
      expect((d.core.call('conflicts.list', {}) as SyncConflict[]).map((c) => c.other.value)).toEqual([merged.replace('three waves', 'two waves')]);
    }
    expect(sharedState(b.core, { changes: true })).toEqual(sharedState(a.core, { changes: true }));
  });

  it('read a sync client\'s conflicted copy of a file, and a file seen twice, without a change applied twice', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    a.core.call('customers.create', { name: 'Nordlicht Energie' });
    await sync(a, share);
    const folder = join(share, 'fieldbook', 'devices', a.core.store.deviceId, 'changes');
    const [file] = readdirSync(folder);
    copyFileSync(join(folder, file!), join(folder, file!.replace(/\.jsonl$/, ' (conflicted copy 2026-11-30).jsonl')));
    const result = await sync(b, share);
    expect(result.received.files).toBe(1);
    expect(result.skipped).toEqual([]);
    expect(b.core.call('customers.list', {})).toHaveLength(1);
    const fromA = (state: Record<string, unknown[]>) => (state.changes as { device_id: string }[]).filter((c) => c.device_id === a.core.store.deviceId);
    expect(fromA(sharedState(b.core, { changes: true }))).toEqual(fromA(sharedState(a.core, { changes: true })));
  });

  it('skip a file a sync client has brought only in part, applying nothing of it, and apply it once whole', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    a.core.call('customers.create', { name: 'Halb GmbH' });
    await sync(a, share);
    const folder = join(share, 'fieldbook', 'devices', a.core.store.deviceId, 'changes');
    const path = join(folder, readdirSync(folder)[0]!);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const partial = await sync(b, share);
    expect(partial.skipped).toEqual([expect.objectContaining({ path, reason: 'incomplete' })]);
    expect(b.core.call('customers.list', {})).toEqual([]);
    writeFileSync(path, whole);
    const complete = await sync(b, share);
    expect(complete.skipped).toEqual([]);
    expect((b.core.call('customers.list', {}) as Customer[]).map((c) => c.name)).toEqual(['Halb GmbH']);
  });

  it('write many long texts as several files of a few MB, all read back', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    for (let i = 0; i < 300; i++) a.core.call('customers.create', { name: `Kunde ${i}`, notes: `${i} `.padEnd(19_000, 'Notizen ') });
    const sent = await sync(a, share);
    expect(sent.sent.files).toBeGreaterThan(1);
    const folder = join(share, 'fieldbook', 'devices', a.core.store.deviceId, 'changes');
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size).toBeLessThan(6 * 1024 ** 2);
    await sync(b, share);
    expect(b.core.call('customers.list', {})).toHaveLength(300);
  });

  it('keep back a change stamped more than a day ahead, and apply it once this clock has caught up', async () => {
    const share = tempDir('fieldbook-share-');
    const ahead = device(Date.parse('2027-11-30T09:00:00Z'));
    const b = device();
    const made = ahead.core.call('customers.create', { name: 'Zukunft AG' }) as Customer;
    await sync(ahead, share);
    const early = await sync(b, share);
    expect(early.keptBack.clockAhead).toBeGreaterThan(0);
    expect(b.core.call('customers.list', {})).toEqual([]);
    // This device's own changes go on with its own time: the clock was not dragged a year ahead.
    const own = b.core.call('customers.create', { name: 'Heute GmbH' }) as Customer;
    expect(own.createdAt.slice(0, 4)).toBe('2026');

    b.clock.ms = Date.parse('2027-11-30T10:00:00Z');
    const later = await sync(b, share);
    expect(later.keptBack.clockAhead).toBe(0);
    expect((b.core.call('customers.get', { id: made.id }) as Customer).name).toBe('Zukunft AG');
  });

  it('refuse a share that cannot be reached, naming it, and change nothing', async () => {
    const a = device();
    a.core.call('customers.create', { name: 'Offline' });
    const before = dumpDatabase(a.core);
    await expect(a.core.call('sync.run', { share: join(tempDir(), 'not-mounted') })).rejects.toMatchObject({ code: 'invalid_input', field: 'share' });
    expect(dumpDatabase(a.core)).toEqual(before);
  });
});

describe('many devices at random', () => {
  // Every entity that syncs is made, changed and removed here: a new entity joins the list of steps.
  it.each([1, 2, 3, 4])('converge to identical data whatever the order, with partitions, duplicates and late files, and lose no typed value (seed %i)', async (seed) => {
    const next = random(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const share = tempDir('fieldbook-share-');
    // Clocks apart by up to an hour, one of them behind the others.
    const devices = [0, 1, 2, 3].map((i) => device(Date.parse('2026-11-30T09:00:00Z') + (i === 3 ? -3_600_000 : Math.floor(next() * 3_600_000))));
    // Files a sync client has not brought yet: kept out of the share for a while, then put back.
    const late = join(tempDir('fieldbook-late-'), 'held');
    mkdirSync(late);
    const held: { from: string; to: string }[] = [];

    for (let step = 0; step < 300; step++) {
      const d = pick(devices);
      d.clock.ms += Math.floor(next() * 5_000);
      // A project another device closed refuses changes once this one has heard of it: a person
      // would reopen it first; here the step is simply not taken.
      const notTaken = (error: unknown): undefined => {
        if (error instanceof ApiError && error.code === 'project_closed') return undefined;
        throw error;
      };
      const call = (method: string, input: object): unknown => {
        try {
          return d.core.call(method, input);
        } catch (error) {
          return notTaken(error);
        }
      };
      const customers = call('customers.list', { includeArchived: true }) as Customer[];
      const projects = call('projects.list', {}) as { id: string; status: string }[];
      const project = projects.length > 0 ? pick(projects) : null;
      const meetings = project ? (call('meetings.list', { projectId: project.id }) as { id: string }[]) : [];
      const items = project ? (call('requirements.list', { projectId: project.id }) as Requirement[]) : [];
      const roll = next();
      if (roll < 0.1 || customers.length === 0) {
        call('customers.create', { name: `Customer ${seed}-${step}` });
      } else if (roll < 0.2) {
        call('customers.update', { id: pick(customers).id, name: `Renamed ${step}` });
      } else if (roll < 0.25) {
        call('customers.update', { id: pick(customers).id, notes: `Notes of step ${step}\nsecond line` });
      } else if (roll < 0.28) {
        const c = pick(customers);
        call('customers.archive', { id: c.id, archived: !c.archived });
      } else if (roll < 0.34) {
        // A project with its activities from the process template, or a change to one made elsewhere.
        if (!project || next() < 0.4) call('projects.create', { customerId: pick(customers).id, name: `Project ${step}` });
        else call('projects.update', { id: project.id, name: `Project renamed ${step}` });
      } else if (roll < 0.38) {
        const people = call('people.list', {}) as { id: string }[];
        if (people.length === 0 || next() < 0.5) call('people.create', { name: `Person ${step}`, side: pick(['customer', 'consultancy'] as const) });
        else call('people.update', { id: pick(people).id, name: `Person renamed ${step}` });
      } else if (roll < 0.46 && project) {
        // Meetings: made, renamed, removed; their agenda items' notes written, decisions taken.
        if (meetings.length === 0 || next() < 0.3) call('meetings.create', { projectId: project.id, kind: 'status_call', title: `Status ${step}` });
        else {
          const meeting = call('meetings.get', { id: pick(meetings).id }) as MeetingDetail;
          const what = next();
          if (what < 0.2) call('meetings.update', { id: meeting.meeting.id, title: `Meeting renamed ${step}` });
          else if (what < 0.3) call('meetings.remove', { id: meeting.meeting.id });
          else if (what < 0.55 || meeting.agenda.length === 0) call('agenda.add', { meetingId: meeting.meeting.id, title: `Topic ${step}` });
          else if (what < 0.85) call('agenda.update', { id: pick(meeting.agenda).id, notes: `Discussed at step ${step}` });
          else call('agenda.decide', { agendaItemId: pick(meeting.agenda).id, text: `Decided at step ${step}` });
        }
      } else if (roll < 0.58 && project) {
        // The checklist: items made (numbers clash across devices), changed, commented on, removed.
        if (items.length === 0 || next() < 0.35) call('requirements.create', { projectId: project.id, title: `Item ${step}` });
        else {
          const item = pick(items);
          const what = next();
          if (what < 0.3) call('requirements.update', { id: item.id, title: `Item renamed ${step}` });
          else if (what < 0.55) call('requirements.update', { id: item.id, status: pick(['open', 'in_progress', 'done', 'blocked'] as const) });
          else if (what < 0.7) call('requirements.update', { id: item.id, description: `Described at step ${step}` });
          else if (what < 0.85) call('requirements.comment', { id: item.id, text: `Comment ${step}` });
          else call('requirements.remove', { id: item.id });
        }
      } else if (roll < 0.77 && project) {
        // The commercial side: SOWs with effort lines, change requests, time booked, the budget's day.
        const sows = call('sows.list', { projectId: project.id }) as SowSummary[];
        const drafts = sows.filter((sow) => sow.status === 'draft');
        const what = next();
        if (sows.length === 0 || what < 0.15) call('sows.create', { projectId: project.id, title: `SOW ${step}` });
        else if (what < 0.3 && drafts.length > 0) call('sows.update', { id: pick(drafts).id, background: `Background of step ${step}` });
        else if (what < 0.45 && drafts.length > 0) {
          // Every part of an SOW: added, changed, removed.
          const sow = call('sows.get', { id: pick(drafts).id }) as SowDetail;
          const parts = [
            { part: 'effort', rows: sow.effortLines, made: { role: `Role ${step}`, dayHundredths: 150 * (step % 7), dailyRate: { minor: 120_000, currency: 'EUR' } }, changed: { dayHundredths: 25 * step } },
            { part: 'deliverable', rows: sow.deliverables, made: { title: `Deliverable ${step}` }, changed: { acceptanceCriteria: `Accepted at step ${step}` } },
            { part: 'milestone', rows: sow.milestones, made: { title: `Milestone ${step}`, dueDate: '2027-01-15' }, changed: { title: `Milestone renamed ${step}` } },
            { part: 'role', rows: sow.roles, made: { side: 'customer', role: `Role ${step}` }, changed: { responsibilities: `Tasks of step ${step}` } },
            { part: 'payment', rows: sow.payments, made: { label: `Payment ${step}`, percentBasisPoints: 5_000 }, changed: { label: `Payment renamed ${step}` } },
          ] as const;
          const { part, rows, made, changed } = pick(parts);
          const ids = rows as readonly { id: string }[];
          const how = next();
          if (rows.length === 0 || how < 0.5) call('sowItems.add', { part, sowId: sow.sow.id, ...made });
          else if (how < 0.85) call('sowItems.update', { part, id: pick(ids).id, ...changed });
          else call('sowItems.remove', { part, id: pick(ids).id });
        } else if (what < 0.65) {
          const requests = call('changeRequests.list', { projectId: project.id }) as ChangeRequestSummary[];
          const proposed = requests.filter((r) => r.status === 'proposed');
          if (proposed.length === 0 || next() < 0.4) call('changeRequests.create', { projectId: project.id, sowId: pick(sows).id, title: `Change ${step}` });
          else if (next() < 0.5) call('changeRequests.update', { id: pick(proposed).id, reason: `Reason of step ${step}` });
          else if (next() < 0.7) call('changeRequests.decide', { id: pick(proposed).id, status: pick(['approved', 'rejected'] as const), name: `Person ${step}`, date: '2026-12-01' });
          else call('changeRequests.remove', { id: pick(proposed).id });
        } else if (what < 0.9) {
          // Time on an effort line by one of the project's consultancy people (made a member here).
          const targets = call('time.targets', { projectId: project.id }) as TimeTargets;
          const lines = targets.sows.filter((sow) => !sow.rejected).flatMap((sow) => sow.lines.map((line) => ({ sowId: sow.id, lineId: line.id })));
          const people = call('people.list', {}) as { id: string; side: string }[];
          const consultant = people.find((person) => person.side === 'consultancy');
          if (!consultant) call('people.create', { name: `Consultant ${step}`, side: 'consultancy' });
          else if (targets.people.length === 0) call('members.add', { projectId: project.id, personId: consultant.id });
          else if (lines.length === 0 && drafts.length > 0) {
            call('sowItems.add', { part: 'effort', sowId: pick(drafts).id, role: 'Consultant', dayHundredths: 500, dailyRate: { minor: 110_000, currency: 'EUR' } });
          } else if (lines.length > 0) {
            const entries = (call('time.list', { projectId: project.id }) as { entries: { id: string }[] }).entries;
            if (entries.length === 0 || next() < 0.5) {
              call('time.create', { projectId: project.id, date: `2026-12-0${1 + (step % 5)}`, personId: pick(targets.people).id, ...pick(lines), hours: 0.25 * (1 + (step % 8)) });
            } else if (next() < 0.7) call('time.update', { id: pick(entries).id, note: `Booked at step ${step}` });
            else call('time.remove', { id: pick(entries).id });
          }
        } else call('budget.setHoursPerDay', { projectId: project.id, hours: pick([7.5, 8, 8.5]) });
      } else if (roll < 0.84 && project) {
        // Tests: plan cases made, changed, moved, removed; runs with results, evidence and imported results.
        const cases = call('testCases.list', { projectId: project.id }) as { id: string }[];
        const runs = call('testRuns.list', { projectId: project.id }) as { id: string }[];
        const what = next();
        if (cases.length === 0 || what < 0.2) call('testCases.create', { projectId: project.id, title: `Case ${step}`, steps: [{ action: `Do ${step}`, expected: 'It works' }] });
        else if (what < 0.3) call('testCases.update', { id: pick(cases).id, preconditions: `Prepared at step ${step}` });
        else if (what < 0.35) call('testCases.move', { id: pick(cases).id, position: 1 });
        else if (what < 0.4) call('testCases.remove', { id: pick(cases).id });
        else if (runs.length === 0 || what < 0.5) call('testRuns.create', { projectId: project.id, name: `Run ${step}` });
        else {
          const run = call('testRuns.get', { id: pick(runs).id }) as TestRunDetail;
          const result = run.results.length > 0 ? pick(run.results) : null;
          const how = next();
          if (how < 0.2) call('testRuns.update', { id: run.run.id, build: `7.10.${step}` });
          else if (how < 0.6 && result) call('testRuns.setResult', { runId: run.run.id, caseId: result.caseId, status: pick(['passed', 'failed', 'blocked'] as const), comment: `Seen at step ${step}` });
          else if (how < 0.7 && result) call('testRuns.attach', { runId: run.run.id, caseId: result.caseId, fileName: `log-${step}.txt`, mediaType: 'text/plain', base64: Buffer.from(`log of step ${step}`).toString('base64') });
          else if (how < 0.8 && result?.evidence[0]) call('testRuns.removeEvidence', { id: result.evidence[0].id });
          else if (how < 0.9) await (d.core.call('testResults.import', { projectId: project.id, runId: run.run.id, fileName: 'results.jtl', path: resolve('test/fixtures/jmeter/default-header.jtl') }) as Promise<unknown>).catch(notTaken);
          else call('testRuns.remove', { id: run.run.id });
        }
      } else if (roll < 0.85 && project) {
        // The handover: its parts typed, the escalation path changed; the project closed and reopened.
        const handover = call('handover.get', { projectId: project.id }) as HandoverDetail;
        const members = (call('projects.get', { id: project.id }) as ProjectDetail).members;
        const what = next();
        if (project.status === 'closed') call('projects.reopen', { id: project.id });
        else if (what < 0.1) call('projects.close', { id: project.id, date: '2026-12-18', confirmOpen: true });
        else if (what < 0.4) call('handover.update', { projectId: project.id, knownLimitations: `Limits seen at step ${step}`, ticketNumber: `INC-${step}` });
        else if (what < 0.5) call('handover.update', { projectId: project.id, ticketTestOn: '2026-12-14', ticketResult: pick(['passed', 'failed'] as const) });
        else if (members.length > 0 && (handover.contacts.length === 0 || what < 0.7)) call('handover.addContact', { projectId: project.id, personId: pick(members).personId, level: pick([1, 2, 3]) });
        else if (handover.contacts.length > 0 && what < 0.9) call('handover.updateContact', { id: pick(handover.contacts).id, responsibility: `In charge since step ${step}` });
        else if (handover.contacts.length > 0) call('handover.removeContact', { id: pick(handover.contacts).id });
      } else if (roll < 0.87 && project) {
        // Test accounts: made, changed (a new secret is new ciphertext), revealed and copied, removed.
        const { credentials } = call('credentials.list', { projectId: project.id }) as CredentialList;
        const what = next();
        if (credentials.length === 0 || what < 0.25) call('credentials.create', { projectId: project.id, service: `Service ${step}`, userName: `user${step}`, secret: `Secret ${step}` });
        else if (what < 0.45) call('credentials.update', { id: pick(credentials).id, secret: `Secret changed ${step}` });
        else if (what < 0.6) call('credentials.update', { id: pick(credentials).id, notes: `Noted at step ${step}`, host: `host${step}.example` });
        else if (what < 0.75) call('credentials.reveal', { id: pick(credentials).id });
        else if (what < 0.9) call('credentials.copied', { id: pick(credentials).id });
        else call('credentials.remove', { id: pick(credentials).id });
      } else if (roll < 0.88) {
        // Someone answers a conflict, keeping either value.
        const open = call('conflicts.list', {}) as SyncConflict[];
        if (open.length > 0) call('conflicts.resolve', { stamp: pick(open).other.stamp, keep: pick(['current', 'other'] as const) });
      } else if (roll < 0.9 && project) {
        // The installed systems: environments, hosts (typed or from the workshops), their software and
        // endpoints; made, changed and removed several at a time, as they are typed in one sitting.
        for (let n = 0; n < 8; n++) {
          const inventory = call('systems.get', { projectId: project.id }) as Inventory | undefined;
          if (!inventory) break;
          const environments = inventory.environments;
          const hosts = environments.flatMap((e) => e.hosts);
          const parts = hosts.flatMap((h) => [...h.components.map((c) => ({ part: 'component' as const, id: c.id })), ...h.endpoints.map((e) => ({ part: 'endpoint' as const, id: e.id }))]);
          const what = next();
          if (environments.length === 0 || what < 0.1) call('systems.addEnvironment', { projectId: project.id, kind: pick(ENVIRONMENT_KINDS), name: `Environment ${step}` });
          else if (what < 0.17) call('systems.updateEnvironment', { id: pick(environments).id, notes: `Reached through the VPN since step ${step}` });
          else if (what < 0.2) call('systems.removeEnvironment', { id: pick(environments).id });
          else if (what < 0.25) call('systems.prefill', { projectId: project.id, environmentId: pick(environments).id });
          else if (hosts.length === 0 || what < 0.45) call('systems.addHost', { environmentId: pick(environments).id, name: `h${step}-${n}.example.com`, role: pick(HOST_ROLES) });
          else if (what < 0.6) call('systems.updateHost', { id: pick(hosts).id, ramGb: step, notes: `Configured at step ${step}`, operator: pick(OPERATORS) });
          else if (what < 0.65) call('systems.removeHost', { id: pick(hosts).id });
          else if (parts.length === 0 || what < 0.8) {
            const hostId = pick(hosts).id;
            call('systems.addPart', next() < 0.5 ? { part: 'component', hostId, name: 'Dovecot', version: `2.3.${step}` } : { part: 'endpoint', hostId, protocol: 'IMAPS', port: 993 });
          } else if (what < 0.93) {
            const part = pick(parts);
            call('systems.updatePart', part.part === 'component' ? { ...part, configLocation: `/etc/dovecot/${step}` } : { ...part, port: 1 + (step % 65_535) });
          } else call('systems.removePart', pick(parts));
        }
      } else if (roll < 0.91 && project) {
        // Trainings (audience, attendance, feedback, materials) and lessons learned (feedback, notes,
        // actions onto another project's checklist): a few at a time, as they are typed in one sitting.
        for (let n = 0; n < 3; n++) {
          const members = (call('projects.get', { id: project.id }) as ProjectDetail | undefined)?.members ?? [];
          const trainings = (call('meetings.list', { projectId: project.id }) as MeetingSummary[] | undefined)?.filter((m) => m.kind === 'training') ?? [];
          const lessons = call('lessons.get', { projectId: project.id }) as LessonsDetail | undefined;
          if (!lessons) break;
          const what = next();
          if (what < 0.5) {
            if (trainings.length === 0 || what < 0.05) call('meetings.create', { projectId: project.id, kind: 'training', title: `Training ${step}` });
            else {
              const training = call('meetings.get', { id: pick(trainings).id }) as MeetingDetail;
              const present = training.attendees.filter((a) => a.presence === 'present');
              const how = next();
              if (members.length === 0) {
                const trainee = call('people.create', { name: `Trainee ${step}`, side: 'customer' }) as { id: string } | undefined;
                if (trainee) call('members.add', { projectId: project.id, personId: trainee.id });
              } else if (how < 0.15) call('meetings.update', { id: training.meeting.id, trainingAudience: [pick(['admins', 'first_level'] as const)], trainingCustomTopics: [`Topic ${step}`] });
              else if (how < 0.35 || present.length === 0) call('meetings.setAttendee', { meetingId: training.meeting.id, personId: pick(members).personId, presence: 'present' });
              else if (how < 0.6) call('training.setFeedback', { meetingId: training.meeting.id, personId: pick(present).personId, score: 1 + (step % 5), comment: `Feedback of step ${step}` });
              else if (how < 0.8 || training.materials.length === 0) call('training.addMaterial', { meetingId: training.meeting.id, name: `Slides ${step}`, link: `https://wiki.example/${step}` });
              else call('training.removeMaterial', { id: pick(training.materials).id });
            }
          } else if (what < 0.58) call('lessons.update', { projectId: project.id, feedbackBy: `Customer ${step}` });
          else if (what < 0.7) call('lessons.setFeedback', { projectId: project.id, questionKey: pick(['communication', 'quality', 'overall']), score: 1 + (step % 5), comment: `Said at step ${step}` });
          else if (what < 0.82) {
            if (lessons.notes.length === 0 || next() < 0.5) call('lessons.addNote', { projectId: project.id, kind: pick(['personal', 'went_well', 'to_improve'] as const), text: `Lesson ${step}` });
            else if (next() < 0.7) call('lessons.updateNote', { id: pick(lessons.notes).id, text: `Lesson rewritten ${step}` });
            else call('lessons.removeNote', { id: pick(lessons.notes).id });
          } else {
            const others = projects.filter((p) => p.id !== project.id && p.status !== 'closed');
            if (lessons.actions.length === 0 || next() < 0.4) call('lessons.addAction', { projectId: project.id, text: `Action ${step}`, dueDate: '2027-01-15', followUpProjectId: others.length > 0 && next() < 0.7 ? pick(others).id : null });
            else if (next() < 0.7) call('lessons.updateAction', { id: pick(lessons.actions).id, text: `Action changed ${step}`, ...(others.length > 0 && next() < 0.3 ? { followUpProjectId: pick(others).id } : {}) });
            else call('lessons.removeAction', { id: pick(lessons.actions).id });
          }
        }
      } else if (roll < 0.93) {
        await sync(d, share);
      } else if (roll < 0.97) {
        // A file copied by a sync client, or held back for a while.
        const devicesFolder = join(share, 'fieldbook', 'devices');
        const files = existsSync(devicesFolder) ? readdirSync(devicesFolder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jsonl')) : [];
        if (files.length > 0) {
          const f = pick(files);
          const from = join(devicesFolder, f);
          if (next() < 0.5) copyFileSync(from, from.replace(/\.jsonl$/, '.sync-conflict-20261130-101010-ABCDEFG.jsonl'));
          else {
            const to = join(late, `${held.length}.jsonl`);
            renameSync(from, to);
            held.push({ from, to });
          }
        }
      } else {
        for (const h of held.splice(0)) renameSync(h.to, h.from);
      }
    }
    for (const h of held.splice(0)) renameSync(h.to, h.from);
    // Everyone syncs until nothing moves (renumbering after a sync is itself a change to send).
    await syncUntilQuiet(devices, share);

    const states = devices.map((d) => sharedState(d.core, { changes: true }));
    for (const state of states.slice(1)) expect(state).toEqual(states[0]);
    expect((states[0]!.customer ?? []).length).toBeGreaterThan(0);
    expect(lostValues(devices.map((d) => d.core))).toEqual([]);
  });
});

/**
 * Every value typed on any device that is not the field's value now, is not in the conflicts list
 * (nor answered there), and was not replaced by someone who had it: a value lost unseen. What a
 * device had when it wrote a change is read from its own change log (what it held before, by
 * order of arrival), not from sync's own bookkeeping.
 */
function lostValues(cores: Core[]): string[] {
  interface Row { seq: number; stamp: string; device_id: string; entity: string; row_id: string; field: string; value: string }
  const cellOf = (r: Pick<Row, 'entity' | 'row_id' | 'field'>) => `${r.entity}/${r.row_id}/${r.field}`;
  // Per change, the stamps of its field the writing device held when writing it.
  const knownWhenWritten = new Map<string, Set<string>>();
  for (const core of cores) {
    const db = inspect(core);
    const me = core.store.deviceId;
    const held = new Map<string, Set<string>>();
    for (const row of db.prepare('SELECT seq, stamp, device_id, entity, row_id, field FROM change_log ORDER BY seq').all() as Row[]) {
      const cell = cellOf(row);
      const before = held.get(cell) ?? new Set<string>();
      if (row.device_id === me) knownWhenWritten.set(row.stamp, new Set(before));
      before.add(row.stamp);
      held.set(cell, before);
    }
  }
  const core = cores[0]!;
  const db = inspect(core);
  const changes = db.prepare('SELECT seq, stamp, device_id, entity, row_id, field, value FROM change_log ORDER BY stamp').all() as Row[];
  const listed = new Set((core.call('conflicts.list', {}) as SyncConflict[]).map((c) => c.other.stamp));
  const answered = new Set((db.prepare('SELECT id FROM conflict_resolution').all() as { id: string }[]).map((r) => r.id));
  const byCell = new Map<string, Row[]>();
  for (const change of changes) byCell.set(cellOf(change), [...(byCell.get(cellOf(change)) ?? []), change]);
  const lost: string[] = [];
  for (const [cell, history] of byCell) {
    const winner = history.at(-1)!;
    for (const change of history) {
      if (change === winner || change.value === winner.value || listed.has(change.stamp) || answered.has(change.stamp)) continue;
      if (history.some((later) => knownWhenWritten.get(later.stamp)?.has(change.stamp))) continue;
      // A field's first value left empty when its row was made is nobody's typing: a device that
      // heard of the row through a later change (its first file held back) saw the same blank.
      if (change === history[0] && change.value === '""') continue;
      // Numbers made unique by sync are sync's own, nobody's typing.
      if (cell.endsWith('/number') || cell.endsWith('/formerNumbers')) continue;
      lost.push(`${cell}: ${change.value} (${change.stamp}) lost to ${winner.value} (${winner.stamp})`);
    }
  }
  return lost;
}
