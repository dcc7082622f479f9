// Closing a project: what is still open (checklist items, test runs and SOWs not signed, handover
// parts missing, timers running) is listed first and closing goes ahead only when the
// consultant confirms it; a closed project is read-only (the write path refuses its changes, see
// closed-projects.ts) until it is reopened.
import { and, eq, notInArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { CLOSED_STATUSES, formatNumber } from '../../../shared/checklist/types.ts';
import type { Project } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { ClosingCheck, OpenPart } from '../../../shared/handover/types.ts';
import { authorName } from '../device.ts';
import { live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { changesFor, type Context } from './context.ts';
import { handoverDetail } from './handover.ts';
import { loadProject } from './rows.ts';

function openChecklist(ctx: Context, projectId: string): OpenPart | null {
  const items = ctx.store.orm
    .select({ id: t.requirement.id, number: t.requirement.number, title: t.requirement.title })
    .from(t.requirement)
    .where(and(eq(t.requirement.projectId, projectId), live(t.requirement), notInArray(t.requirement.status, [...CLOSED_STATUSES])))
    .orderBy(t.requirement.number)
    .all();
  return items.length > 0 ? { kind: 'checklist', items } : null;
}

/** Runs not signed off since the latest signed one: a run a later signed run settled is done with. */
function unsignedRuns(ctx: Context, projectId: string): OpenPart | null {
  const runs = ctx.store.orm
    .select({ id: t.testRun.id, name: t.testRun.name, signOff: t.testRun.signOff, createdAt: t.testRun.createdAt })
    .from(t.testRun)
    .where(and(eq(t.testRun.projectId, projectId), live(t.testRun)))
    .orderBy(t.testRun.createdAt, t.testRun.id)
    .all();
  const lastSigned = runs.findLastIndex((r) => r.signOff !== null);
  const open = runs.slice(lastSigned + 1).map(({ id, name }) => ({ id, name }));
  return open.length > 0 ? { kind: 'testRuns', runs: open } : null;
}

/** SOWs whose latest version is a draft or sent but not signed. */
function unsignedSows(ctx: Context, projectId: string): OpenPart | null {
  const versions = ctx.store.orm
    .select({ id: t.sow.id, seriesId: t.sow.seriesId, number: t.sow.number, version: t.sow.version, status: t.sow.status })
    .from(t.sow)
    .where(and(eq(t.sow.projectId, projectId), live(t.sow)))
    .orderBy(t.sow.number, t.sow.version)
    .all();
  const latest = new Map(versions.map((v) => [v.seriesId, v]));
  const sows = [...latest.values()].flatMap((v) => (v.status === 'draft' || v.status === 'sent' ? [{ id: v.id, number: v.number, version: v.version, status: v.status }] : []));
  return sows.length > 0 ? { kind: 'sows', sows } : null;
}

/** Timers still running on the project, by whose they are. */
function runningTimers(ctx: Context, projectId: string): OpenPart | null {
  const people = ctx.store.orm
    .select({ name: t.person.name })
    .from(t.timeTimer)
    .innerJoin(t.person, eq(t.person.id, t.timeTimer.personId))
    .where(and(eq(t.timeTimer.projectId, projectId), live(t.timeTimer)))
    .orderBy(t.timeTimer.startedAt)
    .all()
    .map((p) => p.name);
  return people.length > 0 ? { kind: 'timers', people } : null;
}

function check(ctx: Context, projectId: string): ClosingCheck {
  const { missing } = handoverDetail(ctx, projectId);
  const open = [
    openChecklist(ctx, projectId),
    unsignedRuns(ctx, projectId),
    unsignedSows(ctx, projectId),
    missing.length > 0 ? ({ kind: 'handover', missing } as const) : null,
    runningTimers(ctx, projectId),
  ];
  return { projectId, open: open.filter((part) => part !== null) };
}

export function closingCheck(ctx: Context, input: ParsedInput<'projects.closingCheck'>): ClosingCheck {
  loadProject(ctx, input.id);
  return check(ctx, input.id);
}

/** In words, for the refusal the command line shows: "3 checklist items (R-004, R-007, R-012)". */
function describe(part: OpenPart): string {
  switch (part.kind) {
    case 'checklist':
      return `${part.items.length} open checklist item(s) (${part.items.map((i) => formatNumber(i.number)).join(', ')})`;
    case 'testRuns':
      return `${part.runs.length} test run(s) not signed off`;
    case 'sows':
      return `${part.sows.length} SOW(s) not signed`;
    case 'handover':
      return `handover parts missing (${part.missing.join(', ')})`;
    case 'timers':
      return `timers running (${part.people.join(', ')})`;
  }
}

export function closeProject(ctx: Context, input: ParsedInput<'projects.close'>): Project {
  const project = loadProject(ctx, input.id);
  if (project.closed) return project;
  const { open } = check(ctx, input.id);
  if (open.length > 0 && !input.confirmOpen) {
    throw new ApiError({ code: 'invalid_input', field: 'confirmOpen', message: `confirmOpen: still open: ${open.map(describe).join('; ')}. Confirm to close all the same` });
  }
  ctx.store.apply(changesFor('project', input.id, { status: 'closed', closedOn: input.date, closedBy: authorName(ctx.store) }));
  return loadProject(ctx, input.id);
}

export function reopenProject(ctx: Context, input: ParsedInput<'projects.reopen'>): Project {
  const project = loadProject(ctx, input.id);
  if (!project.closed) return project;
  ctx.store.apply(changesFor('project', input.id, { status: 'active', closedOn: null, closedBy: '' }));
  return loadProject(ctx, input.id);
}
