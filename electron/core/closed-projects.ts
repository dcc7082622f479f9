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

interface ClosedProject {
  name: string;
  closedOn: string | null;
}

export class ClosedProjects {
  private readonly db: Database.Database;
  private readonly closedList: Database.Statement<[], { id: string; name: string; closedOn: string | null }>;
  private readonly reads = new Map<string, Database.Statement<[string], { value: FieldValue } | undefined>>();

  constructor(db: Database.Database) {
    this.db = db;
    this.closedList = db.prepare("SELECT id, name, closed_on AS closedOn FROM project WHERE status = 'closed' AND deleted = 0");
  }

  /**
   * Refuses the batch when it changes a row of a project that is closed, unless the same batch
   * closes or reopens that project. Rows of no project, and records of reading one (an export
   * made), always pass.
   */
  refuse(changes: readonly FieldChange[]): void {
    // Most of the time no project is closed, and a batch costs this one small query.
    const closed = new Map<string, ClosedProject>(this.closedList.all().map(({ id, ...project }) => [id, project]));
    if (closed.size === 0) return;
    // The fields that say where a row belongs, as the batch sets them (a row it makes has them only there).
    const placed = new Map<string, FieldValue>();
    const reopened = new Set<string>();
    for (const c of changes) {
      const scope = PROJECT_SCOPE[c.entity];
      if ((scope.kind === 'field' || scope.kind === 'parent') && c.field === scope.field) placed.set(`${c.entity}\u0000${c.id}`, c.value);
      if (c.entity === 'project' && c.field === CLOSED_ON) reopened.add(c.id);
    }
    const projectOf = (entity: EntityName, id: string, depth: number): string | null => {
      const scope = PROJECT_SCOPE[entity];
      switch (scope.kind) {
        case 'none':
        case 'record':
          return null;
        case 'self':
          return id;
        case 'field':
        case 'parent': {
          const key = `${entity}\u0000${id}`;
          const value = placed.has(key) ? placed.get(key) : this.stored(entity, id, scope.field);
          if (typeof value !== 'string' || value === '') return null;
          // A chain longer than the declarations could make would be a loop in them.
          return scope.kind === 'field' ? value : depth > 8 ? null : projectOf(scope.parent, value, depth + 1);
        }
      }
    };
    const seen = new Set<string>();
    for (const c of changes) {
      const row = `${c.entity}\u0000${c.id}`;
      if (seen.has(row)) continue;
      seen.add(row);
      const projectId = projectOf(c.entity, c.id, 0);
      const project = projectId === null ? undefined : closed.get(projectId);
      if (!project || reopened.has(projectId!)) continue;
      throw new ApiError({
        code: 'project_closed',
        field: c.field,
        message: `The project "${project.name}" is closed${project.closedOn ? ` (since ${project.closedOn})` : ''}: reopen it to change it`,
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
