import { and, count, eq, sql } from 'drizzle-orm';
import { DEFAULT_PRODUCT, PHASES, type PhaseProgress, type Project, type ProjectDetail, type ProjectListItem } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { DEFAULT_PROCESS_TEMPLATE, findTemplateActivity, flattenTemplate, templateRef } from '../../../shared/process-template.ts';
import { byName, fieldsOf, live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { DEFAULT_PACK_ID } from '../../../shared/workshops/types.ts';
import type { FieldChange } from '../write-path.ts';
import { changesFor, matches, requireRow, type Context } from './context.ts';
import { loadCustomer, loadProject } from './rows.ts';

export function listProjects(ctx: Context, input: ParsedInput<'projects.list'>): ProjectListItem[] {
  // One grouped pass over the activity index instead of a count per project.
  const progress = ctx.store.orm
    .select({
      projectId: t.activity.projectId,
      total: count().as('total'),
      settled: sql<number>`sum(${t.activity.status} IN ('done', 'not_needed'))`.as('settled'),
    })
    .from(t.activity)
    .where(live(t.activity))
    .groupBy(t.activity.projectId)
    .as('a');
  const rows = ctx.store.orm
    .select({
      id: t.project.id,
      name: t.project.name,
      customerId: t.project.customerId,
      customerName: t.customer.name,
      phase: t.project.phase,
      status: t.project.status,
      targetDate: t.project.targetDate,
      gateDecision: t.project.gateDecision,
      total: progress.total,
      settled: progress.settled,
    })
    .from(t.project)
    .innerJoin(t.customer, eq(t.customer.id, t.project.customerId))
    .leftJoin(progress, eq(progress.projectId, t.project.id))
    .where(
      and(
        live(t.project),
        input.phase ? eq(t.project.phase, input.phase) : undefined,
        input.status ? eq(t.project.status, input.status) : undefined,
        input.customerId ? eq(t.project.customerId, input.customerId) : undefined,
      ),
    )
    .orderBy(byName(t.project.name), t.project.id)
    .all();
  return rows
    .filter((r) => matches(input.search, r.name, r.customerName))
    .map(({ total, settled, ...r }) => ({ ...r, activitiesTotal: total ?? 0, activitiesSettled: settled ?? 0 }));
}

export function getProject(ctx: Context, input: ParsedInput<'projects.get'>): ProjectDetail {
  const project = loadProject(ctx, input.id);
  const activities = ctx.store.orm
    .select(fieldsOf(t.activity))
    .from(t.activity)
    .where(and(eq(t.activity.projectId, project.id), live(t.activity)))
    .orderBy(t.activity.position, t.activity.id)
    .all();
  const members = ctx.store.orm
    .select({ membership: fieldsOf(t.membership), person: fieldsOf(t.person) })
    .from(t.membership)
    .innerJoin(t.person, eq(t.person.id, t.membership.personId))
    .where(and(eq(t.membership.projectId, project.id), live(t.membership), live(t.person)))
    .orderBy(t.person.side, byName(t.person.name))
    .all()
    .map((r) => ({ ...r.membership, person: r.person }));
  const progress: PhaseProgress[] = PHASES.map((phase) => {
    const inPhase = activities.filter((a) => a.phase === phase);
    return {
      phase,
      total: inPhase.length,
      done: inPhase.filter((a) => a.status === 'done').length,
      inProgress: inPhase.filter((a) => a.status === 'in_progress').length,
      notNeeded: inPhase.filter((a) => a.status === 'not_needed').length,
    };
  });
  return { project, customer: loadCustomer(ctx, project.customerId), activities, members, progress };
}

/** Field changes that make a new project with the template's activity checklist. */
export function newProjectChanges(ctx: Context, id: string, input: ParsedInput<'projects.create'>): FieldChange[] {
  const template = DEFAULT_PROCESS_TEMPLATE;
  const changes = changesFor('project', id, {
    customerId: input.customerId,
    name: input.name,
    product: input.product ?? DEFAULT_PRODUCT,
    productVersion: input.productVersion ?? '',
    description: input.description ?? '',
    startDate: input.startDate ?? null,
    targetDate: input.targetDate ?? null,
    mailboxes: input.mailboxes ?? null,
    concurrentSessions: input.concurrentSessions ?? null,
    status: 'active',
    phase: 'initialization',
    processTemplate: templateRef(template),
    packId: DEFAULT_PACK_ID,
    gateDecision: 'pending',
    createdAt: ctx.now().toISOString(),
  });
  for (const a of flattenTemplate(template)) {
    changes.push(
      ...changesFor('activity', newId(), {
        projectId: id,
        phase: a.phase,
        templateKey: a.key,
        parentKey: a.parentKey,
        // Kept as a fallback should the template ever lose this key; the UI shows the
        // template's title in the current language.
        title: findTemplateActivity(template, a.key)?.title.en ?? a.key,
        position: a.position,
        status: 'open',
      }),
    );
  }
  return changes;
}

export function createProject(ctx: Context, input: ParsedInput<'projects.create'>): ProjectDetail {
  requireRow(ctx, 'customer', input.customerId, 'customerId');
  const id = newId();
  ctx.store.apply(newProjectChanges(ctx, id, input));
  return getProject(ctx, { id });
}

export function updateProject(ctx: Context, input: ParsedInput<'projects.update'>): Project {
  const { id, ...fields } = input;
  loadProject(ctx, id);
  ctx.store.apply(changesFor('project', id, fields));
  return loadProject(ctx, id);
}

export function setPhase(ctx: Context, input: ParsedInput<'projects.setPhase'>): Project {
  const project = loadProject(ctx, input.id);
  const leavesInitialization = project.phase === 'initialization' && input.phase !== 'initialization';
  if (leavesInitialization && project.gate.decision !== 'go' && !input.confirmWithoutGo) {
    throw new ApiError({
      code: 'gate_not_go',
      field: 'phase',
      message: 'phase: no Go decision is recorded for this project; confirm to move on without one',
    });
  }
  ctx.store.apply(changesFor('project', input.id, { phase: input.phase }));
  return loadProject(ctx, input.id);
}

export function recordGate(ctx: Context, input: ParsedInput<'projects.recordGate'>): Project {
  loadProject(ctx, input.id);
  ctx.store.apply(
    changesFor('project', input.id, {
      gateDecision: input.decision,
      gateDate: input.date,
      gateDecidedBy: input.decidedBy,
      gateRationale: input.rationale,
      gateConditions: input.conditions,
    }),
  );
  return loadProject(ctx, input.id);
}

export function updateStatusNotes(ctx: Context, input: ParsedInput<'projects.updateStatusNotes'>): Project {
  loadProject(ctx, input.id);
  ctx.store.apply(
    changesFor('project', input.id, {
      statusSummary: input.summary,
      statusRisks: input.risks,
      // The computed light stands again when the consultant's is taken back.
      statusLight: input.light === undefined ? undefined : (input.light ?? ''),
      statusLightReason: input.lightReason,
    }),
  );
  return loadProject(ctx, input.id);
}
