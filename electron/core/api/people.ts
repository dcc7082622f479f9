import type { Membership, Person, PersonDetail, PersonProject } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { newId } from '../ids.ts';
import { changesFor, matches, requireRow, type Context } from './context.ts';
import { loadMembership, loadPerson, toPerson } from './rows.ts';

export function listPeople(ctx: Context, input: ParsedInput<'people.list'>): Person[] {
  const rows = ctx.store.db.prepare('SELECT * FROM person WHERE deleted = 0 ORDER BY name COLLATE NOCASE').all() as Parameters<
    typeof toPerson
  >[0][];
  return rows.map(toPerson).filter((p) => matches(input.search, p.name, p.organisation, p.email));
}

export function getPerson(ctx: Context, input: ParsedInput<'people.get'>): PersonDetail {
  const person = loadPerson(ctx, input.id);
  const projects = ctx.store.db
    .prepare(
      `SELECT m.id AS membershipId, p.id AS projectId, p.name AS projectName, c.name AS customerName, m.role
         FROM membership m
         JOIN project p ON p.id = m.project_id AND p.deleted = 0
         JOIN customer c ON c.id = p.customer_id
        WHERE m.person_id = ? AND m.deleted = 0
        ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(person.id) as PersonProject[];
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
  const existing = ctx.store.db
    .prepare('SELECT 1 FROM membership WHERE project_id = ? AND person_id = ? AND deleted = 0')
    .get(input.projectId, input.personId);
  if (existing) {
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
