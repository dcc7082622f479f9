// Reading rows back into domain objects. Reads go straight to the tables (db/read.ts); only
// writes are restricted to the write path.
import type { Activity, Customer, Membership, Person, Project } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import { fieldsOf, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import type { Context } from './context.ts';

/** The row, or not_found naming the input field it was looked up by. */
export function found<T>(row: T | undefined, field: string, what: string, id: string): T {
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no ${what} with id ${id}` });
  return row;
}

/** A project row as the domain shapes it: the gate and the status notes are records of their own. */
function toProject(r: typeof t.project.$inferSelect): Project {
  return {
    id: r.id,
    customerId: r.customerId,
    name: r.name,
    product: r.product,
    productVersion: r.productVersion,
    description: r.description,
    startDate: r.startDate,
    targetDate: r.targetDate,
    mailboxes: r.mailboxes,
    concurrentSessions: r.concurrentSessions,
    status: r.status,
    phase: r.phase,
    processTemplate: r.processTemplate,
    packId: r.packId,
    gate: { decision: r.gateDecision, date: r.gateDate, decidedBy: r.gateDecidedBy, rationale: r.gateRationale, conditions: r.gateConditions },
    statusNotes: { summary: r.statusSummary, risks: r.statusRisks, light: r.statusLight === '' ? null : r.statusLight, lightReason: r.statusLightReason },
    createdAt: r.createdAt,
    closed: r.status === 'closed' ? { on: r.closedOn, by: r.closedBy } : null,
  };
}

export function loadCustomer(ctx: Context, id: string): Customer {
  return found(ctx.store.orm.select(fieldsOf(t.customer)).from(t.customer).where(liveRow(t.customer, id)).get(), 'id', 'customer', id);
}

export function loadProject(ctx: Context, id: string): Project {
  return toProject(found(ctx.store.orm.select().from(t.project).where(liveRow(t.project, id)).get(), 'id', 'project', id));
}

export function loadActivity(ctx: Context, id: string): Activity {
  return found(ctx.store.orm.select(fieldsOf(t.activity)).from(t.activity).where(liveRow(t.activity, id)).get(), 'id', 'activity', id);
}

export function loadPerson(ctx: Context, id: string): Person {
  return found(ctx.store.orm.select(fieldsOf(t.person)).from(t.person).where(liveRow(t.person, id)).get(), 'id', 'person', id);
}

export function loadMembership(ctx: Context, id: string): Membership {
  return found(ctx.store.orm.select(fieldsOf(t.membership)).from(t.membership).where(liveRow(t.membership, id)).get(), 'id', 'membership', id);
}
