// The requirements checklist and meetings through the API: numbering (also with two processes
// on one file), action items as checklist items, history, status-call minutes, CSV export and
// import with awkward content, broken files refused line by line, and removed numbers kept gone.
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProblemText } from '../../shared/checklist/csv-format.ts';
import type { ImportPreview, ImportResult, Requirement, RequirementDetail } from '../../shared/checklist/types.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { localIsoDate } from '../../shared/iso-date.ts';
import type { AgendaItem, MeetingDetail } from '../../shared/meetings/types.ts';
import type { Core, CoreOptions } from '../../electron/core/core.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
let jonas: Person;
let miriam: Person;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

function newProject(name: string): string {
  const customer = call<Customer>('customers.create', { name: `${name} customer` });
  const id = call<ProjectDetail>('projects.create', { customerId: customer.id, name }).project.id;
  for (const person of [jonas, miriam]) call('members.add', { projectId: id, personId: person.id });
  return id;
}

function setUp(options: Partial<CoreOptions> = {}) {
  core = openTestCore(tempDir(), options);
  jonas = call<Person>('people.create', { name: 'Jonas Weber', side: 'customer', email: 'j.weber@nordhafen.example' });
  miriam = call<Person>('people.create', { name: 'Miriam Kaya', side: 'consultancy' });
  projectId = newProject('Webmail 2027');
}
beforeEach(() => setUp());
afterEach(() => {
  core.close();
  removeTempDirs();
});

const item = (title: string, extra: object = {}) => call<Requirement>('requirements.create', { projectId, title, ...extra });

describe('numbering', () => {
  it('counts per project from R-001 and never reuses a removed number', () => {
    expect([item('One').number, item('Two').number]).toEqual([1, 2]);
    const three = item('Three');
    call('requirements.remove', { id: three.id });
    expect(item('Four').number).toBe(4);
    expect(call<Requirement>('requirements.create', { projectId: newProject('Other'), title: 'First there' }).number).toBe(1);
  });

  it('gives unique numbers when two processes create items on the same file at once', async () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    const customer = first.call('customers.create', { name: 'C' }) as Customer;
    const project = (first.call('projects.create', { customerId: customer.id, name: 'P' }) as ProjectDetail).project.id;
    first.close();
    const run = () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['test/support/create-items.ts', dir, project, '150'], { stdio: 'inherit' });
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
      });
    await Promise.all([run(), run()]);
    const after = openTestCore(dir);
    const numbers = (after.call('requirements.list', { projectId: project }) as Requirement[]).map((r) => r.number);
    after.close();
    expect(numbers).toHaveLength(300);
    expect(new Set(numbers).size).toBe(300);
    expect(Math.max(...numbers)).toBe(300);
  }, 30_000);

  it('continues after the highest number ever given: a removed last item, a high number from a file', () => {
    const items = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => item(`Item ${n}`));
    call('requirements.remove', { id: items[9]!.id });
    expect(item('After the removed R-010').number).toBe(11);
    const imported = (csv: string) => call<ImportResult>('requirements.import', { projectId, csv, mapping: call<ImportPreview>('requirements.previewImport', { projectId, csv }).mapping });
    expect(imported('Number,Title\nR-950,Numbered in Excel\n')).toEqual({ created: 1, updated: 0, skipped: 0 });
    expect(item('After R-950').number).toBe(951);
    expect(imported('Title\nWithout a number\n')).toEqual({ created: 1, updated: 0, skipped: 0 });
    expect(call<Requirement[]>('requirements.list', { projectId }).map((r) => r.number).slice(-4)).toEqual([11, 950, 951, 952]);
  });

  it('does not bring a removed number back through an import: the row is left out, saying why in English and German', () => {
    const clock = Date.parse('2026-03-02T12:00:00Z');
    core.close();
    setUp({ now: () => clock });
    const items = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => item(`Item ${n}`));
    // the highest.
    for (const gone of [items[6]!, items[9]!]) call('requirements.remove', { id: gone.id });
    const csv = 'Number;Title\nR-007;Seven again\nR-010;Ten again\n;New without a number\nR-011;Numbered in Excel\nR-003;Three changed\n';
    const before = dumpDatabase(core);
    const preview = call<ImportPreview>('requirements.previewImport', { projectId, csv });
    expect(dumpDatabase(core)).toEqual(before);
    // The day of the removal in this machine's time zone: 2 March nearly everywhere.
    const seven = { kind: 'removedNumber', number: 7, on: localIsoDate(new Date(clock)) } as const;
    const ten = { ...seven, number: 10 };
    expect(preview.problems).toEqual([
      { line: 2, column: 'Number', message: importProblemText(seven, 'en'), ...seven },
      { line: 3, column: 'Number', message: importProblemText(ten, 'en'), ...ten },
    ]);
    expect(importProblemText({ kind: 'removedNumber', number: 7, on: '2026-03-02' }, 'en')).toBe(
      'R-007 was removed from the checklist on Mar 2, 2026, and its number is not given again: this row is left out. To add it as a new item, empty its number or leave out the number column.',
    );
    expect(importProblemText({ kind: 'removedNumber', number: 7, on: '2026-03-02' }, 'de')).toBe(
      'R-007 wurde am 02.03.2026 aus der Checkliste entfernt, und die Nummer wird nicht wieder vergeben: Diese Zeile wird ausgelassen. Soll sie ein neuer Eintrag werden, die Nummer in der Zeile leeren oder die Spalte „Nummer“ auslassen.',
    );
    expect(preview).toMatchObject({ rows: 5, creates: 2, updates: 1 });
    // The import does what the preview said.
    expect(call<ImportResult>('requirements.import', { projectId, csv, mapping: preview.mapping })).toEqual({ created: 2, updated: 1, skipped: 2 });
    expect(call<Requirement[]>('requirements.list', { projectId }).map((r) => `${r.number} ${r.title}`)).toEqual([
      '1 Item 1',
      '2 Item 2',
      '3 Three changed',
      '4 Item 4',
      '5 Item 5',
      '6 Item 6',
      '8 Item 8',
      '9 Item 9',
      '11 Numbered in Excel',
      '12 New without a number',
    ]);
    // The way the message names: without its number the row becomes a new item.
    const again = 'Number;Title\nR-007;Seven again\n';
    expect(call<ImportResult>('requirements.import', { projectId, csv: again, mapping: [null, 'title'] })).toEqual({ created: 1, updated: 0, skipped: 0 });
    expect(call<Requirement[]>('requirements.list', { projectId }).at(-1)).toMatchObject({ number: 13, title: 'Seven again' });
  });
});

describe('items', () => {
  it('check that the responsible person is on the project, and change nothing otherwise', () => {
    const stranger = call<Person>('people.create', { name: 'Not on it', side: 'partner' });
    const before = dumpDatabase(core);
    expect(() => item('X', { responsibleId: stranger.id })).toThrow(expect.objectContaining({ code: 'not_found', field: 'responsibleId' }));
    expect(() => item('X', { topicKey: 'coffee' })).toThrow(expect.objectContaining({ field: 'topicKey' }));
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('set the status of many at once, naming an unknown id by its place', () => {
    const [a, b] = [item('A'), item('B')];
    expect(call<Requirement[]>('requirements.setStatus', { ids: [a.id, b.id], status: 'done' }).map((r) => r.status)).toEqual(['done', 'done']);
    const before = dumpDatabase(core);
    let error: unknown;
    try {
      core.call('requirements.setStatus', { ids: [a.id, '01937c5e-0000-7000-8000-000000000000'], status: 'open' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', field: 'ids.1' });
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('keep a history of every change: field, old and new value, when and by whom', () => {
    const created = item('Open port 993', { dueDate: '2026-12-01' });
    call('requirements.update', { id: created.id, status: 'in_progress', responsibleId: jonas.id });
    call('requirements.update', { id: created.id, status: 'done', dueDate: '2026-12-08' });
    // An unchanged value is not a change.
    call('requirements.update', { id: created.id, status: 'done' });
    const { history } = call<RequirementDetail>('requirements.get', { id: created.id });
    // Created with a title, a due date, status and priority (empty fields are not news).
    expect(history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['title', null, 'Open port 993'],
      ['dueDate', null, '2026-12-01'],
      ['status', null, 'open'],
      ['priority', null, 'normal'],
      ['responsibleId', null, jonas.id],
      ['status', 'open', 'in_progress'],
      ['dueDate', '2026-12-01', '2026-12-08'],
      ['status', 'in_progress', 'done'],
    ]);
    const last = history.at(-1)!;
    expect(last.deviceId).toBe(core.store.deviceId);
    expect(last.by.host).toMatch(/\S/);
    expect(Date.parse(last.at)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(history.some((h) => h.field === 'projectId' || h.field === 'createdAt')).toBe(false);
  });

  it('take comments signed with the device that wrote them', () => {
    const created = item('Backups');
    call('requirements.comment', { id: created.id, text: 'Asked the storage team' });
    expect(call<RequirementDetail>('requirements.get', { id: created.id }).comments).toEqual([
      expect.objectContaining({ text: 'Asked the storage team', author: expect.stringMatching(/\S/) }),
    ]);
  });
});

describe('meetings', () => {
  const meeting = (kind: string, startsAt: string) => call<MeetingDetail>('meetings.create', { projectId, kind, startsAt });

  it('make action items checklist items, one record linked both ways', () => {
    const m = meeting('status_call', '2026-11-27T10:00');
    const agenda = call<AgendaItem>('agenda.add', { meetingId: m.meeting.id, title: 'Firewall' });
    call('agenda.decide', { agendaItemId: agenda.id, text: 'Port 993 only' });
    const action = call<Requirement>('requirements.create', {
      projectId,
      agendaItemId: agenda.id,
      title: 'Open port 993',
      responsibleId: jonas.id,
      ownerSide: 'customer',
      dueDate: '2026-12-04',
    });
    expect(action).toMatchObject({ number: 1, source: 'meeting', meetingId: m.meeting.id, agendaItemId: agenda.id });
    expect(call<Requirement[]>('requirements.list', { projectId }).map((r) => r.id)).toEqual([action.id]);
    const detail = call<MeetingDetail>('meetings.get', { id: m.meeting.id });
    expect(detail.agenda[0]!.actions.map((a) => a.id)).toEqual([action.id]);
    expect(detail.agenda[0]!.decisions.map((d) => d.text)).toEqual(['Port 993 only']);
    // Changed on the checklist, changed in the minutes: it is the same record.
    call('requirements.update', { id: action.id, status: 'done' });
    expect(call<MeetingDetail>('meetings.get', { id: m.meeting.id }).agenda[0]!.actions[0]!.status).toBe('done');
    // A removed meeting leaves its action items on the checklist, no longer linked to it.
    call('meetings.remove', { id: m.meeting.id });
    expect(call<Requirement[]>('requirements.list', { projectId })).toEqual([
      expect.objectContaining({ id: action.id, status: 'done', source: 'meeting', meetingId: null, agendaItemId: null }),
    ]);
  });

  it('order agenda items, inserting after a given one', () => {
    const m = meeting('workshop', '2026-11-27T10:00');
    const a = call<AgendaItem>('agenda.add', { meetingId: m.meeting.id, title: 'A' });
    call('agenda.add', { meetingId: m.meeting.id, title: 'C' });
    call('agenda.add', { meetingId: m.meeting.id, title: 'B', afterId: a.id });
    expect(call<MeetingDetail>('meetings.get', { id: m.meeting.id }).agenda.map((i) => [i.title, i.position])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
  });

  it('start a status call with the people and chair of the previous one', () => {
    const first = meeting('status_call', '2026-11-20T10:00');
    call('meetings.setAttendee', { meetingId: first.meeting.id, personId: jonas.id, presence: 'present' });
    call('meetings.setAttendee', { meetingId: first.meeting.id, personId: miriam.id, presence: 'apologies' });
    call('meetings.update', { id: first.meeting.id, chairId: miriam.id, place: 'https://meet.example/ox', durationMinutes: 30 });
    const second = meeting('status_call', '2026-11-27T10:00');
    expect(second.meeting).toMatchObject({ chairId: miriam.id, place: 'https://meet.example/ox', durationMinutes: 30 });
    expect(second.attendees).toEqual([
      { personId: jonas.id, presence: 'present' },
      { personId: miriam.id, presence: 'present' },
    ]);
    expect(call<MeetingDetail>('meetings.setAttendee', { meetingId: second.meeting.id, personId: jonas.id, presence: null }).attendees).toEqual([
      { personId: miriam.id, presence: 'present' },
    ]);
    expect(meeting('training', '2026-11-28T09:00').attendees).toEqual([]);
  });

  it('write the status call minutes from what the call did with the checklist', () => {
    const [reviewed, changed, back] = [item('Reviewed only'), item('Changed', { dueDate: '2026-12-01' }), item('Changed back')];
    const untouched = item('Not discussed');
    const call1 = meeting('status_call', '2026-11-27T10:00').meeting.id;
    call('requirements.review', { id: reviewed.id, meetingId: call1 });
    call('requirements.update', { id: changed.id, status: 'in_progress', meetingId: call1 });
    call('requirements.update', { id: changed.id, status: 'done', dueDate: '2026-12-08', meetingId: call1 });
    call('requirements.update', { id: back.id, priority: 'high', meetingId: call1 });
    call('requirements.update', { id: back.id, priority: 'normal', meetingId: call1 });
    const added = call<Requirement>('requirements.create', { projectId, title: 'Added in the call', meetingId: call1 });
    call('requirements.update', { id: added.id, dueDate: '2026-12-11', meetingId: call1 });
    // A change outside the call is not in its minutes.
    call('requirements.update', { id: untouched.id, status: 'blocked' });

    const review = call<MeetingDetail>('meetings.get', { id: call1 }).review;
    expect(review.map((r) => [r.title, r.outcome, r.changes])).toEqual([
      ['Reviewed only', 'reviewed', []],
      [
        'Changed',
        'changed',
        [
          { field: 'status', from: 'open', to: 'done' },
          { field: 'dueDate', from: '2026-12-01', to: '2026-12-08' },
        ],
      ],
      ['Changed back', 'reviewed', []],
      ['Added in the call', 'added', [{ field: 'dueDate', from: null, to: '2026-12-11' }]],
    ]);
    expect(added).toMatchObject({ source: 'meeting', meetingId: call1, agendaItemId: null });
  });

  it('refuse a status call of another project', () => {
    const other = newProject('Other');
    const foreign = call<MeetingDetail>('meetings.create', { projectId: other, kind: 'status_call' }).meeting.id;
    const x = item('X');
    expect(() => call('requirements.update', { id: x.id, status: 'done', meetingId: foreign })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'meetingId' }),
    );
  });
});

describe('CSV export and import', () => {
  const awkward = [
    { title: 'Größe "XL" prüfen', description: 'Zeile 1\nZeile 2; mit, Trennern\r\n"zitiert"', category: 'Storage; NFS', dueDate: '2026-12-24' },
    { title: '  Leerzeichen  ', description: '=SUM(A1) ß € ✓ Кириллица', category: '', dueDate: null },
  ];

  it('is lossless through export and import into another project, in both languages and separators', () => {
    for (const [i, a] of awkward.entries()) {
      item(a.title, { description: a.description, category: a.category, dueDate: a.dueDate, status: i ? 'blocked' : 'in_progress', priority: 'high', ownerSide: 'customer', responsibleId: jonas.id, phase: 'implementation', topicKey: 'storage' });
    }
    const original = call<Requirement[]>('requirements.list', { projectId });
    for (const [language, delimiter] of [['de', ';'], ['en', ',']] as const) {
      const { csv, fileName } = call<{ csv: string; fileName: string }>('requirements.exportCsv', { projectId, language, delimiter });
      expect(fileName).toMatch(/^checklist-webmail-2027-\d{4}-\d{2}-\d{2}\.csv$/);
      const target = newProject(`Copy ${language}`);
      const preview = call<ImportPreview>('requirements.previewImport', { projectId: target, csv });
      expect(preview).toMatchObject({ delimiter, rows: 2, creates: 2, updates: 0, problems: [] });
      expect(preview.mapping).toEqual(['number', 'title', 'description', 'category', 'topicKey', 'phase', 'ownerSide', 'responsibleId', 'dueDate', 'status', 'priority']);
      expect(call<ImportResult>('requirements.import', { projectId: target, csv, mapping: preview.mapping })).toEqual({ created: 2, updated: 0, skipped: 0 });
      const copy = call<Requirement[]>('requirements.list', { projectId: target });
      const comparable = (r: Requirement) => {
        const { id: _id, projectId: _p, createdAt: _c, ...rest } = r;
        return rest;
      };
      // Every field comes back exactly, spaces around a title included.
      expect(copy.map(comparable)).toEqual(original.map(comparable));
    }
  });

  it('updates the items whose numbers it knows, keeping what the file leaves out', () => {
    const a = item('Firewall', { description: 'Port 993', responsibleId: jonas.id });
    const csv = 'Nr;Titel;Status;Fällig am;Verantwortlich\nR-001;Firewall;Erledigt;04.12.2026;j.weber@nordhafen.example\n;Neu aus Excel;in progress;12/24/2026;Miriam Kaya\n';
    const preview = call<ImportPreview>('requirements.previewImport', { projectId, csv });
    expect(preview.mapping).toEqual([null, 'title', 'status', 'dueDate', 'responsibleId']);
    // "Nr" is not a known header: the consultant maps it by hand.
    const mapping = ['number', ...preview.mapping.slice(1)];
    expect(call<ImportPreview>('requirements.previewImport', { projectId, csv, mapping })).toMatchObject({ creates: 1, updates: 1, problems: [] });
    expect(call<ImportResult>('requirements.import', { projectId, csv, mapping })).toEqual({ created: 1, updated: 1, skipped: 0 });
    const [first, second] = call<Requirement[]>('requirements.list', { projectId });
    expect(first).toMatchObject({ id: a.id, status: 'done', dueDate: '2026-12-04', description: 'Port 993', responsibleId: jonas.id });
    expect(second).toMatchObject({ number: 2, title: 'Neu aus Excel', status: 'in_progress', dueDate: '2026-12-24', responsibleId: miriam.id });
  });

  it('lists every problem by line, writes nothing on preview, and imports only the good rows', () => {
    const csv = [
      'Number,Title,Due date,Status,Responsible',
      '7,Good row,2026-12-01,open,Jonas Weber',
      '8,,2026-12-01,open,',
      '9,Bad date,31.02.2026,open,',
      '10,Bad status,,finished,',
      '11,Unknown person,,,Erika Mustermann',
      '7,Same number again,,,',
      `13,${'Very long title '.repeat(40)},,,`,
      '12,"Broken ""quote,,,',
    ].join('\n');
    const before = dumpDatabase(core);
    const preview = call<ImportPreview>('requirements.previewImport', { projectId, csv });
    expect(dumpDatabase(core)).toEqual(before);
    expect(preview.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, null, 'The title is empty'],
      [4, 'Due date', 'Not a date: "31.02.2026" (write 2026-12-01 or 01.12.2026)'],
      [5, 'Status', '"finished" is not one of: Open, In progress, Done, Blocked, Not needed'],
      [6, 'Responsible', 'No one called "Erika Mustermann" is on this project'],
      [7, null, 'R-007 is already on line 2'],
      [8, 'Title', 'Longer than 500 characters'],
      [9, null, 'A quoted field is never closed: a quote (") is missing'],
    ]);
    // Each problem says what it is without words, for the dialog to write in its language.
    expect(preview.problems.map((p) => importProblemText(p, 'de'))).toEqual([
      'Der Titel ist leer',
      'Kein Datum: „31.02.2026“ (so schreiben: 2026-12-01 oder 01.12.2026)',
      '„finished“ ist hier nicht vorgesehen; möglich sind: Offen, In Arbeit, Erledigt, Blockiert, Nicht nötig',
      'Im Projekt gibt es niemanden namens „Erika Mustermann“',
      'R-007 steht schon in Zeile 2',
      'Länger als 500 Zeichen',
      'Ein Feld in Anführungszeichen wird nicht geschlossen: Es fehlt ein Anführungszeichen (")',
    ]);
    expect(preview.problems[1]).toMatchObject({ kind: 'notADate', text: '31.02.2026' });
    expect(preview).toMatchObject({ rows: 8, creates: 1 });
    expect(call<ImportResult>('requirements.import', { projectId, csv, mapping: preview.mapping })).toEqual({ created: 1, updated: 0, skipped: 7 });
    expect(call<Requirement[]>('requirements.list', { projectId }).map((r) => [r.number, r.title])).toEqual([[7, 'Good row']]);
    expect(item('Next').number).toBe(8);
  });

  it('refuses a file without a title column, and an empty file', () => {
    expect(call<ImportPreview>('requirements.previewImport', { projectId, csv: 'Foo,Bar\n1,2' }).problems).toEqual([
      { line: 1, column: null, kind: 'noTitleColumn', message: 'No column is read as the title; choose one' },
    ]);
    expect(() => call('requirements.previewImport', { projectId, csv: '' })).toThrow(expect.objectContaining({ field: 'csv' }));
    expect(() => call('requirements.import', { projectId, csv: 'Title\nA', mapping: ['title', 'status'] })).toThrow(expect.objectContaining({ field: 'mapping' }));
  });
});
