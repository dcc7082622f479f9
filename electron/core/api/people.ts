import { and, eq } from 'drizzle-orm';
import type { Membership, Person, PersonDetail, PersonProject } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { byName, fieldsOf, live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, isMember, matches, requireRow, type Context } from './context.ts';
import { loadMembership, loadPerson } from './rows.ts';

export function listPeople(ctx: Context, input: ParsedInput<'people.list'>): Person[] {
  const rows = ctx.store.orm.select(fieldsOf(t.person)).from(t.person).where(live(t.person)).orderBy(byName(t.person.name)).all();
  return rows.filter((p) => matches(input.search, p.name, p.organisation, p.email));
}

export function getPerson(ctx: Context, input: ParsedInput<'people.get'>): PersonDetail {
  const person = loadPerson(ctx, input.id);
  const projects: PersonProject[] = ctx.store.orm
    .select({
      membershipId: t.membership.id,
      projectId: t.project.id,
      projectName: t.project.name,
      customerName: t.customer.name,
      role: t.membership.role,
    })
    .from(t.membership)
    .innerJoin(t.project, and(eq(t.project.id, t.membership.projectId), live(t.project)))
    .innerJoin(t.customer, eq(t.customer.id, t.project.customerId))
    .where(and(eq(t.membership.personId, person.id), live(t.membership)))
    .orderBy(byName(t.project.name), t.project.id)
    .all();
  return { person, projects };
}

export function createPerson(ctx: Context, input: ParsedInput<'people.create'>): Person {
  const id = newId();
  ctx.store.apply(
    changesFor('person', id, {
      name: input.name,
      organisation: input.organisation ?? '',
      side: input.side,
      email: input.email ?? '',
      phone: input.phone ?? '',
    }),
  );
  return loadPerson(ctx, id);
}

export function updatePerson(ctx: Context, input: ParsedInput<'people.update'>): Person {
  const { id, ...fields } = input;
  loadPerson(ctx, id);
  ctx.store.apply(changesFor('person', id, fields));
  return loadPerson(ctx, id);
}

export function addMember(ctx: Context, input: ParsedInput<'members.add'>): Membership {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  requireRow(ctx, 'person', input.personId, 'personId');
  if (isMember(ctx, input.projectId, input.personId)) {
    throw new ApiError({ code: 'invalid_input', field: 'personId', message: 'personId: this person is already in the project' });
  }
  const id = newId();
  ctx.store.apply(
    changesFor('membership', id, {
      projectId: input.projectId,
      personId: input.personId,
      role: input.role ?? '',
      responsibilities: input.responsibilities ?? '',
    }),
  );
  return loadMembership(ctx, id);
}

export function updateMember(ctx: Context, input: ParsedInput<'members.update'>): Membership {
  const { id, ...fields } = input;
  loadMembership(ctx, id);
  ctx.store.apply(changesFor('membership', id, fields));
  return loadMembership(ctx, id);
}

export function removeMember(ctx: Context, input: ParsedInput<'members.remove'>): { id: string } {
  loadMembership(ctx, input.id);
  ctx.store.apply(changesFor('membership', input.id, { deleted: true }));
  return { id: input.id };
}
