import { ApiError } from '../../../shared/errors.ts';
import { ENTITIES, type EntityName, type FieldValue } from '../db/entities.ts';
import type { Pack } from '../../../shared/workshops/pack.ts';
import type { Store } from '../store.ts';
import type { FieldChange } from '../write-path.ts';

/** What every API handler gets: the opened store and facts about the running app. */
export interface Context {
  store: Store;
  appVersion: string;
  /** Template packs shipped with the app. */
  bundledPacks: readonly Pack[];
  /** The app's resources folder: bundled fonts for documents. */
  resourcesDir: string;
  now: () => Date;
}

/** Field changes for one row from a record of values; undefined means "leave as it is". */
export function changesFor(entity: EntityName, id: string, values: Record<string, FieldValue | undefined>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) changes.push({ entity, id, field, value });
  }
  return changes;
}

/** Fails with not_found, naming the input field, unless a live row with that id exists. */
export function requireRow(ctx: Context, entity: EntityName, id: string, field: string): void {
  const row = ctx.store.db.prepare(`SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ? AND deleted = 0`).get(id);
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no ${entity} with id ${id}` });
}

/** Fails unless the person is on the project (a responsible, an attendee, a chair). */
export function requireMember(ctx: Context, projectId: string, personId: string, field: string): void {
  const row = ctx.store.db.prepare('SELECT 1 FROM membership WHERE project_id = ? AND person_id = ? AND deleted = 0').get(projectId, personId);
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: ${personId} is not one of the project's people` });
}

/** Case- and accent-insensitive text match, so "muller" finds "Müller". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

export function matches(search: string | undefined, ...texts: string[]): boolean {
  if (!search || !search.trim()) return true;
  const needle = fold(search.trim());
  return texts.some((t) => fold(t).includes(needle));
}
