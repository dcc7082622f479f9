// Every change of one row, oldest first, with the device that made it: what an item's history
// (a checklist item's, a credential's) is written from. Found by the change log's index on entity and row.
import { and, eq } from 'drizzle-orm';
import type { EntityName } from '../db/entities.ts';
import * as t from '../db/tables/index.ts';
import type { Context } from './context.ts';

export function rowChanges(ctx: Context, entity: EntityName, id: string) {
  return ctx.store.orm
    .select({
      stamp: t.changeLog.stamp,
      deviceId: t.changeLog.deviceId,
      field: t.changeLog.field,
      value: t.changeLog.value,
      device: { userName: t.device.userName, hostName: t.device.hostName, personName: t.device.personName },
    })
    .from(t.changeLog)
    .leftJoin(t.device, eq(t.device.id, t.changeLog.deviceId))
    .where(and(eq(t.changeLog.entity, entity), eq(t.changeLog.rowId, id)))
    .orderBy(t.changeLog.stamp)
    .all();
}
