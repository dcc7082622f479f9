import { DEFAULT_PRODUCT, PHASES, type PhaseProgress, type Project, type ProjectDetail, type ProjectListItem } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { DEFAULT_PROCESS_TEMPLATE, findTemplateActivity, flattenTemplate, templateRef } from '../../../shared/process-template.ts';
import { newId } from '../ids.ts';
import { DEFAULT_PACK_ID } from '../../../shared/workshops/types.ts';
import type { FieldChange } from '../write-path.ts';
import { changesFor, matches, requireRow, type Context } from './context.ts';
import { loadCustomer, loadProject, toActivity, toMembership, toPerson } from './rows.ts';

interface ListRow {
  id: string;
  name: string;
  customer_id: string;
  customer_name: string;
  phase: string;
  status: string;
  target_date: string | null;
  gate_decision: string;
  total: number | null;
  settled: number | null;
}

export function listProjects(ctx: Context, input: ParsedInput<'projects.list'>): ProjectListItem[] {
  const where = ['p.deleted = 0'];
  const params: string[] = [];
  if (input.phase) (where.push('p.phase = ?'), params.push(input.phase));
  if (input.status) (where.push('p.status = ?'), params.push(input.status));
  if (input.customerId) (where.push('p.customer_id = ?'), params.push(input.customerId));
  // One grouped pass over the activity index instead of a count per project.
  const rows = ctx.store.db
    .prepare(
      `SELECT p.id, p.name, p.customer_id, c.name AS customer_name, p.phase, p.status, p.target_date, p.gate_decision,
              a.total, a.settled
         FROM project p
         JOIN customer c ON c.id = p.customer_id
         LEFT JOIN (SELECT project_id, count(*) AS total, sum(status IN ('done', 'not_needed')) AS settled
                      FROM activity WHERE deleted = 0 GROUP BY project_id) a ON a.project_id = p.id
        WHERE ${where.join(' AND ')}
        ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(...params) as ListRow[];
  return rows
    .filter((r) => matches(input.search, r.name, r.customer_name))
    .map((r) => ({
      id: r.id,
      name: r.name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      phase: r.phase as ProjectListItem['phase'],
      status: r.status as ProjectListItem['status'],
      targetDate: r.target_date,
      gateDecision: r.gate_decision as ProjectListItem['gateDecision'],
      activitiesTotal: r.total ?? 0,
      activitiesSettled: r.settled ?? 0,
    }));
}

export function getProject(ctx: Context, input: ParsedInput<'projects.get'>): ProjectDetail {
  const project = loadProject(ctx, input.id);
  const db = ctx.store.db;
  const activities = (
    db.prepare('SELECT * FROM activity WHERE project_id = ? AND deleted = 0 ORDER BY position, id').all(project.id) as Parameters<
      typeof toActivity
    >[0][]
  ).map(toActivity);
  const memberRows = db
    .prepare(
      `SELECT m.*, pe.name AS person_name, pe.organisation, pe.side, pe.email, pe.phone
         FROM membership m JOIN person pe ON pe.id = m.person_id
        WHERE m.project_id = ? AND m.deleted = 0 AND pe.deleted = 0
        ORDER BY pe.side, pe.name COLLATE NOCASE`,
    )
    .all(project.id) as (Parameters<typeof toMembership>[0] & {
    person_name: string;
    organisation: string;
    side: string;
    email: string;
    phone: string;
  })[];
  const members = memberRows.map((r) => ({
    ...toMembership(r),
    person: toPerson({ id: r.person_id, name: r.person_name, organisation: r.organisation, side: r.side, email: r.email, phone: r.phone }),
  }));
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
