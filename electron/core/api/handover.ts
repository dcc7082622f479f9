// The handover to support: one row per project (its id the project's, so two devices filling it in
// apart edit the same row) and the escalation path made of the project's people.
import { and, asc, count, eq, notInArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { SIDES } from '../../../shared/domain.ts';
import { CLOSED_STATUSES } from '../../../shared/checklist/types.ts';
import type { DocumentContext } from '../../../shared/documents/frame.ts';
import type { HandoverDocInput } from '../../../shared/documents/handover.ts';
import { credentialsForDocument } from './credentials.ts';
import { readInventory } from './systems.ts';
import type { Handover, HandoverContactDetail, HandoverDetail, HandoverPart } from '../../../shared/handover/types.ts';
import { byName, fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, requireMember, requireRow, type Context } from './context.ts';

function handoverOf(ctx: Context, projectId: string): Handover {
  const row = ctx.store.orm.select(fieldsOf(t.handover)).from(t.handover).where(liveRow(t.handover, projectId)).get();
  if (!row) {
    return { projectId, knownLimitations: '', ticketTestBy: '', ticketTestOn: null, ticketNumber: '', ticketResult: null, ticketNotes: '', acceptanceStatement: '', acceptedOn: null, acceptedBy: '' };
  }
  const { id: _id, ticketResult, ...fields } = row;
  return { ...fields, projectId, ticketResult: ticketResult === '' ? null : ticketResult };
}

function contactsOf(ctx: Context, projectId: string): HandoverContactDetail[] {
  return ctx.store.orm
    .select({ contact: fieldsOf(t.handoverContact), person: fieldsOf(t.person) })
    .from(t.handoverContact)
    .innerJoin(t.person, and(eq(t.person.id, t.handoverContact.personId), live(t.person)))
    .where(and(eq(t.handoverContact.projectId, projectId), live(t.handoverContact)))
    .orderBy(asc(t.handoverContact.level), byName(t.person.name), t.handoverContact.id)
    .all()
    .map((r) => ({ ...r.contact, person: r.person }))
    .sort((a, b) => SIDES.indexOf(a.person.side) - SIDES.indexOf(b.person.side));
}

/**
 * What the handover still lacks: installed systems, someone in charge (one of them the customer's),
 * a passed ticket test with its date, the acceptance with its date and who gave it. Each part is
 * saved as typed, in any order (a date before the name); it counts once whole.
 */
function missingParts(handover: Handover, contacts: readonly HandoverContactDetail[], hosts: number): HandoverPart[] {
  const missing: HandoverPart[] = [];
  if (hosts === 0) missing.push('systems');
  if (contacts.length === 0) missing.push('contacts');
  else if (!contacts.some((c) => c.person.side === 'customer')) missing.push('customerContact');
  if (handover.ticketResult !== 'passed' || handover.ticketTestOn === null) missing.push('ticketTest');
  if (handover.acceptedOn === null || handover.acceptedBy.trim() === '') missing.push('acceptance');
  return missing;
}

export function handoverDetail(ctx: Context, projectId: string): HandoverDetail {
  const handover = handoverOf(ctx, projectId);
  const contacts = contactsOf(ctx, projectId);
  // Asked after every keystroke saved on the handover screen: a count, not the whole inventory.
  const hosts =
    ctx.store.orm
      .select({ hosts: count() })
      .from(t.systemHost)
      .innerJoin(t.systemEnvironment, and(eq(t.systemEnvironment.id, t.systemHost.environmentId), live(t.systemEnvironment)))
      .where(and(eq(t.systemHost.projectId, projectId), live(t.systemHost)))
      .get()?.hosts ?? 0;
  return { handover, contacts, missing: missingParts(handover, contacts, hosts) };
}

export function getHandover(ctx: Context, input: ParsedInput<'handover.get'>): HandoverDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return handoverDetail(ctx, input.projectId);
}

export function updateHandover(ctx: Context, input: ParsedInput<'handover.update'>): HandoverDetail {
  const { projectId, ticketResult, ...fields } = input;
  requireRow(ctx, 'project', projectId, 'projectId');
  ctx.store.apply(changesFor('handover', projectId, { projectId, ...fields, ticketResult: ticketResult === undefined ? undefined : (ticketResult ?? '') }));
  return handoverDetail(ctx, projectId);
}

export function addHandoverContact(ctx: Context, input: ParsedInput<'handover.addContact'>): HandoverDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  requireMember(ctx, input.projectId, input.personId, 'personId');
  ctx.store.apply(
    changesFor('handoverContact', newId(), {
      projectId: input.projectId,
      personId: input.personId,
      level: input.level ?? 1,
      responsibility: input.responsibility ?? '',
      reach: input.reach ?? '',
    }),
  );
  return handoverDetail(ctx, input.projectId);
}

function loadContact(ctx: Context, id: string): { projectId: string } {
  const row = ctx.store.orm.select({ projectId: t.handoverContact.projectId }).from(t.handoverContact).where(liveRow(t.handoverContact, id)).get();
  if (!row) throw new ApiError({ code: 'not_found', field: 'id', message: `id: no handover contact with id ${id}` });
  return row;
}

export function updateHandoverContact(ctx: Context, input: ParsedInput<'handover.updateContact'>): HandoverDetail {
  const { id, ...fields } = input;
  const { projectId } = loadContact(ctx, id);
  ctx.store.apply(changesFor('handoverContact', id, fields));
  return handoverDetail(ctx, projectId);
}

export function removeHandoverContact(ctx: Context, input: ParsedInput<'handover.removeContact'>): HandoverDetail {
  const { projectId } = loadContact(ctx, input.id);
  ctx.store.apply(changesFor('handoverContact', input.id, { deleted: true }));
  return handoverDetail(ctx, projectId);
}

/** What the handover protocol is made from, beside what every document has. */
export function handoverSource(ctx: Context, projectId: string, includeCredentials: boolean): Omit<HandoverDocInput, keyof DocumentContext | 'project' | 'customer' | 'members'> {
  const names = new Map(ctx.store.orm.select({ id: t.person.id, name: t.person.name }).from(t.person).all().map((p) => [p.id, p.name]));
  const openItems = ctx.store.orm
    .select(fieldsOf(t.requirement))
    .from(t.requirement)
    .where(and(eq(t.requirement.projectId, projectId), live(t.requirement), notInArray(t.requirement.status, [...CLOSED_STATUSES])))
    .orderBy(t.requirement.number)
    .all()
    .map((r) => ({ number: r.number, title: r.title, status: r.status, responsible: (r.responsibleId && names.get(r.responsibleId)) || '', dueDate: r.dueDate }));
  return {
    detail: handoverDetail(ctx, projectId),
    inventory: readInventory(ctx, projectId),
    openItems,
    accounts: credentialsForDocument(ctx, projectId, { secrets: includeCredentials }),
    includeCredentials,
  };
}
