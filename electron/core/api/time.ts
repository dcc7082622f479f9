// Time entries: quarter hours a consultancy person spent on an SOW's effort line or a project
// activity. Refused, naming the field, with nothing written: hours that are not quarter hours or
// below zero (the schema), more than 24 hours of one person on one day (all their entries that day,
// every project), time on a rejected SOW. A date outside the SOW's period only warns. Also the
// weekly grid's cells, timers whose start is a row (they run on while the app is closed), the
// filtered list with its sums, and the CSV file.
import { and, desc, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { writeCsv } from '../../../shared/csv.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { sowNumber } from '../../../shared/sows/types.ts';
import type { TimeReportInput } from '../../../shared/documents/time-report.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import { DEFAULT_PROCESS_TEMPLATE, findTemplateActivity } from '../../../shared/process-template.ts';
import { timeCsvRows, type TimeNames } from '../../../shared/time/csv-format.ts';
import { dayOverflow, formatHours, timerQuarters, toQuarters } from '../../../shared/time/hours.ts';
import { timeTotals } from '../../../shared/time/summary.ts';
import type { RunningTimer, TimeEntry, TimeResult, TimeTargets, TimeTotals, TimeWarning } from '../../../shared/time/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { getBudget, projectSows, seriesLines, seriesOf, sowInEffect } from './budget.ts';
import { changesFor, fold, requireMember, requireRow, type Context } from './context.ts';
import { found, loadPerson, loadProject } from './rows.ts';

const invalid = (field: string, message: string, reason?: 'dayTooLong' | 'sowRejected') =>
  new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}`, ...(reason ? { issues: [{ field, message, reason }] } : {}) });

export function loadTimeEntry(ctx: Context, id: string): TimeEntry {
  return found(ctx.store.orm.select(fieldsOf(t.timeEntry)).from(t.timeEntry).where(liveRow(t.timeEntry, id)).get(), 'id', 'time entry', id);
}

interface Target {
  sowId: string | null;
  lineId: string | null;
  activityId: string | null;
}

/** The booked-on part of an input, normalised: the SOW by its series id; the other side null. */
function targetOf(input: Partial<Target>): Target {
  return input.activityId ? { sowId: null, lineId: null, activityId: input.activityId } : { sowId: input.sowId ?? null, lineId: input.lineId ?? null, activityId: null };
}

/**
 * Checks who and where time goes, and says what to look at: a consultancy person of the project,
 * an effort line of one of its SOWs that is not rejected (or one of its activities). Returns the
 * target with the SOW's series id, and a warning for a date outside the SOW's period.
 */
function checkBooking(ctx: Context, projectId: string, personId: string, date: string, given: Target): { target: Target; warnings: TimeWarning[] } {
  const person = found(ctx.store.orm.select(fieldsOf(t.person)).from(t.person).where(liveRow(t.person, personId)).get(), 'personId', 'person', personId);
  requireMember(ctx, projectId, personId, 'personId');
  if (person.side !== 'consultancy') throw invalid('personId', `${person.name.trim()} is on the ${person.side} side; time is booked by the consultancy's people`);
  if (given.activityId) {
    const activity = found(ctx.store.orm.select({ projectId: t.activity.projectId }).from(t.activity).where(liveRow(t.activity, given.activityId)).get(), 'activityId', 'activity', given.activityId);
    if (activity.projectId !== projectId) throw invalid('activityId', 'the activity belongs to another project');
    return { target: given, warnings: [] };
  }
  const { seriesId, projectId: owner } = seriesOf(ctx, given.sowId!, 'sowId');
  if (owner !== projectId) throw invalid('sowId', 'the SOW belongs to another project');
  const { sow } = sowInEffect(ctx, seriesId);
  if (sow.status === 'rejected') throw invalid('sowId', `${sowNumber(sow.number)} was rejected: no time can be booked on it`, 'sowRejected');
  const lines = seriesLines(ctx, seriesId);
  // A line is named by its origin id; the id of a line of any version is taken for it too.
  let lineId = given.lineId!;
  if (!lines.has(lineId)) {
    const line = ctx.store.orm.select({ originId: t.sowEffortLine.originId }).from(t.sowEffortLine).where(liveRow(t.sowEffortLine, lineId)).get();
    if (!line || !lines.has(line.originId)) throw new ApiError({ code: 'not_found', field: 'lineId', message: `lineId: ${sowNumber(sow.number)} has no effort line ${lineId}` });
    lineId = line.originId;
  }
  const outside = (sow.date !== null && date < sow.date) || (sow.validUntil !== null && date > sow.validUntil);
  const warnings: TimeWarning[] = outside ? [{ code: 'outsideValidity', field: 'date', sowNumber: sow.number, from: sow.date, until: sow.validUntil }] : [];
  return { target: { sowId: seriesId, lineId, activityId: null }, warnings };
}

/** Refuses a day of more than 24 hours for the person: every entry of theirs that day (any project) but `except`, plus `quarters`. */
function checkDay(ctx: Context, personId: string, date: string, quarters: number, except: string | null): void {
  const e = t.timeEntry;
  const others =
    ctx.store.orm
      .select({ q: sql<number>`coalesce(sum(${e.quarterHours}), 0)`.mapWith(Number) })
      .from(e)
      .where(and(eq(e.personId, personId), eq(e.date, date), live(e), except ? ne(e.id, except) : undefined))
      .get()?.q ?? 0;
  const over = dayOverflow(others, quarters);
  if (over) {
    const name = loadPerson(ctx, personId).name.trim();
    throw invalid('hours', `${name} has ${formatHours(over.others, 'en')} hours booked on ${date} already; with ${formatHours(quarters, 'en')} more the day would have more than 24 (at most ${formatHours(over.left, 'en')} fit)`, 'dayTooLong');
  }
}

interface Booking extends Target {
  projectId: string;
  personId: string;
  date: string;
  quarterHours: number;
  billable: boolean;
  note: string;
}

/** Writes a new entry after every check; the entry and the warnings. */
function book(ctx: Context, booking: Booking): TimeResult {
  const { target, warnings } = checkBooking(ctx, booking.projectId, booking.personId, booking.date, booking);
  checkDay(ctx, booking.personId, booking.date, booking.quarterHours, null);
  const id = newId();
  ctx.store.apply(changesFor('timeEntry', id, { ...booking, ...target, createdAt: ctx.now().toISOString() }));
  return { entry: loadTimeEntry(ctx, id), warnings };
}

export function createTime(ctx: Context, input: ParsedInput<'time.create'>): TimeResult {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return book(ctx, {
    projectId: input.projectId,
    personId: input.personId,
    date: input.date,
    ...targetOf(input),
    quarterHours: toQuarters(input.hours),
    billable: input.billable ?? true,
    note: input.note ?? '',
  });
}

export function updateTime(ctx: Context, input: ParsedInput<'time.update'>): TimeResult {
  const entry = loadTimeEntry(ctx, input.id);
  const movesTarget = input.sowId !== undefined || input.lineId !== undefined || input.activityId !== undefined;
  const given = movesTarget ? targetOf({ ...entry, ...input }) : entry;
  if (movesTarget && !(given.activityId ? true : given.sowId && given.lineId)) {
    throw invalid('sowId', 'Book on an SOW and its effort line (sowId and lineId), or on an activity (activityId): one of the two');
  }
  const next = { date: input.date ?? entry.date, personId: input.personId ?? entry.personId, quarterHours: input.hours === undefined ? entry.quarterHours : toQuarters(input.hours) };
  const { target, warnings } = checkBooking(ctx, entry.projectId, next.personId, next.date, given);
  checkDay(ctx, next.personId, next.date, next.quarterHours, entry.id);
  ctx.store.apply(changesFor('timeEntry', entry.id, { ...next, ...target, billable: input.billable, note: input.note }));
  return { entry: loadTimeEntry(ctx, entry.id), warnings };
}

export function removeTime(ctx: Context, input: ParsedInput<'time.remove'>): { id: string } {
  const entry = loadTimeEntry(ctx, input.id);
  ctx.store.apply(changesFor('timeEntry', entry.id, { deleted: true }));
  return { id: entry.id };
}

/** The grid's cell: the person's entries on that target and day become one of `hours` (none for 0). */
export function setCell(ctx: Context, input: ParsedInput<'time.setCell'>): TimeResult {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { target, warnings } = checkBooking(ctx, input.projectId, input.personId, input.date, targetOf(input));
  const e = t.timeEntry;
  const same = (column: typeof e.sowId | typeof e.lineId | typeof e.activityId, value: string | null) => (value === null ? sql`${column} IS NULL` : eq(column, value));
  const cell = ctx.store.orm
    .select(fieldsOf(e))
    .from(e)
    .where(and(eq(e.projectId, input.projectId), eq(e.personId, input.personId), eq(e.date, input.date), same(e.sowId, target.sowId), same(e.lineId, target.lineId), same(e.activityId, target.activityId), live(e)))
    .all();
  if (cell.length > 1) throw invalid('hours', `there are ${cell.length} entries on this day and line; change them one by one in the list`);
  const quarters = toQuarters(input.hours);
  const [entry] = cell;
  if (quarters === 0) {
    if (entry) ctx.store.apply(changesFor('timeEntry', entry.id, { deleted: true }));
    return { entry: null, warnings: [] };
  }
  checkDay(ctx, input.personId, input.date, quarters, entry?.id ?? null);
  if (!entry) return book(ctx, { projectId: input.projectId, personId: input.personId, date: input.date, ...target, quarterHours: quarters, billable: true, note: '' });
  ctx.store.apply(changesFor('timeEntry', entry.id, { quarterHours: quarters }));
  return { entry: loadTimeEntry(ctx, entry.id), warnings };
}

type Filters = ParsedInput<'time.list'>;

function entriesOf(ctx: Context, input: Filters): TimeEntry[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const e = t.timeEntry;
  const where: (SQL | undefined)[] = [eq(e.projectId, input.projectId), live(e)];
  if (input.from) where.push(gte(e.date, input.from));
  if (input.to) where.push(lte(e.date, input.to));
  if (input.personId) where.push(eq(e.personId, input.personId));
  if (input.sowId) where.push(eq(e.sowId, seriesOf(ctx, input.sowId, 'sowId').seriesId));
  if (input.lineId) where.push(eq(e.lineId, input.lineId));
  if (input.activityId) where.push(eq(e.activityId, input.activityId));
  if (input.billable !== undefined) where.push(eq(e.billable, input.billable));
  return ctx.store.orm
    .select(fieldsOf(e))
    .from(e)
    .where(and(...where))
    .orderBy(desc(e.date), desc(e.createdAt), desc(e.id))
    .all();
}

export function listTime(ctx: Context, input: Filters): { entries: TimeEntry[]; totals: TimeTotals } {
  const entries = entriesOf(ctx, input);
  return { entries, totals: timeTotals(entries) };
}

export function timeTargets(ctx: Context, input: ParsedInput<'time.targets'>): TimeTargets {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const project = loadProject(ctx, input.projectId);
  const sows = projectSows(ctx, project.id).map(({ seriesId, sow, lines }) => ({
    id: seriesId,
    number: sow.number,
    title: sow.title,
    rejected: sow.status === 'rejected',
    lines: lines.map((l) => ({ id: l.originId, role: l.role, description: l.description })),
  }));
  const activities = ctx.store.orm
    .select({ id: t.activity.id, title: t.activity.title, phase: t.activity.phase, templateKey: t.activity.templateKey })
    .from(t.activity)
    .where(and(eq(t.activity.projectId, project.id), live(t.activity)))
    .orderBy(t.activity.position)
    .all();
  const people = ctx.store.orm
    .select({ id: t.person.id, name: t.person.name })
    .from(t.membership)
    .innerJoin(t.person, eq(t.person.id, t.membership.personId))
    .where(and(eq(t.membership.projectId, project.id), live(t.membership), eq(t.person.side, 'consultancy')))
    .all()
    .sort((a, b) => fold(a.name).localeCompare(fold(b.name)));
  return { sows, activities, people };
}

// --- Timers -------------------------------------------------------------------------------------

function loadTimer(ctx: Context, id: string): RunningTimer {
  return found(ctx.store.orm.select(fieldsOf(t.timeTimer)).from(t.timeTimer).where(liveRow(t.timeTimer, id)).get(), 'id', 'timer', id);
}

export function listTimers(ctx: Context, input: ParsedInput<'time.timers'>): RunningTimer[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return ctx.store.orm
    .select(fieldsOf(t.timeTimer))
    .from(t.timeTimer)
    .where(and(eq(t.timeTimer.projectId, input.projectId), live(t.timeTimer)))
    .orderBy(t.timeTimer.startedAt)
    .all();
}

export function startTimer(ctx: Context, input: ParsedInput<'time.startTimer'>): RunningTimer {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { target } = checkBooking(ctx, input.projectId, input.personId, localIsoDate(ctx.now()), targetOf(input));
  // One timer per person: two running at once would book the same hours twice.
  const running = ctx.store.orm.select({ startedAt: t.timeTimer.startedAt }).from(t.timeTimer).where(and(eq(t.timeTimer.personId, input.personId), live(t.timeTimer))).get();
  if (running) throw invalid('personId', `a timer of ${loadPerson(ctx, input.personId).name.trim()} runs since ${running.startedAt}: stop it first`);
  const id = newId();
  ctx.store.apply(changesFor('timeTimer', id, { projectId: input.projectId, personId: input.personId, ...target, billable: input.billable ?? true, note: input.note ?? '', startedAt: ctx.now().toISOString() }));
  return loadTimer(ctx, id);
}

export function stopTimer(ctx: Context, input: ParsedInput<'time.stopTimer'>): TimeResult {
  const timer = loadTimer(ctx, input.id);
  // Booked on the day it was started, where the consultant is; a refusal (a full day) leaves it running.
  const result = book(ctx, {
    projectId: timer.projectId,
    personId: timer.personId,
    date: localIsoDate(new Date(timer.startedAt)),
    sowId: timer.sowId,
    lineId: timer.lineId,
    activityId: timer.activityId,
    quarterHours: timerQuarters(timer.startedAt, ctx.now()),
    billable: timer.billable,
    note: timer.note,
  });
  ctx.store.apply(changesFor('timeTimer', timer.id, { deleted: true }));
  return result;
}

export function cancelTimer(ctx: Context, input: ParsedInput<'time.cancelTimer'>): { id: string } {
  const timer = loadTimer(ctx, input.id);
  ctx.store.apply(changesFor('timeTimer', timer.id, { deleted: true }));
  return { id: timer.id };
}

// --- CSV ----------------------------------------------------------------------------------------

export function exportTimeCsv(ctx: Context, input: ParsedInput<'time.exportCsv'>): { fileName: string; csv: string } {
  const { language, delimiter, ...filters } = input;
  const entries = entriesOf(ctx, filters);
  const names = timeNames(ctx, input.projectId, language);
  const { name } = loadProject(ctx, input.projectId);
  const slug = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  const period = [input.from, input.to].filter(Boolean).join('-to-') || localIsoDate(ctx.now());
  // Oldest first, as a timesheet reads.
  return { fileName: `time-${slug}-${period}.csv`, csv: writeCsv(timeCsvRows([...entries].reverse(), names, language), delimiter) };
}

/** The names entries of a project refer to: people (removed ones too), SOW numbers, lines, activities (in `language`). */
export function timeNames(ctx: Context, projectId: string, language: Language): TimeNames {
  const people = new Map(ctx.store.orm.select({ id: t.person.id, name: t.person.name }).from(t.person).all().map((p) => [p.id, p.name]));
  const sows = new Map<string, number>();
  const lines = new Map<string, string>();
  for (const { seriesId, sow, allLines } of projectSows(ctx, projectId)) {
    sows.set(seriesId, sow.number);
    for (const [id, l] of allLines) lines.set(id, [l.role.trim(), l.description.trim()].filter(Boolean).join(' – '));
  }
  const activities = new Map(
    ctx.store.orm
      .select({ id: t.activity.id, title: t.activity.title, templateKey: t.activity.templateKey })
      .from(t.activity)
      .where(eq(t.activity.projectId, projectId))
      .all()
      .map((a) => [a.id, (a.templateKey && findTemplateActivity(DEFAULT_PROCESS_TEMPLATE, a.templateKey)?.title[language]) || a.title]),
  );
  return { people, sows, lines, activities };
}

// --- The time report ----------------------------------------------------------------------------

/** What the time report is made from: the period's entries oldest first, the names they use, the budget today. */
export function timeReportSource(ctx: Context, projectId: string, period: { from: string; to: string }, language: Language): Pick<TimeReportInput, 'period' | 'entries' | 'names' | 'budget'> {
  return {
    period,
    entries: entriesOf(ctx, { projectId, from: period.from, to: period.to }).reverse(),
    names: timeNames(ctx, projectId, language),
    budget: getBudget(ctx, { projectId }),
  };
}
