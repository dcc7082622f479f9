// Change requests: numbered per project (CR-001), proposed against an SOW, priced at its rates
// (shared/change-requests/impact.ts), decided once (approved, rejected, withdrawn; who and when).
// An approved one raises its SOW's budget (api/budget.ts reads it). Made from a checklist item or a
// meeting's decision, it keeps the link, and the item and the decision list it back.
import { and, eq, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { impactTotals } from '../../../shared/change-requests/impact.ts';
import { changeRequestNumber, type ChangeRequest, type ChangeRequestDetail, type ChangeRequestSummary, type EffortImpact } from '../../../shared/change-requests/types.ts';
import { formatDay } from '../../../shared/checklist/show.ts';
import type { ChangeRequestDocInput } from '../../../shared/documents/change-request.ts';
import { ApiError } from '../../../shared/errors.ts';
import { sowNumber } from '../../../shared/sows/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { nextFreeNumber } from '../sync/numbers.ts';
import { getBudget, seriesOf, sowInEffect, type SowInEffect } from './budget.ts';
import { loadRequirement } from './checklist.ts';
import { changesFor, fold, requireMember, requireRow, type Context } from './context.ts';
import { found } from './rows.ts';

const invalid = (field: string, message: string) => new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}` });

export function loadChangeRequest(ctx: Context, id: string, field = 'id'): ChangeRequest {
  return found(ctx.store.orm.select(fieldsOf(t.changeRequest)).from(t.changeRequest).where(liveRow(t.changeRequest, id)).get(), field, 'change request', id);
}

/** The SOW a change request may change: one of the project's, not rejected. */
function changeableSow(ctx: Context, versionId: string, projectId: string): SowInEffect {
  const { seriesId, projectId: owner } = seriesOf(ctx, versionId, 'sowId');
  if (owner !== projectId) throw invalid('sowId', 'the SOW belongs to another project');
  const inEffect = sowInEffect(ctx, seriesId);
  if (inEffect.sow.status === 'rejected') {
    throw new ApiError({
      code: 'invalid_input',
      field: 'sowId',
      message: `sowId: ${sowNumber(inEffect.sow.number)} was rejected; nothing of it was agreed that a change could change`,
      issues: [{ field: 'sowId', message: `${sowNumber(inEffect.sow.number)} was rejected`, reason: 'sowRejected' }],
    });
  }
  return inEffect;
}

/** Days per role as the SOW prices them: each role's first effort line gives the line and the rate. */
function pricedEffort(inEffect: SowInEffect, effort: readonly { role: string; dayHundredths: number }[]): EffortImpact[] {
  return effort.map((e, i) => {
    const line = inEffect.lines.find((l) => fold(l.role.trim()) === fold(e.role.trim()));
    if (!line) {
      const roles = [...new Set(inEffect.lines.map((l) => l.role.trim()).filter(Boolean))];
      throw invalid(`effort.${i}.role`, `${sowNumber(inEffect.sow.number)} has no effort line for the role "${e.role.trim()}"${roles.length ? `; its roles: ${roles.join(', ')}` : ''}`);
    }
    return { role: line.role, lineId: line.originId, dayHundredths: e.dayHundredths, rateMinor: line.rateMinor };
  });
}

/** Refuses a change to a decided change request: what was decided was decided on what it said then. */
function requireProposed(cr: ChangeRequest, field: string): void {
  if (cr.status === 'proposed') return;
  throw invalid(field, `${changeRequestNumber(cr.number)} was ${cr.status} on ${cr.decidedOn ? formatDay('en', cr.decidedOn) : '?'}; a decided change request stands as it was decided`);
}

export function getChangeRequest(ctx: Context, input: ParsedInput<'changeRequests.get'>): ChangeRequestDetail {
  const cr = loadChangeRequest(ctx, input.id);
  const { sow, lines } = sowInEffect(ctx, cr.sowId);
  const person = cr.requestedById ? ctx.store.orm.select({ id: t.person.id, name: t.person.name, organisation: t.person.organisation }).from(t.person).where(eq(t.person.id, cr.requestedById)).get() : undefined;
  const item = cr.requirementId
    ? ctx.store.orm.select({ id: t.requirement.id, number: t.requirement.number, title: t.requirement.title }).from(t.requirement).where(liveRow(t.requirement, cr.requirementId)).get()
    : undefined;
  const decision = cr.decisionId
    ? ctx.store.orm
        .select({ id: t.agendaDecision.id, text: t.agendaDecision.text, meetingId: t.agendaDecision.meetingId, meetingTitle: t.meeting.title, startsAt: t.meeting.startsAt })
        .from(t.agendaDecision)
        .innerJoin(t.meeting, eq(t.meeting.id, t.agendaDecision.meetingId))
        .where(liveRow(t.agendaDecision, cr.decisionId))
        .get()
    : undefined;
  return {
    changeRequest: cr,
    sow: {
      id: cr.sowId,
      versionId: sow.id,
      number: sow.number,
      title: sow.title,
      version: sow.version,
      status: sow.status,
      currency: sow.currency,
      roles: [...new Set(lines.map((l) => l.role.trim()).filter(Boolean))],
    },
    impact: impactTotals(cr.effort),
    requestedBy: person ?? null,
    requirement: item ?? null,
    decision: decision ? { id: decision.id, text: decision.text, meetingId: decision.meetingId, meetingTitle: decision.meetingTitle, date: decision.startsAt?.slice(0, 10) ?? null } : null,
  };
}

export function listChangeRequests(ctx: Context, input: ParsedInput<'changeRequests.list'>): ChangeRequestSummary[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const where: (SQL | undefined)[] = [eq(t.changeRequest.projectId, input.projectId), live(t.changeRequest)];
  if (input.sowId) where.push(eq(t.changeRequest.sowId, seriesOf(ctx, input.sowId, 'sowId').seriesId));
  if (input.requirementId) where.push(eq(t.changeRequest.requirementId, input.requirementId));
  if (input.decisionId) where.push(eq(t.changeRequest.decisionId, input.decisionId));
  const rows = ctx.store.orm.select(fieldsOf(t.changeRequest)).from(t.changeRequest).where(and(...where)).orderBy(t.changeRequest.number, t.changeRequest.id).all();
  const currencies = new Map<string, ChangeRequestSummary['currency']>();
  return rows.map((cr) => {
    let currency = currencies.get(cr.sowId);
    if (!currency) currencies.set(cr.sowId, (currency = sowInEffect(ctx, cr.sowId).sow.currency));
    const impact = impactTotals(cr.effort);
    return {
      id: cr.id,
      number: cr.number,
      formerNumbers: cr.formerNumbers,
      title: cr.title,
      status: cr.status,
      sowId: cr.sowId,
      dayHundredths: impact.dayHundredths,
      totalMinor: impact.totalMinor,
      currency,
      requirementId: cr.requirementId,
      decisionId: cr.decisionId,
    };
  });
}

/** Where a change request made from a meeting decision or a checklist item takes its words from. */
function sourceText(ctx: Context, input: ParsedInput<'changeRequests.create'>): { title?: string; description?: string } {
  if (input.requirementId) {
    const item = loadRequirement(ctx, input.requirementId, 'requirementId');
    if (item.projectId !== input.projectId) throw invalid('requirementId', 'the checklist item belongs to another project');
    return { title: item.title, description: item.description };
  }
  if (input.decisionId) {
    const decision = ctx.store.orm
      .select({ text: t.agendaDecision.text, projectId: t.meeting.projectId })
      .from(t.agendaDecision)
      .innerJoin(t.meeting, eq(t.meeting.id, t.agendaDecision.meetingId))
      .where(liveRow(t.agendaDecision, input.decisionId))
      .get();
    if (!decision) throw new ApiError({ code: 'not_found', field: 'decisionId', message: `decisionId: no meeting decision with id ${input.decisionId}` });
    if (decision.projectId !== input.projectId) throw invalid('decisionId', 'the decision was made in a meeting of another project');
    // A title is one line: the decision's first, shortened to what a title holds.
    const first = decision.text.trim().split('\n')[0]!;
    return { title: first.length > 300 ? `${first.slice(0, 299)}…` : first, description: decision.text };
  }
  return {};
}

export function createChangeRequest(ctx: Context, input: ParsedInput<'changeRequests.create'>): ChangeRequestDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const inEffect = changeableSow(ctx, input.sowId, input.projectId);
  if (input.requestedById) requireMember(ctx, input.projectId, input.requestedById, 'requestedById');
  const from = sourceText(ctx, input);
  const id = newId();
  ctx.store.apply(
    changesFor('changeRequest', id, {
      projectId: input.projectId,
      number: nextFreeNumber(ctx.store, 'changeRequest', input.projectId),
      title: input.title ?? from.title,
      description: input.description ?? from.description,
      reason: input.reason,
      requestedById: input.requestedById,
      sowId: inEffect.sow.seriesId,
      effort: JSON.stringify(pricedEffort(inEffect, input.effort ?? [])),
      datesImpact: input.datesImpact,
      scopeImpact: input.scopeImpact,
      status: 'proposed',
      requirementId: input.requirementId ?? null,
      decisionId: input.decisionId ?? null,
      createdAt: ctx.now().toISOString(),
    }),
  );
  return getChangeRequest(ctx, { id });
}

export function updateChangeRequest(ctx: Context, input: ParsedInput<'changeRequests.update'>): ChangeRequestDetail {
  const cr = loadChangeRequest(ctx, input.id);
  const { id, effort, ...fields } = input;
  requireProposed(cr, Object.keys(input).find((k) => k !== 'id')!);
  if (fields.requestedById) requireMember(ctx, cr.projectId, fields.requestedById, 'requestedById');
  const priced = effort === undefined ? undefined : JSON.stringify(pricedEffort(changeableSow(ctx, cr.sowId, cr.projectId), effort));
  ctx.store.apply(changesFor('changeRequest', id, { ...fields, effort: priced }));
  return getChangeRequest(ctx, { id });
}

export function decideChangeRequest(ctx: Context, input: ParsedInput<'changeRequests.decide'>): ChangeRequestDetail {
  const cr = loadChangeRequest(ctx, input.id);
  requireProposed(cr, 'status');
  // An approval raises the SOW's budget: there must be an agreed SOW to raise.
  if (input.status === 'approved') changeableSow(ctx, cr.sowId, cr.projectId);
  ctx.store.apply(changesFor('changeRequest', cr.id, { status: input.status, decidedBy: input.name, decidedOn: input.date }));
  return getChangeRequest(ctx, { id: cr.id });
}

export function removeChangeRequest(ctx: Context, input: ParsedInput<'changeRequests.remove'>): { id: string } {
  const cr = loadChangeRequest(ctx, input.id);
  requireProposed(cr, 'id');
  ctx.store.apply(changesFor('changeRequest', cr.id, { deleted: true }));
  return { id: cr.id };
}

// --- The document -------------------------------------------------------------------------------

/** What the change request document is made from: the request with its impact, and its SOW's budget without it. */
export function changeRequestSource(ctx: Context, id: string, projectId: string): Pick<ChangeRequestDocInput, 'detail' | 'budgetWithout'> {
  const cr = loadChangeRequest(ctx, id, 'changeRequestId');
  if (cr.projectId !== projectId) throw invalid('changeRequestId', 'the change request belongs to another project');
  const detail = getChangeRequest(ctx, { id });
  const budget = getBudget(ctx, { projectId }).sows.find((s) => s.sow.id === cr.sowId)!;
  // An approved request is in its SOW's budget already: the document shows the budget without it, then with it.
  const counted = cr.status === 'approved' ? detail.impact : { dayHundredths: 0, totalMinor: 0 };
  return {
    detail,
    budgetWithout: { dayHundredths: budget.plannedDayHundredths - counted.dayHundredths, feesMinor: budget.feesMinor + budget.changeFeesMinor - counted.totalMinor },
  };
}

/** The change request's part of its files' names: "cr-007". */
export function changeRequestFileLabel(ctx: Context, id: string): string {
  return `cr-${String(loadChangeRequest(ctx, id, 'changeRequestId').number).padStart(3, '0')}`;
}
