// The checklist to and from CSV files. An import is planned in full first (every row read,
// people and topics looked up, numbers checked) so that the preview shows exactly what the import
// will do and every problem with its line; the import then writes the rows without problems in
// one transaction, or nothing. Both report their rows as they go and stop when cancelled.
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { requirementFields, type ParsedInput } from '../../../shared/api.ts';
import { checklistRows, importProblemText, readCell, suggestMapping, type CsvTarget } from '../../../shared/checklist/csv-format.ts';
import {
  formatNumber,
  type EditableField,
  type ImportPreview,
  type ImportProblem,
  type ImportProblemKind,
  type ImportResult,
  type Requirement,
} from '../../../shared/checklist/types.ts';
import type { IsoDate } from '../../../shared/domain.ts';
import { parseCsv, writeCsv } from '../../../shared/csv.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { LANGUAGES } from '../../../shared/i18n/index.ts';
import { live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { parseStamp } from '../hlc.ts';
import { newId } from '../ids.ts';
import { ROWS_PER_STEP, type TaskControl } from '../task-control.ts';
import { changesFor, fold, requireRow, type Context } from './context.ts';
import { nextNumber, projectRequirements } from './checklist.ts';
import { loadProject } from './rows.ts';
import { projectPack } from './workshops.ts';

type Values = Partial<Record<EditableField, string | number | null>>;

const itemFields = z.object(requirementFields).partial();

interface PlannedRow {
  line: number;
  /** The existing item a known number updates, or null for a new item. */
  existing: Requirement | null;
  number: number | null;
  values: Values;
}

interface Plan {
  preview: ImportPreview;
  rows: PlannedRow[];
}

/** People of the project by folded name and by e-mail; topics by key and by title in any language. */
function lookups(ctx: Context, projectId: string) {
  const people = ctx.store.orm
    .select({ id: t.person.id, name: t.person.name, email: t.person.email })
    .from(t.membership)
    .innerJoin(t.person, eq(t.person.id, t.membership.personId))
    .where(and(eq(t.membership.projectId, projectId), live(t.membership)))
    .all();
  const personByText = new Map<string, string>();
  for (const p of people) {
    // Names are stored as typed, a space after them included; cells are matched trimmed.
    personByText.set(fold(p.name.trim()), p.id);
    if (p.email) personByText.set(fold(p.email.trim()), p.id);
  }
  const topicByText = new Map<string, string>();
  for (const topic of projectPack(ctx, projectId).topics) {
    topicByText.set(fold(topic.key), topic.key);
    for (const l of LANGUAGES) topicByText.set(fold(topic.title[l].trim()), topic.key);
  }
  return { person: (text: string) => personByText.get(fold(text.trim())), topic: (text: string) => topicByText.get(fold(text.trim())) };
}

/** An item a number in a file can name: a live one, or a removed one with the day of its removal. */
interface Named {
  number: number;
  formerNumbers: readonly number[];
  title: string;
  item: Requirement | null;
  removedOn: IsoDate | null;
}

/**
 * The project's removed items, each with the day of its (latest) removal. The write path logs
 * every change it makes, a tombstone too, so every removed item has its removal there.
 */
function removedItems(ctx: Context, projectId: string): Named[] {
  const rows = ctx.store.orm
    .select({ number: t.requirement.number, formerNumbers: t.requirement.formerNumbers, title: t.requirement.title, stamp: max(t.changeLog.stamp) })
    .from(t.requirement)
    .innerJoin(t.changeLog, and(eq(t.changeLog.entity, 'requirement'), eq(t.changeLog.rowId, t.requirement.id), eq(t.changeLog.field, 'deleted')))
    .where(and(eq(t.requirement.projectId, projectId), eq(t.requirement.deleted, true)))
    .groupBy(t.requirement.id)
    .all();
  return rows.map(({ stamp, ...r }) => ({ ...r, item: null, removedOn: localIsoDate(new Date(parseStamp(stamp!).ms)) }));
}

/**
 * Finds the item a row's number names: the item that has the number, or one sync took it from
 * ("was R-042": a file exported before the sync still finds the item now R-043). When the number
 * names several, the row's title picks the one it is; failing that, the number's own item.
 */
function numberLookup(ctx: Context, projectId: string): (number: number, title: unknown) => Named | null {
  const named = new Map<number, Named[]>();
  const add = (n: number, entry: Named) => named.set(n, [...(named.get(n) ?? []), entry]);
  const live = projectRequirements(ctx, projectId).map((item): Named => ({ ...item, item, removedOn: null }));
  for (const entry of [...live, ...removedItems(ctx, projectId)]) for (const n of [entry.number, ...entry.formerNumbers]) add(n, entry);
  return (number, title) => {
    const all = named.get(number) ?? [];
    if (all.length < 2) return all[0] ?? null;
    const byTitle = typeof title === 'string' ? all.filter((entry) => fold(entry.title.trim()) === fold(title.trim())) : [];
    return byTitle.length === 1 ? byTitle[0]! : all.find((entry) => entry.number === number) ?? all[0]!;
  };
}

/** A problem as the API reports it: what and where, and in English for the command line. */
function problemAt(line: number, column: string | null, kind: ImportProblemKind): ImportProblem {
  return { line, column, message: importProblemText(kind, 'en'), ...kind };
}

/** What the item's checks (the same as for an item typed in the app) say about a value. */
function refused(issue: z.core.$ZodIssue): ImportProblemKind {
  return issue.code === 'too_big' ? { kind: 'tooLong', max: Number(issue.maximum) } : { kind: 'notAccepted' };
}

function plan(ctx: Context, projectId: string, csv: string, mappingInput: (CsvTarget | null)[] | undefined, control: TaskControl): Plan {
  requireRow(ctx, 'project', projectId, 'projectId');
  const parsed = parseCsv(csv);
  const [header, ...records] = parsed.records;
  if (!header) throw new ApiError({ code: 'invalid_input', field: 'csv', message: 'csv: the file is empty' });
  const headers = header.cells.map((h) => h.trim());
  const mapping = mappingInput ?? suggestMapping(headers);
  if (mapping.length !== headers.length) {
    throw new ApiError({ code: 'invalid_input', field: 'mapping', message: `mapping: ${mapping.length} entries for ${headers.length} columns` });
  }
  const problems: ImportProblem[] = parsed.problems.map(({ line, ...kind }) => problemAt(line, null, kind));
  if (!mapping.includes('title')) problems.push(problemAt(header.line, null, { kind: 'noTitleColumn' }));

  const find = lookups(ctx, projectId);
  const named = numberLookup(ctx, projectId);
  const numbersInFile = new Map<number, number>();
  // Two rows naming one item (by its number and by a number it had) would overwrite each other.
  const itemsInFile = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const badLines = new Set(problems.map((p) => p.line));

  for (const [index, record] of records.entries()) {
    if (index % ROWS_PER_STEP === 0) {
      control.throwIfCancelled();
      control.progress({ stage: 'rows', done: index, total: records.length });
    }
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string | null, kind: ImportProblemKind) => rowProblems.push(problemAt(record.line, column, kind));
    if (record.cells.length > headers.length) problem(null, { kind: 'tooManyFields', fields: record.cells.length, headerFields: headers.length });
    const values: Values = {};
    let number: number | null = null;
    mapping.forEach((target, i) => {
      if (target === null) return;
      const column = headers[i]!;
      const text = record.cells[i] ?? '';
      const cell = readCell(target, text);
      if ('error' in cell) return problem(column, cell.error);
      if (target === 'number') {
        number = cell.value as number | null;
        return;
      }
      if (target === 'responsibleId' && cell.value !== null) {
        const id = find.person(String(cell.value));
        if (!id) return problem(column, { kind: 'unknownPerson', text: text.trim() });
        values.responsibleId = id;
        return;
      }
      if (target === 'topicKey' && cell.value !== null) {
        const key = find.topic(String(cell.value));
        if (!key) return problem(column, { kind: 'unknownTopic', text: text.trim() });
        values.topicKey = key;
        return;
      }
      values[target] = cell.value;
    });
    // The same limits as an item typed in the app (title length, ...); empty cells are checked above.
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    const checked = itemFields.safeParse(given);
    if (!checked.success) for (const issue of checked.error.issues) problem(headers[mapping.indexOf(issue.path[0] as CsvTarget)] ?? null, refused(issue));
    const found = number === null ? null : named(number, values.title);
    const existing = found?.item ?? null;
    if (number !== null) {
      const sameNumber = numbersInFile.get(number);
      const sameItem = existing ? itemsInFile.get(existing.id) : undefined;
      if (sameNumber !== undefined) problem(null, { kind: 'duplicateNumber', number, firstLine: sameNumber });
      else if (sameItem !== undefined) problem(null, { kind: 'duplicateNumber', number: existing!.number, firstLine: sameItem });
      else {
        numbersInFile.set(number, record.line);
        if (existing) itemsInFile.set(existing.id, record.line);
      }
    }
    // A removed item's number is not given again, not even to a row of a file exported before the
    // removal: such a row is left out (a new item, if wanted, takes an empty number).
    if (number !== null && found?.removedOn) problem(headers[mapping.indexOf('number')] ?? null, { kind: 'removedNumber', number, on: found.removedOn });
    if (mapping.includes('title') && !values.title && (existing === null || 'title' in values)) problem(null, { kind: 'emptyTitle' });
    if (rowProblems.length > 0 || badLines.has(record.line)) problems.push(...rowProblems);
    else rows.push({ line: record.line, existing, number, values });
  }

  control.progress({ stage: 'rows', done: records.length, total: records.length });
  problems.sort((a, b) => a.line - b.line);
  const sample = rows.slice(0, 5).map((r) => {
    const shown: ImportPreview['sample'][number] = r.number === null ? {} : { number: formatNumber(r.number) };
    for (const [field, value] of Object.entries(r.values)) shown[field as EditableField] = value === null ? '' : String(value);
    return shown;
  });
  const creates = rows.filter((r) => r.existing === null).length;
  return {
    rows,
    preview: {
      delimiter: parsed.delimiter,
      headers,
      mapping,
      rows: records.length,
      creates,
      updates: rows.length - creates,
      problems,
      sample,
    },
  };
}

export function previewImport(ctx: Context, input: ParsedInput<'requirements.previewImport'>, control: TaskControl): ImportPreview {
  return plan(ctx, input.projectId, input.csv, input.mapping, control).preview;
}

export function importRequirements(ctx: Context, input: ParsedInput<'requirements.import'>, control: TaskControl): ImportResult {
  const { rows, preview } = plan(ctx, input.projectId, input.csv, input.mapping, control);
  // Numbers given in the file are kept where no item, removed ones included, has had them; the
  // others follow the highest ever given.
  // A loop, not Math.max(...rows): spreading a file's worth of rows overflows the call stack.
  let next = nextNumber(ctx, input.projectId);
  for (const row of rows) next = Math.max(next, (row.number ?? 0) + 1);
  const createdAt = ctx.now().toISOString();
  const changesByRow = rows.map((row) => {
    if (row.existing) {
      const before = row.existing;
      const changed = Object.entries(row.values).filter(([field, value]) => before[field as EditableField] !== (value ?? defaultOf(field as EditableField)));
      return changesFor('requirement', before.id, Object.fromEntries(changed.map(([f, v]) => [f, v ?? defaultOf(f as EditableField)])));
    }
    const v = row.values;
    return changesFor('requirement', newId(), {
      projectId: input.projectId,
      number: row.number ?? next++,
      title: String(v.title ?? ''),
      description: String(v.description ?? ''),
      category: String(v.category ?? ''),
      topicKey: (v.topicKey as string | undefined) ?? null,
      phase: (v.phase as string | undefined) ?? null,
      ownerSide: (v.ownerSide as string | undefined) ?? null,
      responsibleId: (v.responsibleId as string | undefined) ?? null,
      dueDate: (v.dueDate as string | undefined) ?? null,
      status: String(v.status ?? 'open'),
      priority: String(v.priority ?? 'normal'),
      source: 'manual',
      meetingId: null,
      agendaItemId: null,
      createdAt,
    });
  });
  // Written a step of rows at a time, all inside the call's one transaction: a cancel between
  // steps undoes the steps before it.
  for (let start = 0; start < changesByRow.length; start += ROWS_PER_STEP) {
    control.throwIfCancelled();
    ctx.store.apply(changesByRow.slice(start, start + ROWS_PER_STEP).flat());
    control.progress({ stage: 'write', done: Math.min(start + ROWS_PER_STEP, changesByRow.length), total: changesByRow.length });
  }
  return { created: preview.creates, updated: preview.updates, skipped: preview.rows - rows.length };
}

/** What an emptied cell sets a field to: text fields become empty, choices their default. */
function defaultOf(field: EditableField): string | null {
  if (field === 'status') return 'open';
  if (field === 'priority') return 'normal';
  if (field === 'title' || field === 'description' || field === 'category') return '';
  return null;
}

export function exportRequirements(ctx: Context, input: ParsedInput<'requirements.exportCsv'>): { fileName: string; csv: string } {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const wanted = input.ids ? new Set(input.ids) : null;
  const items = projectRequirements(ctx, input.projectId).filter((r) => !wanted || wanted.has(r.id));
  // Removed people still name the items they were responsible for.
  const names = new Map(ctx.store.orm.select({ id: t.person.id, name: t.person.name }).from(t.person).all().map((p) => [p.id, p.name]));
  const topics = new Map(projectPack(ctx, input.projectId).topics.map((topic) => [topic.key, topic.title[input.language]]));
  const rows = checklistRows(
    items.map((r) => ({
      ...r,
      topic: r.topicKey ? topics.get(r.topicKey) ?? r.topicKey : '',
      responsible: r.responsibleId ? names.get(r.responsibleId) ?? '' : '',
    })),
    input.language,
  );
  const { name } = loadProject(ctx, input.projectId);
  const slug = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  return { fileName: `checklist-${slug}-${localIsoDate(ctx.now())}.csv`, csv: writeCsv(rows, input.delimiter) };
}
