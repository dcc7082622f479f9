// Reading rows back into domain objects. Reads go straight to the tables; only writes are
// restricted to the write path.
import type {
  Activity,
  ActivityStatus,
  Customer,
  GateDecision,
  Membership,
  Person,
  Phase,
  Project,
  TrafficLight,
  ProjectStatus,
  Side,
} from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { Context } from './context.ts';

interface CustomerRow {
  id: string;
  name: string;
  address: string;
  notes: string;
  logo: string | null;
  archived: number;
  created_at: string;
}

export function toCustomer(r: CustomerRow): Customer {
  return { id: r.id, name: r.name, address: r.address, notes: r.notes, logo: r.logo, archived: r.archived === 1, createdAt: r.created_at };
}

interface ProjectRow {
  id: string;
  customer_id: string;
  name: string;
  product: string;
  product_version: string;
  description: string;
  start_date: string | null;
  target_date: string | null;
  mailboxes: number | null;
  concurrent_sessions: number | null;
  status: string;
  phase: string;
  process_template: string;
  pack_id: string;
  gate_decision: string;
  gate_date: string | null;
  gate_decided_by: string;
  gate_rationale: string;
  gate_conditions: string;
  status_summary: string;
  status_risks: string;
  status_light: string;
  status_light_reason: string;
  created_at: string;
}

export function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    product: r.product,
    productVersion: r.product_version,
    description: r.description,
    startDate: r.start_date,
    targetDate: r.target_date,
    mailboxes: r.mailboxes,
    concurrentSessions: r.concurrent_sessions,
    status: r.status as ProjectStatus,
    phase: r.phase as Phase,
    processTemplate: r.process_template,
    packId: r.pack_id,
    gate: {
      decision: r.gate_decision as GateDecision,
      date: r.gate_date,
      decidedBy: r.gate_decided_by,
      rationale: r.gate_rationale,
      conditions: r.gate_conditions,
    },
    statusNotes: {
      summary: r.status_summary,
      risks: r.status_risks,
      light: r.status_light === '' ? null : (r.status_light as TrafficLight),
      lightReason: r.status_light_reason,
    },
    createdAt: r.created_at,
  };
}

interface ActivityRow {
  id: string;
  project_id: string;
  phase: string;
  template_key: string | null;
  parent_key: string | null;
  title: string;
  position: number;
  status: string;
  date: string | null;
  note: string;
}

export function toActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    projectId: r.project_id,
    phase: r.phase as Phase,
    templateKey: r.template_key,
    parentKey: r.parent_key,
    title: r.title,
    position: r.position,
    status: r.status as ActivityStatus,
    date: r.date,
    note: r.note,
  };
}

interface PersonRow {
  id: string;
  name: string;
  organisation: string;
  side: string;
  email: string;
  phone: string;
}

export function toPerson(r: PersonRow): Person {
  return { id: r.id, name: r.name, organisation: r.organisation, side: r.side as Side, email: r.email, phone: r.phone };
}

interface MembershipRow {
  id: string;
  project_id: string;
  person_id: string;
  role: string;
  responsibilities: string;
}

export function toMembership(r: MembershipRow): Membership {
  return { id: r.id, projectId: r.project_id, personId: r.person_id, role: r.role, responsibilities: r.responsibilities };
}

function one<Row, T>(ctx: Context, table: string, id: string, map: (r: Row) => T): T {
  const row = ctx.store.db.prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as Row | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field: 'id', message: `id: no ${table} with id ${id}` });
  return map(row);
}

export const loadCustomer = (ctx: Context, id: string): Customer => one(ctx, 'customer', id, toCustomer);
export const loadProject = (ctx: Context, id: string): Project => one(ctx, 'project', id, toProject);
export const loadActivity = (ctx: Context, id: string): Activity => one(ctx, 'activity', id, toActivity);
export const loadPerson = (ctx: Context, id: string): Person => one(ctx, 'person', id, toPerson);
export const loadMembership = (ctx: Context, id: string): Membership => one(ctx, 'membership', id, toMembership);
