// A closed project is read-only until it is reopened. The write path asks here before a batch of
// local changes goes in, so no API method can change a closed project's rows, whichever it is and
// whoever adds it next: each entity declares how its rows reach their project (PROJECT_SCOPE).
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/errors.ts';
import { entityDef, type EntityName, type FieldValue } from './db/entities.ts';
import { PROJECT_SCOPE } from './db/project-scope.ts';
import type { FieldChange } from './write-path.ts';

/** Only closing and reopening write this field: a batch setting it is the one way past the lock. */
const CLOSED_ON = 'closedOn';

export class ClosedProjects {
  private readonly db: Database.Database;
  private readonly reads = new Map<string, Database.Statement<[string], { value: FieldValue } | undefined>>();

  constructor(db: Database.Database) {
    this.db = db;
  }

  /**
   * Refuses the batch when it changes a row of a project that is closed, unless the same batch
   * closes or reopens that project. Rows of no project, and records of reading
   * one (an export made), always pass.
   */
  refuse(changes: readonly FieldChange[]): void {
    const batch = new Map<string, Map<string, FieldValue>>();
    for (const c of changes) {
      const key = `${c.entity}\u0000${c.id}`;
      let fields = batch.get(key);
      if (!fields) batch.set(key, (fields = new Map<string, FieldValue>()));
      fields.set(c.field, c.value);
    }
    const valueOf = (entity: EntityName, id: string, field: string): FieldValue | undefined => {
      const inBatch = batch.get(`${entity}\u0000${id}`);
      if (inBatch?.has(field)) return inBatch.get(field);
      return this.stored(entity, id, field);
    };
    const projectOf = (entity: EntityName, id: string, depth: number): string | null => {
      const scope = PROJECT_SCOPE[entity];
      switch (scope.kind) {
        case 'none':
        case 'record':
          return null;
        case 'self':
          return id;
        case 'field': {
          const value = valueOf(entity, id, scope.field);
          return typeof value === 'string' && value !== '' ? value : null;
        }
        case 'parent': {
          const parentId = valueOf(entity, id, scope.field);
          // A chain longer than the declarations could make would be a loop in them.
          if (typeof parentId !== 'string' || parentId === '' || depth > 8) return null;
          return projectOf(scope.parent, parentId, depth + 1);
        }
      }
    };
    const checked = new Set<string>();
    for (const c of changes) {
      const projectId = projectOf(c.entity, c.id, 0);
      if (projectId === null || checked.has(projectId)) continue;
      checked.add(projectId);
      if (this.stored('project', projectId, 'status') !== 'closed') continue;
      if (batch.get(`project\u0000${projectId}`)?.has(CLOSED_ON)) continue;
      const name = this.stored('project', projectId, 'name');
      const on = this.stored('project', projectId, CLOSED_ON);
      throw new ApiError({
        code: 'project_closed',
        field: c.field,
        message: `The project "${String(name ?? projectId)}" is closed${typeof on === 'string' && on ? ` (since ${on})` : ''}: reopen it to change it`,
      });
    }
  }

  /** A field's stored value on a live row; undefined for no such row. */
  private stored(entity: EntityName, id: string, field: string): FieldValue | undefined {
    const key = `${entity}.${field}`;
    let read = this.reads.get(key);
    if (!read) {
      const def = entityDef(entity)!;
      const column = def.fields.get(field)?.column;
      if (!column) throw new Error(`${entity} has no field ${field}`);
      read = this.db.prepare(`SELECT "${column}" AS value FROM "${def.table}" WHERE id = ? AND deleted = 0`);
      this.reads.set(key, read);
    }
    return read.get(id)?.value;
  }
}
