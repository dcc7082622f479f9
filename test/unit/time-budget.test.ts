// Change requests, time entries and the budget through the API as every host calls it, on a real
// SQLite file: an approved change request raises its SOW's budget (proposed, rejected and withdrawn
// ones do not), made from a checklist item or a meeting decision and listed back there; time refused
// with the field named and nothing written (non-quarter or negative hours, a day over 24 hours for
// one person across projects, a rejected SOW, a customer's person); a warning outside the SOW's
// period; the grid's cells; a timer that outlives the core; the CSV; the budget's sums.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { ChangeRequestDetail, ChangeRequestSummary } from '../../shared/change-requests/types.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { AgendaDecision, AgendaItem, MeetingDetail } from '../../shared/meetings/types.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { ProjectBudget } from '../../shared/time/budget.ts';
import type { RunningTimer, TimeEntry, TimeResult, TimeTotals } from '../../shared/time/types.ts';
import { refused as refusedBy } from '../support/refused.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let dir: string;
let clock: number;
let core: Core;
let project: ProjectDetail;
let sow: SowDetail;
let miriam: string;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

const refused = (method: string, input: unknown): ApiError => refusedBy(core, method, input);

const open = () => openTestCore(dir, { now: () => clock });

/** SOW-01, sent and signed: 10 senior days at 1,450.00 and 5 trainer days at 1,150.00, from 2026-11-02 to 2027-03-31. */
function signedSow(): SowDetail {
  const { sow: draft } = call<SowDetail>('sows.create', { projectId: project.project.id, title: 'Pilot' });
  call('sows.update', { id: draft.id, date: '2026-11-02', validUntil: '2027-03-31' });
  call('sowItems.add', { sowId: draft.id, part: 'effort', role: 'Senior-Berater', description: 'Installation', dayHundredths: 1_000, dailyRate: { minor: 145_000, currency: 'EUR' } });
  call('sowItems.add', { sowId: draft.id, part: 'effort', role: 'Trainer', description: 'Schulung', dayHundredths: 500, dailyRate: { minor: 115_000, currency: 'EUR' } });
  call('sowItems.add', { sowId: draft.id, part: 'payment', label: 'Bei Unterzeichnung', percentBasisPoints: 10_000 });
  call('sows.send', { id: draft.id, date: '2026-11-02' });
  call('sows.sign', { id: draft.id, side: 'customer', name: 'Dr. Anja Petersen', date: '2026-11-03' });
  return call<SowDetail>('sows.sign', { id: draft.id, side: 'consultancy', name: 'Miriam Kaya', date: '2026-11-03' });
}

const line = (i: number) => sow.effortLines[i]!.originId;
const book = (input: Record<string, unknown>) => call<TimeResult>('time.create', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(0), date: '2026-11-30', ...input });
const budget = () => call<ProjectBudget>('budget.get', { projectId: project.project.id });

beforeEach(() => {
  dir = tempDir();
  clock = Date.parse('2026-11-30T09:00:00Z');
  core = open();
  project = call<ProjectDetail>('projects.createSample', { language: 'de' });
  miriam = project.members.find((m) => m.person.side === 'consultancy')!.personId;
  sow = signedSow();
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('change requests', () => {
  const propose = (input: Record<string, unknown> = {}) =>
    call<ChangeRequestDetail>('changeRequests.create', { projectId: project.project.id, sowId: sow.sow.id, title: 'Zweiter Mandant', effort: [{ role: 'Senior-Berater', dayHundredths: 250 }], ...input });

  it('are numbered per project and priced at the SOW rate of the role', () => {
    const first = propose({ reason: 'Der Kunde übernimmt die Stadtwerke Südhafen', datesImpact: 'Übergabe zwei Wochen später', scopeImpact: 'Ein zweiter Kontext' });
    expect(first.changeRequest).toMatchObject({ number: 1, status: 'proposed', sowId: sow.sow.seriesId, effort: [{ role: 'Senior-Berater', lineId: line(0), dayHundredths: 250, rateMinor: 145_000 }] });
    expect(first.impact).toMatchObject({ dayHundredths: 250, totalMinor: 362_500 });
    expect(first.sow).toMatchObject({ number: 1, status: 'signed', currency: 'EUR' });
    expect(propose().changeRequest.number).toBe(2);
    // A role the SOW has no line for is refused, naming the role's place.
    expect(refused('changeRequests.create', { projectId: project.project.id, sowId: sow.sow.id, title: 'x', effort: [{ role: 'Entwickler', dayHundredths: 100 }] })).toMatchObject({
      code: 'invalid_input',
      field: 'effort.0.role',
    });
    expect(refused('changeRequests.create', { projectId: project.project.id, sowId: sow.sow.id, title: 'x', effort: [{ role: 'Trainer', dayHundredths: -100 }] }).field).toBe('effort.0.dayHundredths');
  });

  it('raise the budget only once approved; rejected and withdrawn ones do not', () => {
    const base = budget().sows[0]!;
    expect(base).toMatchObject({ plannedDayHundredths: 1_500, feesMinor: 2_025_000, changeFeesMinor: 0 });
    const approved = propose();
    const rejected = propose({ effort: [{ role: 'Trainer', dayHundredths: 300 }] });
    const withdrawn = propose({ effort: [{ role: 'Trainer', dayHundredths: 100 }] });
    expect(budget().sows[0]!.plannedDayHundredths).toBe(1_500);
    call('changeRequests.decide', { id: approved.changeRequest.id, status: 'approved', name: 'Dr. Anja Petersen', date: '2026-11-25' });
    call('changeRequests.decide', { id: rejected.changeRequest.id, status: 'rejected', name: 'Dr. Anja Petersen', date: '2026-11-26' });
    call('changeRequests.decide', { id: withdrawn.changeRequest.id, status: 'withdrawn', name: 'Miriam Kaya', date: '2026-11-26' });
    const raised = budget().sows[0]!;
    expect(raised).toMatchObject({ plannedDayHundredths: 1_750, changeFeesMinor: 362_500 });
    expect(raised.lines[0]).toMatchObject({ id: line(0), plannedDayHundredths: 1_250, changeDayHundredths: 250 });
    expect(raised.changes.map((c) => c.number)).toEqual([1]);
    // A decision stands: no edit, no second decision, no removal.
    expect(refused('changeRequests.update', { id: approved.changeRequest.id, effort: [] }).field).toBe('effort');
    expect(refused('changeRequests.decide', { id: approved.changeRequest.id, status: 'rejected', name: 'x', date: '2026-11-27' }).field).toBe('status');
    expect(refused('changeRequests.remove', { id: approved.changeRequest.id }).field).toBe('id');
  });

  it('come from a checklist item or a meeting decision, and are listed back there', () => {
    const item = call<Requirement>('requirements.create', { projectId: project.project.id, title: 'Zweiten Mandanten einrichten', description: 'Für Südhafen' });
    const fromItem = propose({ title: undefined, requirementId: item.id });
    expect(fromItem.changeRequest).toMatchObject({ title: 'Zweiten Mandanten einrichten', description: 'Für Südhafen', requirementId: item.id });
    expect(fromItem.requirement).toMatchObject({ id: item.id, number: item.number });
    const meeting = call<MeetingDetail>('meetings.create', { projectId: project.project.id, kind: 'status_call', startsAt: '2026-11-27T10:00' });
    const agenda = call<AgendaItem>('agenda.add', { meetingId: meeting.meeting.id, title: 'Umfang' });
    const decision = call<AgendaDecision>('agenda.decide', { agendaItemId: agenda.id, text: 'Archivierung kommt dazu\nals Änderungsantrag' });
    const fromDecision = propose({ title: undefined, decisionId: decision.id });
    expect(fromDecision.changeRequest.title).toBe('Archivierung kommt dazu');
    expect(fromDecision.decision).toMatchObject({ id: decision.id, meetingId: meeting.meeting.id, date: '2026-11-27' });
    const numbers = (filter: Record<string, string>) => call<ChangeRequestSummary[]>('changeRequests.list', { projectId: project.project.id, ...filter }).map((c) => c.number);
    expect(numbers({ requirementId: item.id })).toEqual([fromItem.changeRequest.number]);
    expect(numbers({ decisionId: decision.id })).toEqual([fromDecision.changeRequest.number]);
    expect(numbers({})).toEqual([1, 2]);
  });

  it('cannot change a rejected SOW', () => {
    const { sow: other } = call<SowDetail>('sows.create', { projectId: project.project.id, title: 'Archiv' });
    call('sowItems.add', { sowId: other.id, part: 'effort', role: 'Trainer', dayHundredths: 100, dailyRate: { minor: 100_000, currency: 'EUR' } });
    call('sowItems.add', { sowId: other.id, part: 'payment', label: 'x', percentBasisPoints: 10_000 });
    call('sows.send', { id: other.id, date: '2026-11-10' });
    call('sows.reject', { id: other.id, date: '2026-11-12' });
    expect(refused('changeRequests.create', { projectId: project.project.id, sowId: other.id, title: 'x' }).issues).toEqual([expect.objectContaining({ field: 'sowId', reason: 'sowRejected' })]);
  });
});

describe('time entries', () => {
  it('are refused with the field named and nothing written: non-quarter and negative hours, a rejected SOW, a customer', () => {
    for (const hours of [1.3, -1, 0, 24.25]) expect(refused('time.create', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(0), date: '2026-11-30', hours }).field).toBe('hours');
    const jonas = project.members.find((m) => m.person.name === 'Jonas Weber')!.personId;
    expect(refused('time.create', { projectId: project.project.id, personId: jonas, sowId: sow.sow.id, lineId: line(0), date: '2026-11-30', hours: 1 }).field).toBe('personId');
    expect(refused('time.create', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, date: '2026-11-30', hours: 1 }).field).toBe('sowId');
    const { sow: other } = call<SowDetail>('sows.create', { projectId: project.project.id, title: 'Archiv' });
    const draft = call<SowDetail>('sowItems.add', { sowId: other.id, part: 'effort', role: 'Trainer', dayHundredths: 100, dailyRate: { minor: 100_000, currency: 'EUR' } });
    call('sowItems.add', { sowId: other.id, part: 'payment', label: 'x', percentBasisPoints: 10_000 });
    call('sows.send', { id: other.id, date: '2026-11-10' });
    call('sows.reject', { id: other.id, date: '2026-11-12' });
    const error = refused('time.create', { projectId: project.project.id, personId: miriam, sowId: other.id, lineId: draft.effortLines[0]!.id, date: '2026-11-30', hours: 1 });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'sowId', reason: 'sowRejected' })]);
  });

  it('allow 24 hours a day per person, counting every entry of that day in every project', () => {
    book({ hours: 10 });
    const other = call<ProjectDetail>('projects.create', { customerId: project.customer.id, name: 'Archivierung' });
    call('members.add', { projectId: other.project.id, personId: miriam });
    const activity = other.activities[0]!;
    call('time.create', { projectId: other.project.id, personId: miriam, activityId: activity.id, date: '2026-11-30', hours: 12 });
    const error = refused('time.create', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(1), date: '2026-11-30', hours: 2.25 });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'hours', reason: 'dayTooLong' })]);
    expect(error.message).toContain('22');
    expect(book({ lineId: line(1), hours: 2 }).entry!.quarterHours).toBe(8);
    // A change of an entry counts the day without its old hours.
    const first = call<{ entries: TimeEntry[] }>('time.list', { projectId: project.project.id, lineId: line(0) }).entries[0]!;
    expect(refused('time.update', { id: first.id, hours: 10.25 }).field).toBe('hours');
    expect(call<TimeResult>('time.update', { id: first.id, hours: 10, note: 'Installation' }).entry).toMatchObject({ quarterHours: 40, note: 'Installation' });
  });

  it('warn, and still book, outside the SOW period', () => {
    expect(book({ date: '2026-11-30', hours: 1 }).warnings).toEqual([]);
    const late = book({ date: '2027-04-01', hours: 1 });
    expect(late.entry).not.toBeNull();
    expect(late.warnings).toEqual([{ code: 'outsideValidity', field: 'date', sowNumber: 1, from: '2026-11-02', until: '2027-03-31' }]);
    expect(book({ date: '2026-10-30', hours: 1 }).warnings).toHaveLength(1);
  });

  it('fill the weekly grid cell by cell: typed, changed, emptied', () => {
    const cell = (hours: number) => call<TimeResult>('time.setCell', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(0), date: '2026-12-01', hours });
    const made = cell(1.5).entry!;
    expect(made.quarterHours).toBe(6);
    expect(cell(2.75).entry).toMatchObject({ id: made.id, quarterHours: 11 });
    expect(cell(0).entry).toBeNull();
    expect(call<{ entries: TimeEntry[] }>('time.list', { projectId: project.project.id }).entries).toEqual([]);
    book({ date: '2026-12-01', hours: 1 });
    book({ date: '2026-12-01', hours: 1 });
    expect(refused('time.setCell', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(0), date: '2026-12-01', hours: 3 }).field).toBe('hours');
  });

  it('run a timer on while the app is closed, and book it to the quarter hour on its day', () => {
    const started = call<RunningTimer>('time.startTimer', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(1), note: 'Schulung' });
    expect(refused('time.startTimer', { projectId: project.project.id, personId: miriam, sowId: sow.sow.id, lineId: line(0) }).field).toBe('personId');
    core.close();
    clock += 97 * 60_000;
    core = open();
    expect(call<RunningTimer[]>('time.timers', { projectId: project.project.id })).toEqual([started]);
    const { entry } = call<TimeResult>('time.stopTimer', { id: started.id });
    expect(entry).toMatchObject({ date: '2026-11-30', quarterHours: 6, lineId: line(1), note: 'Schulung', billable: true });
    expect(call<RunningTimer[]>('time.timers', { projectId: project.project.id })).toEqual([]);
  });

  it('export as CSV for Excel and sum to what the budget counts', () => {
    book({ date: '2026-11-24', hours: 8, note: 'Installation' });
    book({ date: '2026-11-25', lineId: line(1), hours: 6.5, billable: false });
    book({ date: '2026-11-26', hours: 7.5 });
    const { csv, fileName } = call<{ csv: string; fileName: string }>('time.exportCsv', { projectId: project.project.id, from: '2026-11-01', to: '2026-11-30', language: 'de', delimiter: ';' });
    expect(fileName).toMatch(/^time-.+-2026-11-01-to-2026-11-30\.csv$/);
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFDatum;Person;Leistungsschein;Position;Aktivität;Stunden;Abrechenbar;Notiz',
      '2026-11-24;Miriam Kaya;SOW-01;Senior-Berater – Installation;;8;Ja;Installation',
      '2026-11-25;Miriam Kaya;SOW-01;Trainer – Schulung;;6,5;Nein;',
    ]);
    const { totals } = call<{ totals: TimeTotals }>('time.list', { projectId: project.project.id });
    expect(totals).toMatchObject({ quarterHours: 88, billableQuarterHours: 62 });
    const figures = budget();
    expect(figures.spentQuarterHours).toBe(totals.quarterHours);
    expect(figures.spentDayHundredths).toBe(275);
    call('budget.setHoursPerDay', { projectId: project.project.id, hours: 5.5 });
    expect(budget()).toMatchObject({ hoursPerDay: 5.5, spentDayHundredths: 400 });
  });
});

