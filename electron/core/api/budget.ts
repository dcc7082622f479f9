// The budget per SOW and per project: the core reads the rows (each SOW's version in effect with
// its effort lines, the change requests, the time booked summed per line and per day in SQL) and
// shared/time/budget.ts works the figures out. Also which version of an SOW is in effect, which
// change requests and time entries go by, and the project's hours per day.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { sum } from '../../../shared/money.ts';
import { sowTotals } from '../../../shared/sows/totals.ts';
import type { EffortLine, Sow, SowStatus } from '../../../shared/sows/types.ts';
import { projectBudget, type BudgetSowInput, type ProjectBudget } from '../../../shared/time/budget.ts';
import { DEFAULT_HOURS_PER_DAY, QUARTERS_PER_HOUR, toQuarters } from '../../../shared/time/hours.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { loadSow } from './sows.ts';

/**
 * Which version of an SOW counts: the latest signed one, else the latest sent, else the latest
 * draft; a rejected version only when nothing else is left (the SOW is then rejected). A draft of
 * version 2 does not change what version 1, signed, agreed.
 */
const WEIGHT: Record<SowStatus, number> = { signed: 4, sent: 3, draft: 2, rejected: 1, superseded: 0 };

/** The series id of the SOW one of whose versions has this id; not_found naming `field` otherwise. */
export function seriesOf(ctx: Context, versionId: string, field: string): { seriesId: string; projectId: string } {
  const row = ctx.store.orm.select({ seriesId: t.sow.seriesId, projectId: t.sow.projectId }).from(t.sow).where(liveRow(t.sow, versionId)).get();
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no SOW with id ${versionId}` });
  return row;
}

export interface SowInEffect {
  sow: Sow;
  lines: EffortLine[];
}

/** The version in effect among a series' versions. */
function inEffect<V extends { status: SowStatus; version: number }>(versions: readonly V[]): V | undefined {
  return [...versions].sort((a, b) => WEIGHT[b.status] - WEIGHT[a.status] || b.version - a.version)[0];
}

const linesInOrder = [asc(t.sowEffortLine.position), asc(t.sowEffortLine.id)];

/** The version of the series that is in effect, with its effort lines. */
export function sowInEffect(ctx: Context, seriesId: string): SowInEffect {
  const versions = ctx.store.orm
    .select({ id: t.sow.id, version: t.sow.version, status: t.sow.status })
    .from(t.sow)
    .where(and(eq(t.sow.seriesId, seriesId), live(t.sow)))
    .all();
  const best = inEffect(versions);
  if (!best) throw new ApiError({ code: 'not_found', field: 'sowId', message: `sowId: no SOW with id ${seriesId}` });
  const lines = ctx.store.orm
    .select(fieldsOf(t.sowEffortLine))
    .from(t.sowEffortLine)
    .where(and(eq(t.sowEffortLine.sowId, best.id), live(t.sowEffortLine)))
    .orderBy(...linesInOrder)
    .all();
  return { sow: loadSow(ctx, best.id), lines };
}

/** Every effort line any version of the series had, by origin id (the latest version's wording). */
export function seriesLines(ctx: Context, seriesId: string): Map<string, { role: string; description: string }> {
  const rows = ctx.store.orm
    .select({ originId: t.sowEffortLine.originId, role: t.sowEffortLine.role, description: t.sowEffortLine.description })
    .from(t.sowEffortLine)
    .innerJoin(t.sow, eq(t.sow.id, t.sowEffortLine.sowId))
    .where(and(eq(t.sow.seriesId, seriesId), live(t.sowEffortLine), live(t.sow)))
    .orderBy(asc(t.sow.version), ...linesInOrder)
    .all();
  return new Map(rows.map((r) => [r.originId, { role: r.role, description: r.description }]));
}

export interface ProjectSow extends SowInEffect {
  seriesId: string;
  /** Every line any version had, by origin id, as seriesLines gives them. */
  allLines: Map<string, { role: string; description: string }>;
}

/**
 * Each SOW of the project, by number: its version in effect with its lines, and the lines of all
 * its versions. Two reads for the whole project, whatever the number of SOWs and versions.
 */
export function projectSows(ctx: Context, projectId: string): ProjectSow[] {
  const versions = ctx.store.orm
    .select(fieldsOf(t.sow))
    .from(t.sow)
    .where(and(eq(t.sow.projectId, projectId), live(t.sow)))
    .orderBy(asc(t.sow.version))
    .all();
  const lines = ctx.store.orm
    .select(fieldsOf(t.sowEffortLine))
    .from(t.sowEffortLine)
    .innerJoin(t.sow, eq(t.sow.id, t.sowEffortLine.sowId))
    .where(and(eq(t.sow.projectId, projectId), live(t.sow), live(t.sowEffortLine)))
    .orderBy(asc(t.sow.version), ...linesInOrder)
    .all();
  const linesOf = Map.groupBy(lines, (l) => l.sowId);
  return [...Map.groupBy(versions, (v) => v.seriesId)]
    .map(([seriesId, series]) => {
      const best = inEffect(series)!;
      // Only the first version carries the number (see sows.ts).
      const first = series.find((v) => v.id === seriesId);
      const sow = { ...best, number: first?.number ?? best.number, formerNumbers: first?.formerNumbers ?? best.formerNumbers };
      // Versions oldest first: a line's latest wording is the one kept.
      const allLines = new Map(series.flatMap((v) => linesOf.get(v.id) ?? []).map((l) => [l.originId, { role: l.role, description: l.description }]));
      return { seriesId, sow, lines: linesOf.get(best.id) ?? [], allLines };
    })
    .sort((a, b) => a.sow.number - b.sow.number);
}

/** Quarter hours in a day of the project's budget: its setting, or 8 hours. */
export function quartersPerDay(ctx: Context, projectId: string): number {
  const row = ctx.store.orm.select({ q: t.budgetSetting.quartersPerDay }).from(t.budgetSetting).where(liveRow(t.budgetSetting, projectId)).get();
  return row?.q ?? DEFAULT_HOURS_PER_DAY * QUARTERS_PER_HOUR;
}

function budgetSow({ seriesId, sow, lines, allLines }: ProjectSow): BudgetSowInput {
  const known = new Set(lines.map((l) => l.originId));
  // Lines only earlier versions had stay nameable (time may be booked on them), with no days planned.
  const earlier = [...allLines].filter(([id]) => !known.has(id)).map(([id, l]) => ({ id, ...l, dayHundredths: 0 }));
  return {
    id: seriesId,
    number: sow.number,
    title: sow.title,
    version: sow.version,
    status: sow.status,
    currency: sow.currency,
    date: sow.date,
    feesMinor: sowTotals(sow, lines, []).totalMinor,
    lines: [...lines.map((l) => ({ id: l.originId, role: l.role, description: l.description, dayHundredths: l.dayHundredths })), ...earlier],
  };
}

export function getBudget(ctx: Context, input: ParsedInput<'budget.get'>): ProjectBudget {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const e = t.timeEntry;
  const ofProject = and(eq(e.projectId, input.projectId), live(e));
  const quarters = sql<number>`sum(${e.quarterHours})`.mapWith(Number);
  const changes = ctx.store.orm
    .select({ id: t.changeRequest.id, number: t.changeRequest.number, sowId: t.changeRequest.sowId, status: t.changeRequest.status, decidedOn: t.changeRequest.decidedOn, effort: t.changeRequest.effort })
    .from(t.changeRequest)
    .where(and(eq(t.changeRequest.projectId, input.projectId), live(t.changeRequest)))
    .all();
  // Both sums follow an index of their own in its order (see the migration); time on activities
  // has no SOW, and comes with the sums per line as their one row without one.
  const byLine = ctx.store.orm.select({ sowId: e.sowId, lineId: e.lineId, quarterHours: quarters }).from(e).where(ofProject).groupBy(e.sowId, e.lineId).all();
  const byDay = ctx.store.orm
    .select({ sowId: sql<string>`${e.sowId}`, date: e.date, quarterHours: quarters })
    .from(e)
    .where(and(ofProject, isNotNull(e.sowId)))
    .groupBy(e.sowId, e.date)
    .all();
  return projectBudget({
    today: localIsoDate(ctx.now()),
    quartersPerDay: quartersPerDay(ctx, input.projectId),
    sows: projectSows(ctx, input.projectId).map(budgetSow),
    changes,
    byLine: byLine.flatMap((r) => (r.sowId === null ? [] : [{ ...r, sowId: r.sowId }])),
    byDay,
    activityQuarterHours: sum(byLine.filter((r) => r.sowId === null).map((r) => r.quarterHours)),
  });
}

export function setHoursPerDay(ctx: Context, input: ParsedInput<'budget.setHoursPerDay'>): ProjectBudget {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  ctx.store.apply(changesFor('budgetSetting', input.projectId, { projectId: input.projectId, quartersPerDay: toQuarters(input.hours) }));
  return getBudget(ctx, { projectId: input.projectId });
}
