// The entity declarations (electron/core/db/tables/) against what the migrations make, column
// by column, and against the domain types in shared/ where a row is the domain object.
import Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ChangeRequest } from '../../shared/change-requests/types.ts';
import type { Requirement, RequirementComment } from '../../shared/checklist/types.ts';
import type { Branding } from '../../shared/documents/frame.ts';
import type { DocumentExport } from '../../shared/documents/types.ts';
import type { Activity, Customer, Membership, Person } from '../../shared/domain.ts';
import type { AgendaDecision, AgendaItem, Attendee, Meeting } from '../../shared/meetings/types.ts';
import type { Deliverable, EffortLine, Milestone, Payment, Sow, SowRole } from '../../shared/sows/types.ts';
import type { RunningTimer, TimeEntry } from '../../shared/time/types.ts';
import type { Decision, OpenQuestion, WorkshopSession } from '../../shared/workshops/types.ts';
import { ENTITIES, entityDef } from '../../electron/core/db/entities.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import type { Reader } from '../../electron/core/db/read.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/db/migrations.ts';
import { changeLog, meta } from '../../electron/core/db/tables/log.ts';
import { syncConflict, syncFile, syncParked } from '../../electron/core/db/tables/sync.ts';

const DECLARED: readonly SQLiteTable[] = [...Object.values(ENTITIES), meta, changeLog, syncFile, syncParked, syncConflict];

interface ColumnShape {
  type: string;
  notNull: boolean;
  /** The default as SQL text, as SQLite reports it; null for none. */
  default: string | null;
  primaryKey: boolean;
}

function sqlLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number') return String(value);
  throw new Error(`No SQL literal for ${JSON.stringify(value)}`);
}

function declaredColumns(table: SQLiteTable): Record<string, ColumnShape> {
  return Object.fromEntries(
    Object.values(getTableColumns(table)).map((c) => [
      c.name,
      {
        type: c.getSQLType().toUpperCase(),
        notNull: c.notNull,
        // As the column stores it: JSON as its text, booleans as 0 and 1.
        default: c.default === undefined ? null : sqlLiteral(c.mapToDriverValue(c.default)),
        primaryKey: c.primary,
      },
    ]),
  );
}

interface TableInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

function storedColumns(db: Database.Database, table: string): Record<string, ColumnShape> {
  const columns = db.prepare<[string], TableInfo>('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table);
  // A key of a STRICT table is never null, though SQLite reports an INTEGER PRIMARY KEY (the rowid,
  // given when none is) as nullable.
  return Object.fromEntries(columns.map((c) => [c.name, { type: c.type, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value, primaryKey: c.pk > 0 }]));
}

function storedTables(db: Database.Database): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
}

describe('the entity declarations', () => {
  it.each(MIGRATIONS.map((_, v) => v))('equal the tables the migrations make from version %i (0: an empty database), column by column', (from) => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, from);
    migrate(db);
    expect(storedTables(db)).toEqual(DECLARED.map(getTableName).sort());
    for (const table of DECLARED) {
      const name = getTableName(table);
      expect({ [name]: storedColumns(db, name) }).toEqual({ [name]: declaredColumns(table) });
    }
    db.close();
  });

  it('are where the write path finds each field, its column and value type', () => {
    expect(entityDef('customer')?.fields.get('createdAt')).toEqual({ column: 'created_at', type: 'text', nullable: false });
    expect(entityDef('project')?.fields.get('mailboxes')).toEqual({ column: 'mailboxes', type: 'integer', nullable: true });
    expect(entityDef('customer')?.fields.get('archived')).toEqual({ column: 'archived', type: 'boolean', nullable: false });
    // JSON is written as its text.
    expect(entityDef('meeting')?.fields.get('topicKeys')).toEqual({ column: 'topic_keys', type: 'text', nullable: false });
    // The id is the row's key, not a field.
    expect(entityDef('customer')?.fields.has('id')).toBe(false);
    for (const [entity, table] of Object.entries(ENTITIES)) {
      expect(entityDef(entity)?.table).toBe(getTableName(table));
      expect([...entityDef(entity)!.fields.keys()]).toEqual(Object.keys(getTableColumns(table)).filter((f) => f !== 'id'));
    }
    expect(entityDef('change_log')).toBeUndefined();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('are read through a handle that cannot write', () => {
    expectTypeOf<Reader>().toHaveProperty('select');
    expectTypeOf<Reader>().not.toHaveProperty('insert');
    expectTypeOf<Reader>().not.toHaveProperty('update');
    expectTypeOf<Reader>().not.toHaveProperty('delete');
    expectTypeOf<Reader>().not.toHaveProperty('run');
  });

  it('read as the domain types where a row is the domain object', () => {
    type Live<T extends { deleted: boolean }> = Omit<T, 'deleted'>;
    type Row<K extends keyof typeof ENTITIES> = Live<(typeof ENTITIES)[K]['$inferSelect']>;
    expectTypeOf<Row<'customer'>>().toEqualTypeOf<Customer>();
    expectTypeOf<Row<'activity'>>().toEqualTypeOf<Activity>();
    expectTypeOf<Row<'person'>>().toEqualTypeOf<Person>();
    expectTypeOf<Row<'membership'>>().toEqualTypeOf<Membership>();
    expectTypeOf<Row<'workshopSession'>>().toEqualTypeOf<Omit<WorkshopSession, 'answers' | 'flowed' | 'orphanAnswers'>>();
    expectTypeOf<Row<'openQuestion'>>().toEqualTypeOf<OpenQuestion>();
    expectTypeOf<Row<'decision'>>().toEqualTypeOf<Decision>();
    expectTypeOf<Row<'meeting'>>().toEqualTypeOf<Meeting>();
    expectTypeOf<Pick<Row<'meetingAttendee'>, 'personId' | 'presence'>>().toEqualTypeOf<Attendee>();
    expectTypeOf<Row<'agendaItem'>>().toEqualTypeOf<Omit<AgendaItem, 'decisions' | 'actions'>>();
    expectTypeOf<Pick<Row<'agendaDecision'>, 'id' | 'agendaItemId' | 'text'>>().toEqualTypeOf<AgendaDecision>();
    expectTypeOf<Row<'requirement'>>().toEqualTypeOf<Requirement>();
    expectTypeOf<Row<'requirementComment'>>().toEqualTypeOf<RequirementComment>();
    expectTypeOf<Omit<Row<'branding'>, 'id'>>().toEqualTypeOf<Branding>();
    expectTypeOf<Omit<Row<'documentExport'>, 'projectId' | 'formats'>>().toEqualTypeOf<DocumentExport>();
    expectTypeOf<Row<'sow'>>().toEqualTypeOf<Sow>();
    expectTypeOf<Row<'sowDeliverable'>>().toEqualTypeOf<Deliverable>();
    expectTypeOf<Row<'sowMilestone'>>().toEqualTypeOf<Milestone>();
    expectTypeOf<Row<'sowRole'>>().toEqualTypeOf<SowRole>();
    expectTypeOf<Row<'sowEffortLine'>>().toEqualTypeOf<EffortLine>();
    expectTypeOf<Row<'sowPayment'>>().toEqualTypeOf<Payment>();
    expectTypeOf<Row<'changeRequest'>>().toEqualTypeOf<ChangeRequest>();
    expectTypeOf<Row<'timeEntry'>>().toEqualTypeOf<TimeEntry>();
    expectTypeOf<Row<'timeTimer'>>().toEqualTypeOf<RunningTimer>();
  });
});
