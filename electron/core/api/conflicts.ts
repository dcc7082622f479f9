// The conflicts list: fields two people changed while apart, with both values, who set each, on
// which machine and when. The write path works the conflicts out from the change log as changes
// arrive (sync_conflict); a person's answer is an entity of its own (conflict_resolution), so it
// syncs and the conflict leaves the list on every device.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { formatNumber } from '../../../shared/checklist/types.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { ConflictValue, SyncConflict } from '../../../shared/sync.ts';
import { entityDef, type EntityName } from '../db/entities.ts';
import * as t from '../db/tables/index.ts';
import { deviceLabel } from '../device.ts';
import { parseStamp } from '../hlc.ts';
import { changesFor, type Context } from './context.ts';

/** Fields a row is known by, in this order: whatever an entity calls its name. */
const NAME_FIELDS = ['name', 'title', 'consultancyName'];

/**
 * What people call a conflict's row, and the project it belongs to. Read from the change log (the
 * field's latest change is its value), so a row of any entity, even one removed since, has one.
 */
function rowOf(ctx: Context, entity: string, rowId: string): SyncConflict['row'] {
  const latest = (e: string, id: string, field: string): unknown =>
    ctx.store.orm
      .select({ value: t.changeLog.value })
      .from(t.changeLog)
      .where(and(eq(t.changeLog.entity, e), eq(t.changeLog.rowId, id), eq(t.changeLog.field, field)))
      .orderBy(desc(t.changeLog.stamp))
      .limit(1)
      .get()?.value;
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  let label = NAME_FIELDS.map((field) => text(latest(entity, rowId, field))).find((name) => name !== null) ?? null;
  const number = entity === 'requirement' ? latest(entity, rowId, 'number') : undefined;
  if (typeof number === 'number') label = [formatNumber(number), label].filter(Boolean).join(' ');
  const projectId = text(latest(entity, rowId, 'projectId'));
  return { label, project: projectId ? text(latest('project', projectId, 'name')) : null };
}

/** Fields that hold a secret (its ciphertext): the list says two values differ, never what they are. */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['credential/secret']);
const MASKED = '••••••';

/** The conflicts no one has answered yet, newest first, secrets masked. */
export function listConflicts(ctx: Context): SyncConflict[] {
  const mask = (value: ConflictValue): ConflictValue => ({ ...value, value: MASKED });
  return openConflicts(ctx).map((c) => (SECRET_FIELDS.has(`${c.entity}/${c.field}`) ? { ...c, current: mask(c.current), other: mask(c.other) } : c));
}

/** The conflicts no one has answered yet, newest first, with the values as stored. */
function openConflicts(ctx: Context): SyncConflict[] {
  const open = ctx.store.orm
    .select({ stamp: t.syncConflict.stamp, entity: t.syncConflict.entity, rowId: t.syncConflict.rowId, field: t.syncConflict.field, winner: t.syncConflict.winner })
    .from(t.syncConflict)
    .leftJoin(t.conflictResolution, and(eq(t.conflictResolution.id, t.syncConflict.stamp), eq(t.conflictResolution.deleted, false)))
    .where(isNull(t.conflictResolution.id))
    .all();
  if (open.length === 0) return [];
  const stamps = open.flatMap((c) => [c.stamp, c.winner]);
  const changes = new Map(
    ctx.store.orm
      .select({ stamp: t.changeLog.stamp, deviceId: t.changeLog.deviceId, value: t.changeLog.value })
      .from(t.changeLog)
      .where(inArray(t.changeLog.stamp, stamps))
      .all()
      .map((c) => [c.stamp, c]),
  );
  const devices = new Map(ctx.store.orm.select().from(t.device).all().map((d) => [d.id, d]));
  const valueOf = (stamp: string): ConflictValue => {
    const change = changes.get(stamp)!;
    return { value: change.value, stamp, at: new Date(parseStamp(stamp).ms).toISOString(), deviceId: change.deviceId, by: deviceLabel(devices.get(change.deviceId), change.deviceId) };
  };
  return open
    .map((c) => ({ entity: c.entity, rowId: c.rowId, row: rowOf(ctx, c.entity, c.rowId), field: c.field, current: valueOf(c.winner), other: valueOf(c.stamp) }))
    .sort((a, b) => b.other.stamp.localeCompare(a.other.stamp));
}

/**
 * Answers a conflict: keeping the other value writes it to the field (a change made knowing both,
 * which settles the field everywhere); either way the answer is recorded and syncs.
 */
export function resolveConflict(ctx: Context, input: ParsedInput<'conflicts.resolve'>): SyncConflict[] {
  const conflict = openConflicts(ctx).find((c) => c.other.stamp === input.stamp);
  if (!conflict) throw new ApiError({ code: 'not_found', field: 'stamp', message: `stamp: no open conflict ${input.stamp}` });
  if (input.keep === 'other' && entityDef(conflict.entity)) {
    ctx.store.apply([{ entity: conflict.entity as EntityName, id: conflict.rowId, field: conflict.field, value: conflict.other.value }]);
  }
  ctx.store.apply(changesFor('conflictResolution', input.stamp, { kept: input.keep }));
  return listConflicts(ctx);
}
