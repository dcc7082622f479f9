// Closing a project and the handover, through the API on a real SQLite file: closing lists what is
// still open and goes ahead only when confirmed; a closed project refuses every change, whichever
// method and however deep the row sits (an agenda item of one of its meetings, a line of an SOW),
// writing nothing, while exports of it still work; reopened, it takes changes again. The handover's
// parts and their checks.
import { getTableColumns } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import { ENTITIES, type EntityName } from '../../electron/core/db/entities.ts';
import { PROJECT_SCOPE } from '../../electron/core/db/project-scope.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { Person, Project, ProjectDetail } from '../../shared/domain.ts';
import type { ClosingCheck, HandoverDetail } from '../../shared/handover/types.ts';
import type { MeetingDetail } from '../../shared/meetings/types.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { Inventory } from '../../shared/systems/types.ts';
import { refused } from '../support/refused.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let project: ProjectDetail;
let anja: Person;
let miriam: Person;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;
const id = () => project.project.id;

beforeEach(() => {
  core = openTestCore();
  const customer = call<{ id: string }>('customers.create', { name: 'Stadtwerke Nordhafen' });
  project = call<ProjectDetail>('projects.create', { customerId: customer.id, name: 'Webmail' });
  anja = call<Person>('people.create', { name: 'Dr. Anja Petersen', side: 'customer' });
  miriam = call<Person>('people.create', { name: 'Miriam Kaya', side: 'consultancy' });
  call('members.add', { projectId: id(), personId: anja.id, role: 'CIO' });
  call('members.add', { projectId: id(), personId: miriam.id, role: 'Consultant' });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

/** Everything the handover asks for: an installed host, contacts on both sides, a passed ticket test, the acceptance. */
function completeHandover(): HandoverDetail {
  const { environments } = call<Inventory>('systems.addEnvironment', { projectId: id(), kind: 'production' });
  call('systems.addHost', { environmentId: environments[0]!.id, name: 'mw01.nordhafen.example', role: 'middleware' });
  call('handover.addContact', { projectId: id(), personId: anja.id, level: 1, responsibility: 'Platform owner' });
  call('handover.addContact', { projectId: id(), personId: miriam.id, level: 2, responsibility: 'Escalation' });
  call('handover.update', { projectId: id(), ticketTestBy: 'Miriam Kaya', ticketTestOn: '2026-12-14', ticketNumber: 'INC-4711', ticketResult: 'passed' });
  return call<HandoverDetail>('handover.update', { projectId: id(), acceptedOn: '2026-12-15', acceptedBy: 'Dr. Anja Petersen' });
}

describe('the handover', () => {
  it('lists the parts still missing until each is there', () => {
    expect(call<HandoverDetail>('handover.get', { projectId: id() }).missing).toEqual(['systems', 'contacts', 'ticketTest', 'acceptance']);
    expect(call<HandoverDetail>('handover.addContact', { projectId: id(), personId: miriam.id }).missing).toEqual(['systems', 'customerContact', 'ticketTest', 'acceptance']);
    const done = completeHandover();
    expect(done.missing).toEqual([]);
    // Customer side first, then by level.
    expect(done.contacts.map((c) => [c.person.name, c.level])).toEqual([
      ['Dr. Anja Petersen', 1],
      ['Miriam Kaya', 1],
      ['Miriam Kaya', 2],
    ]);
  });

  it('keeps a part typed in any order, and counts it once whole', () => {
    // A result before its date, a date before the name: each kept as typed, the part still missing.
    expect(call<HandoverDetail>('handover.update', { projectId: id(), ticketResult: 'passed', acceptedOn: '2026-12-15' })).toMatchObject({
      handover: { ticketResult: 'passed', ticketTestOn: null, acceptedOn: '2026-12-15', acceptedBy: '' },
      missing: ['systems', 'contacts', 'ticketTest', 'acceptance'],
    });
    expect(call<HandoverDetail>('handover.update', { projectId: id(), ticketTestOn: '2026-12-14', acceptedBy: 'Dr. Anja Petersen' }).missing).toEqual(['systems', 'contacts']);
  });

  it('refuses, naming the field, a contact not on the project or at a level past 3', () => {
    const stranger = call<Person>('people.create', { name: 'Ole Hansen', side: 'partner' });
    expect(refused(core, 'handover.addContact', { projectId: id(), personId: stranger.id })).toMatchObject({ code: 'not_found', field: 'personId' });
    expect(refused(core, 'handover.addContact', { projectId: id(), personId: anja.id, level: 4 })).toMatchObject({ code: 'invalid_input', field: 'level' });
  });
});

describe('closing a project', () => {
  it('lists open checklist items, unsigned test runs and SOWs and missing handover parts, and closes only when confirmed', () => {
    const item = call<Requirement>('requirements.create', { projectId: id(), title: 'Open firewall port 993' });
    call('sows.create', { projectId: id(), title: 'Pilot' });
    call('testCases.create', { projectId: id(), title: 'Login' });
    call('testRuns.create', { projectId: id(), name: 'Internal approval' });
    call('time.startTimer', { projectId: id(), personId: miriam.id, activityId: project.activities[0]!.id });
    const check = call<ClosingCheck>('projects.closingCheck', { id: id() });
    expect(check.open.map((p) => p.kind)).toEqual(['checklist', 'testRuns', 'sows', 'handover', 'timers']);
    expect(check.open[4]).toEqual({ kind: 'timers', people: ['Miriam Kaya'] });
    expect(check.open[0]).toMatchObject({ items: [{ id: item.id, number: 1, title: 'Open firewall port 993' }] });

    const refusal = refused(core, 'projects.close', { id: id(), date: '2026-12-18' });
    expect(refusal).toMatchObject({ code: 'invalid_input', field: 'confirmOpen' });
    expect(refusal.message).toContain('R-001');

    const closed = call<Project>('projects.close', { id: id(), date: '2026-12-18', confirmOpen: true });
    expect(closed).toMatchObject({ status: 'closed', closed: { on: '2026-12-18' } });
  });

  it('closes without asking when nothing is open', () => {
    completeHandover();
    expect(call<ClosingCheck>('projects.closingCheck', { id: id() }).open).toEqual([]);
    expect(call<Project>('projects.close', { id: id(), date: '2026-12-18' }).closed).toMatchObject({ on: '2026-12-18' });
  });

  it('makes the project read-only: every change refused and nothing written, however deep the row; exports still work; reopened, it changes again', async () => {
    const meeting = call<MeetingDetail>('meetings.create', { projectId: id(), kind: 'status_call', startsAt: '2026-11-27T10:00' });
    const sow = call<SowDetail>('sows.create', { projectId: id(), title: 'Pilot' });
    const item = call<Requirement>('requirements.create', { projectId: id(), title: 'Backup' });
    call('projects.close', { id: id(), date: '2026-12-18', confirmOpen: true });

    const attempts: [string, unknown][] = [
      ['projects.update', { id: id(), name: 'Renamed' }],
      ['projects.updateStatusNotes', { id: id(), summary: 'All done' }],
      ['requirements.create', { projectId: id(), title: 'One more' }],
      ['requirements.update', { id: item.id, title: 'Backups' }],
      ['meetings.create', { projectId: id(), kind: 'other' }],
      ['agenda.add', { meetingId: meeting.meeting.id, title: 'Anything else' }],
      ['sowItems.add', { sowId: sow.sow.id, part: 'effort', role: 'Consultant', dayHundredths: 100, dailyRate: { minor: 100_000, currency: 'EUR' } }],
      ['members.add', { projectId: id(), personId: call<Person>('people.create', { name: 'Ole Hansen', side: 'partner' }).id, role: 'Partner' }],
      ['handover.update', { projectId: id(), knownLimitations: 'None' }],
      ['projects.close', { id: id(), date: '2026-12-19' }],
    ];
    for (const [method, input] of attempts) {
      const refusal = method === 'projects.close' ? null : refused(core, method, input);
      if (refusal) expect(refusal, method).toMatchObject({ code: 'project_closed', message: expect.stringContaining('"Webmail" is closed (since 2026-12-18)') });
    }
    // Closing a closed project changes nothing, and says so by its date.
    expect(call<Project>('projects.close', { id: id(), date: '2026-12-19' }).closed).toMatchObject({ on: '2026-12-18' });
    // What is not the project's still changes: its people, the customer.
    expect(call<Person>('people.update', { id: anja.id, phone: '+49 40 123' }).phone).toBe('+49 40 123');
    // An export is a record of reading it.
    const exported = await core.call('documents.export', { projectId: id(), document: 'checklist', formats: ['pdf'], language: 'de' });
    expect(exported).toMatchObject({ version: 1 });

    expect(call<Project>('projects.reopen', { id: id() })).toMatchObject({ status: 'active', closed: null });
    expect(call<Requirement>('requirements.update', { id: item.id, title: 'Backups' }).title).toBe('Backups');
  });

  it('is not a status the project form can set', () => {
    expect(refused(core, 'projects.update', { id: id(), status: 'closed' })).toMatchObject({ code: 'invalid_input', field: 'status' });
  });
});

describe('which project a row belongs to', () => {
  it('is declared for every entity that names a project', () => {
    for (const [entity, table] of Object.entries(ENTITIES)) {
      const scope = PROJECT_SCOPE[entity as EntityName];
      if ('projectId' in getTableColumns(table)) expect(scope.kind, entity).not.toBe('none');
      if (scope.kind === 'field' || scope.kind === 'parent') expect(getTableColumns(table), entity).toHaveProperty(scope.field);
    }
  });
});
