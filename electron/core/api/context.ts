import { and, eq } from 'drizzle-orm';
import { ApiError } from '../../../shared/errors.ts';
import { ENTITIES, type EntityName, type FieldName, type FieldValue } from '../db/entities.ts';
import { live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import type { Pack } from '../../../shared/workshops/pack.ts';
import type { RenderDocument } from '../documents/render.ts';
import type { CredentialKey } from '../secrets/credential-key.ts';
import type { Store } from '../store.ts';
import type { FieldChange } from '../write-path.ts';

/** What every API handler gets: the opened store and facts about the running app. */
export interface Context {
  store: Store;
  appVersion: string;
  /** Template packs shipped with the app. */
  bundledPacks: readonly Pack[];
  /** Turns a document's data into a file (with the bundled fonts), on this thread or another. */
  render: RenderDocument;
  /** The key credentials' secrets are encrypted with; never stored in the database. */
  credentialKey: CredentialKey;
  now: () => Date;
}

/** Field changes for one row from a record of the entity's declared fields; undefined means "leave as it is". */
export function changesFor<E extends EntityName>(entity: E, id: string, values: { [F in FieldName<E>]?: FieldValue }): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries<FieldValue | undefined>(values)) {
    if (value !== undefined) changes.push({ entity, id, field, value });
  }
  return changes;
}

/** Fails with not_found, naming the input field, unless a live row with that id exists. */
export function requireRow(ctx: Context, entity: EntityName, id: string, field: string): void {
  const table = ENTITIES[entity];
  const row = ctx.store.orm.select({ id: table.id }).from(table).where(liveRow(table, id)).get();
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no ${entity} with id ${id}` });
}

/** Whether the person is on the project. */
export function isMember(ctx: Context, projectId: string, personId: string): boolean {
  const row = ctx.store.orm
    .select({ id: t.membership.id })
    .from(t.membership)
    .where(and(eq(t.membership.projectId, projectId), eq(t.membership.personId, personId), live(t.membership)))
    .get();
  return row !== undefined;
}

/** Fails unless the person is on the project (a responsible, an attendee, a chair). */
export function requireMember(ctx: Context, projectId: string, personId: string, field: string): void {
  if (!isMember(ctx, projectId, personId)) {
    throw new ApiError({ code: 'not_found', field, message: `${field}: ${personId} is not one of the project's people` });
  }
}

/** Case- and accent-insensitive text match, so "muller" finds "Müller". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

export function matches(search: string | undefined, ...texts: string[]): boolean {
  if (!search || !search.trim()) return true;
  const needle = fold(search.trim());
  return texts.some((text) => fold(text).includes(needle));
}
