// Making a document: the project's data through a template into the document model, rendered as
// PDF and DOCX, and recorded in the export history (version per document, counting up, with the
// SHA-256 of each file). A version is recorded only once its files are made (and, where the caller
// asked, saved whole), in one transaction with the check that its number is still free: a failed,
// cancelled or killed export records nothing, and two exports at once get two versions. Asked to,
// it publishes the files into the shared folder (sync/publish.ts) in that same step, and records
// where; an earlier export is published later from the files it made.
import { and, desc, eq, gte, inArray, isNull, lt, max, ne } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api.ts';
import { DEFAULT_BRANDING, type Branding, type Revision } from '../../../shared/documents/frame.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { DocumentExport, DocumentFormat, ExportedFile, ExportResult, Publication } from '../../../shared/documents/types.ts';
import { ApiError, type ApiErrorBody } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { changesFor, fold, requireRow, type Context } from '../api/context.ts';
import { projectRequirements } from '../api/checklist.ts';
import { getMeeting, listMeetings } from '../api/meetings.ts';
import { trainingSource } from '../api/training.ts';
import { lessonsSource } from '../api/lessons.ts';
import { getProject } from '../api/projects.ts';
import { loadProject } from '../api/rows.ts';
import { getSizing } from '../api/sizing.ts';
import { sowFileLabel, sowSource } from '../api/sows.ts';
import { changeRequestFileLabel, changeRequestSource } from '../api/change-requests.ts';
import { testProtocolSource, testRunFileLabel } from '../api/tests.ts';
import { runResults } from '../api/test-results.ts';
import { timeReportSource } from '../api/time.ts';
import { latestAnswers, projectPack, sessionsWithin, workshopOverview } from '../api/workshops.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { authorName } from '../device.ts';
import { handoverSource } from '../api/handover.ts';
import { readInventory } from '../api/systems.ts';
import { newId } from '../ids.ts';
import { preparePublication, type ExportFacts, type FileToPublish, type PendingPublication } from '../sync/publish.ts';
import type { TaskControl } from '../task-control.ts';
import type { DocumentSource } from './compose.ts';
import { checkSaveable, writePending, type PendingFile } from './write-file.ts';

const BRANDING_ID = 'branding';

/** The branding row but its key: the branding itself. */
const { id: _brandingId, ...brandingFields } = fieldsOf(t.branding);

export function getBranding(ctx: Context): Branding {
  return ctx.store.orm.select(brandingFields).from(t.branding).where(liveRow(t.branding, BRANDING_ID)).get() ?? DEFAULT_BRANDING;
}

export function saveBranding(ctx: Context, input: ParsedInput<'branding.save'>): Branding {
  ctx.store.apply(changesFor('branding', BRANDING_ID, { ...input }));
  return getBranding(ctx);
}

/** What the history tells of an export: which project and which formats were asked for it does not repeat. */
const { projectId: _projectId, formats: _formats, ...exportFields } = fieldsOf(t.documentExport);

/**
 * The exports that are documents: live, with the hashes of their files. Earlier builds of Fieldbook
 * reserved a version before rendering, and a rendering that failed left it without hashes: that
 * version never was a document, so neither the history nor a revision table nor the numbering sees it.
 */
const madeExports = and(live(t.documentExport), ne(t.documentExport.hashes, {}));

export function exportHistory(ctx: Context, input: ParsedInput<'documents.history'>): DocumentExport[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return ctx.store.orm
    .select(exportFields)
    .from(t.documentExport)
    .where(and(eq(t.documentExport.projectId, input.projectId), madeExports))
    .orderBy(desc(t.documentExport.createdAt), desc(t.documentExport.version))
    .all();
}

const DEFAULT_CHECKLIST_VIEW = { view: 'all', filters: {}, search: '', sort: { column: 'number', descending: false }, groupBy: 'phase' } as const;

/** The status report's period: as given, or the seven days up to today. */
function periodOf(ctx: Context, input: ParsedInput<'documents.export'>): { from: string; to: string } {
  if (input.period) return input.period;
  const to = localIsoDate(ctx.now());
  return { from: new Date(Date.parse(`${to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10), to };
}

/** Checklist items whose status became done or not needed within the period, from the change log. */
function finishedWithin(ctx: Context, projectId: string, period: { from: string; to: string }): Set<string> {
  const stamp = (date: string) => String(Date.parse(`${date}T00:00:00Z`)).padStart(15, '0');
  const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const rows = ctx.store.orm
    .selectDistinct({ rowId: t.changeLog.rowId })
    .from(t.changeLog)
    .innerJoin(t.requirement, eq(t.requirement.id, t.changeLog.rowId))
    .where(
      and(
        eq(t.changeLog.entity, 'requirement'),
        eq(t.changeLog.field, 'status'),
        inArray(t.changeLog.value, ['done', 'not_needed']),
        gte(t.changeLog.stamp, stamp(period.from)),
        lt(t.changeLog.stamp, stamp(end)),
        eq(t.requirement.projectId, projectId),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.rowId));
}

/** Meetings and workshops held in the status report's period, by date. */
function heldWithin(ctx: Context, input: ParsedInput<'documents.export'>, period: { from: string; to: string }): { title: string; date: string }[] {
  const pack = projectPack(ctx, input.projectId);
  const meetings = listMeetings(ctx, { projectId: input.projectId })
    .filter((m) => m.startsAt !== null && m.startsAt.slice(0, 10) >= period.from && m.startsAt.slice(0, 10) <= period.to)
    .map((m) => ({ title: m.title.trim() || translate(input.language, `meetingKind.${m.kind}`), date: m.startsAt!.slice(0, 10) }));
  const workshops = sessionsWithin(ctx, input.projectId, period).map((s) => ({
    title: translate(input.language, 'doc.status.workshopOn', { topic: pack.topics.find((x) => x.key === s.topicKey)?.title[input.language] ?? s.topicKey }),
    date: s.date,
  }));
  return [...meetings, ...workshops].sort((a, b) => a.date.localeCompare(b.date));
}

/** The document's data, from what the database holds now; unknown ids are refused by name. */
function documentSource(ctx: Context, input: ParsedInput<'documents.export'>, version: number, changeNote: string, revisions: Revision[]): DocumentSource {
  const detail = getProject(ctx, { id: input.projectId });
  const common = { language: input.language, date: localIsoDate(ctx.now()), version, author: authorName(ctx.store), branding: getBranding(ctx), revisions, changeNote };
  const items = projectRequirements(ctx, input.projectId);
  if (input.document === 'checklist') {
    const { groupBy, ...query } = input.checklist ?? DEFAULT_CHECKLIST_VIEW;
    return { document: 'checklist', input: { ...common, project: detail.project, customer: detail.customer, people: detail.members, items, query, groupBy, today: localIsoDate(ctx.now()) } };
  }
  if (input.document === 'concept') {
    const pack = projectPack(ctx, input.projectId);
    const overview = workshopOverview(ctx, { projectId: input.projectId });
    const sizing = getSizing(ctx, { projectId: input.projectId });
    return {
      document: 'concept',
      input: {
        ...common,
        detail,
        pack,
        answers: latestAnswers(ctx, input.projectId),
        decisions: overview.decisions,
        openQuestions: overview.openQuestions,
        sizing: sizing.updatedAt ? sizing : null,
        contradictions: overview.contradictions,
      },
    };
  }
  if (input.document === 'status') {
    const period = periodOf(ctx, input);
    const overview = workshopOverview(ctx, { projectId: input.projectId });
    const now = `${localIsoDate(ctx.now())}T00:00`;
    return {
      document: 'status',
      input: {
        ...common,
        detail,
        items,
        doneInPeriod: finishedWithin(ctx, input.projectId, period),
        openQuestions: overview.openQuestions,
        topicTitles: new Map(overview.topics.map((x) => [x.key, x.title[input.language]])),
        heldInPeriod: heldWithin(ctx, input, period),
        nextMeetings: listMeetings(ctx, { projectId: input.projectId })
          .filter((m) => m.startsAt !== null && m.startsAt >= now)
          .reverse()
          .map((m) => ({ title: m.title.trim() || translate(input.language, `meetingKind.${m.kind}`), startsAt: m.startsAt! })),
        period,
      },
    };
  }
  if (input.document === 'sow') return { document: 'sow', input: { ...common, project: detail.project, customer: detail.customer, ...sowSource(ctx, input.sowId!, input.projectId) } };
  if (input.document === 'change-request') return { document: 'change-request', input: { ...common, project: detail.project, customer: detail.customer, ...changeRequestSource(ctx, input.changeRequestId!, input.projectId) } };
  if (input.document === 'test-protocol') {
    const source = testProtocolSource(ctx, input.runId!, input.projectId);
    return { document: 'test-protocol', input: { ...common, project: detail.project, customer: detail.customer, ...source }, imports: runResults(ctx, source.detail.run.id) };
  }
  if (input.document === 'handover') {
    return {
      document: 'handover',
      input: { ...common, project: detail.project, customer: detail.customer, members: detail.members, ...handoverSource(ctx, input.projectId, input.includeCredentials ?? false) },
    };
  }
  if (input.document === 'systems') return { document: 'systems', input: { ...common, project: detail.project, customer: detail.customer, inventory: readInventory(ctx, input.projectId) } };
  if (input.document === 'training') return { document: 'training', input: { ...common, project: detail.project, customer: detail.customer, people: detail.members, ...trainingSource(ctx, input.meetingId!, input.projectId) } };
  if (input.document === 'lessons') return { document: 'lessons', input: { ...common, project: detail.project, customer: detail.customer, people: detail.members, ...lessonsSource(ctx, input.projectId, input.language) } };
  if (input.document === 'time-report') return { document: 'time-report', input: { ...common, project: detail.project, customer: detail.customer, ...timeReportSource(ctx, input.projectId, input.period!, input.language) } };
  const meetingId = input.meetingId!;
  requireRow(ctx, 'meeting', meetingId, 'meetingId');
  const meeting = getMeeting(ctx, { id: meetingId });
  if (meeting.meeting.projectId !== input.projectId) {
    throw new ApiError({ code: 'invalid_input', field: 'meetingId', message: 'meetingId: the meeting belongs to another project' });
  }
  return {
    document: 'minutes',
    input: {
      ...common,
      project: detail.project,
      customer: detail.customer,
      people: detail.members,
      meeting,
      topics: projectPack(ctx, input.projectId).topics,
    },
  };
}

/**
 * The row a document is about: a meeting's minutes or training record, one SOW version, a change
 * request, a test run; null for a document of the whole project. Versions are counted per subject.
 */
function subjectOf(input: ParsedInput<'documents.export'>): string | null {
  switch (input.document) {
    case 'minutes':
    case 'training':
      return input.meetingId ?? null;
    case 'sow':
      return input.sowId ?? null;
    case 'change-request':
      return input.changeRequestId ?? null;
    case 'test-protocol':
      return input.runId ?? null;
    case 'checklist':
    case 'concept':
    case 'status':
    case 'time-report':
    case 'handover':
    case 'lessons':
    case 'systems':
      return null;
  }
}

/** What tells this file from the project's other files of its kind: the meeting's day, the SOW, the period. */
function fileLabel(ctx: Context, input: ParsedInput<'documents.export'>): string | null {
  switch (input.document) {
    case 'minutes':
    case 'training':
      return input.meetingId ? (ctx.store.orm.select({ startsAt: t.meeting.startsAt }).from(t.meeting).where(eq(t.meeting.id, input.meetingId)).get()?.startsAt?.slice(0, 10) ?? null) : null;
    case 'status':
      return periodOf(ctx, input).to;
    case 'sow':
      return input.sowId ? sowFileLabel(ctx, input.sowId) : null;
    case 'change-request':
      return input.changeRequestId ? changeRequestFileLabel(ctx, input.changeRequestId) : null;
    case 'test-protocol':
      return input.runId ? testRunFileLabel(ctx, input.runId) : null;
    case 'time-report':
      return input.period ? `${input.period.from}-to-${input.period.to}` : null;
    case 'checklist':
    case 'concept':
    case 'handover':
    case 'lessons':
    case 'systems':
      return null;
  }
}

function fileName(ctx: Context, input: ParsedInput<'documents.export'>, version: number, format: DocumentFormat): string {
  const slug = (text: string) => fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
  const { name } = loadProject(ctx, input.projectId);
  const label = fileLabel(ctx, input);
  return `${input.document}-${slug(name)}${label ? `-${label}` : ''}-v${version}.${format}`;
}

/** The latest change the database holds: which data a document made now shows. */
function latestChange(ctx: Context): string {
  return ctx.store.orm.select({ stamp: max(t.changeLog.stamp) }).from(t.changeLog).get()?.stamp ?? '';
}

/** A failure as the result carries it. */
function failureBody(error: unknown): ApiErrorBody {
  return error instanceof ApiError ? error.toJSON() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The next version of a document: one more than the last recorded (a version never recorded leaves no gap). */
function nextVersion(earlier: readonly DocumentExport[]): number {
  return Math.max(0, ...earlier.map((e) => e.version)) + 1;
}

interface Save {
  format: DocumentFormat;
  path: string;
  /** The input field that gave the path, for errors to name. */
  field: string;
}

/** The files the caller asked to be saved, by format. */
function savesAsked(input: ParsedInput<'documents.export'>): Save[] {
  return input.formats.flatMap((format) => {
    const path = input.saveAs?.[format];
    return path === undefined ? [] : [{ format, path, field: `saveAs.${format}` }];
  });
}

/** The files asked to be saved, written whole under temporary names beside their targets. */
function writeSaves(saves: readonly Save[], files: readonly ExportedFile[]): PendingFile[] {
  const pending: PendingFile[] = [];
  try {
    for (const save of saves) pending.push(writePending(save.path, Buffer.from(files.find((f) => f.format === save.format)!.base64, 'base64'), save.field));
    return pending;
  } catch (error) {
    for (const p of pending) p.discard();
    throw error;
  }
}

export async function exportDocument(ctx: Context, input: ParsedInput<'documents.export'>, control: TaskControl): Promise<ExportResult> {
  control.throwIfCancelled();
  requireRow(ctx, 'project', input.projectId, 'projectId');
  // Each language counts its own versions: a customer reads one of them, and its revision table lists only its own.
  const subject = subjectOf(input);
  const sameDocument = and(
    eq(t.documentExport.projectId, input.projectId),
    eq(t.documentExport.document, input.document),
    subject === null ? isNull(t.documentExport.subjectId) : eq(t.documentExport.subjectId, subject),
    eq(t.documentExport.language, input.language),
  );
  const recorded = () =>
    ctx.store.orm
      .select(exportFields)
      .from(t.documentExport)
      .where(and(sameDocument, madeExports))
      .orderBy(t.documentExport.version)
      .all();
  const changeNote = input.changeNote?.trim() ?? '';
  const saves = savesAsked(input);
  // A file that cannot be saved is said at once, not after rendering a hundred pages.
  for (const save of saves) checkSaveable(save.path, save.field);
  control.progress({ stage: 'read' });
  // Rendered with the number the version will have if no other process records one first; if one
  // does, rendered again with the next (its revision table then lists the other's version too).
  for (;;) {
    // The earlier versions and the document's data as they stand at one moment (unknown ids refused by name).
    const { version, source, madeFrom } = ctx.store.transaction(() => {
      const earlier = recorded();
      const v = nextVersion(earlier);
      const revisions = earlier.map((e) => ({ version: String(e.version), date: e.createdAt.slice(0, 10), author: e.author, change: e.changeNote }));
      return { version: v, source: documentSource(ctx, input, v, changeNote, revisions), madeFrom: latestChange(ctx) };
    });
    const files: ExportedFile[] = [];
    for (const format of input.formats) {
      control.progress({ stage: format });
      const bytes = await ctx.render(source, format, control.signal);
      files.push({ format, fileName: fileName(ctx, input, version, format), base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    control.throwIfCancelled();
    control.progress({ stage: 'record' });
    const pending = writeSaves(saves, files);
    const id = newId();
    const facts: ExportFacts = {
      projectId: input.projectId,
      document: input.document,
      subjectId: subject,
      language: input.language,
      version,
      createdAt: ctx.now().toISOString(),
      author: source.input.author,
      madeFrom,
      device: ctx.store.deviceId,
    };
    // Publishing is asked on top of the export: where it fails, the export is made all the same.
    let publishError: ApiErrorBody | undefined;
    let publishing: PendingPublication | undefined;
    try {
      if (input.publish) publishing = preparePublication(ctx, facts, files.map(toPublish));
    } catch (error) {
      publishError = failureBody(error);
    }
    try {
      const done = ctx.store.transaction(() => {
        if (nextVersion(recorded()) !== version) return null;
        // The last moment a cancel is heeded: past it, files replace what their paths held.
        control.throwIfCancelled();
        for (const p of pending) p.commit();
        // Put in place with the version recorded: a process killed before leaves only temporary
        // files in the share, and its next run publishes this version under the same names.
        let published: Publication | undefined;
        try {
          published = publishing?.place();
        } catch (error) {
          publishError = failureBody(error);
        }
        ctx.store.apply(
          changesFor('documentExport', id, {
            projectId: input.projectId,
            document: input.document,
            subjectId: subject,
            version,
            formats: JSON.stringify(input.formats),
            language: input.language,
            hashes: JSON.stringify(Object.fromEntries(files.map((f) => [f.format, f.sha256]))),
            author: facts.author,
            changeNote,
            createdAt: facts.createdAt,
            madeFrom,
            published: published && JSON.stringify(published),
            includesCredentials: input.includeCredentials ?? false,
          }),
        );
        return { published };
      });
      if (done) return { id, version, files, ...(done.published ? { published: done.published } : {}), ...(publishError ? { publishError } : {}) };
    } finally {
      // Nothing is left of a file not put in place (a failure, or a version taken meanwhile).
      for (const p of pending) p.discard();
      publishing?.discard();
    }
  }
}

function toPublish(file: ExportedFile): FileToPublish {
  return { format: file.format, bytes: Buffer.from(file.base64, 'base64'), sha256: file.sha256 };
}

/**
 * Publishes an earlier export into this device's shared folder. The core keeps no copy of the
 * files it made, and making them again would give other files (the data and the date have moved
 * on): so it publishes the files the caller still has, each only if it is byte for byte the file
 * the export made (the SHA-256 the history keeps). Where it went is recorded on the export.
 */
export function publishExport(ctx: Context, input: ParsedInput<'documents.publish'>, control: TaskControl): DocumentExport {
  control.throwIfCancelled();
  const row = ctx.store.orm
    .select({ ...exportFields, projectId: t.documentExport.projectId })
    .from(t.documentExport)
    .where(and(liveRow(t.documentExport, input.exportId), madeExports))
    .get();
  if (!row) throw new ApiError({ code: 'not_found', field: 'exportId', message: `exportId: no export with id ${input.exportId}` });
  const files = input.files.map((file, i): FileToPublish => {
    const bytes = Buffer.from(file.base64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const kept = row.hashes[file.format];
    const what = `version ${row.version} of the ${file.format.toUpperCase()}`;
    if (kept === undefined) throw new ApiError({ code: 'invalid_input', field: `files.${i}.format`, message: `files.${i}.format: version ${row.version} was not made as ${file.format.toUpperCase()}` });
    if (kept !== sha256) {
      throw new ApiError({
        code: 'invalid_input',
        field: `files.${i}.base64`,
        message: `files.${i}.base64: this is not ${what} as it was made (its SHA-256 begins ${sha256.slice(0, 12)}, the export's ${kept.slice(0, 12)}): only the file as it was saved, unchanged, can be published`,
      });
    }
    return { format: file.format, bytes, sha256 };
  });
  // The device that made it: the one that stamped the export's first change.
  const maker = ctx.store.orm
    .select({ deviceId: t.changeLog.deviceId })
    .from(t.changeLog)
    .where(and(eq(t.changeLog.entity, 'documentExport'), eq(t.changeLog.rowId, row.id), eq(t.changeLog.field, 'version')))
    .orderBy(t.changeLog.stamp)
    .get();
  const { projectId, ...shown } = row;
  const publishing = preparePublication(ctx, { ...row, projectId, device: maker?.deviceId ?? ctx.store.deviceId }, files);
  try {
    control.throwIfCancelled();
    return ctx.store.transaction(() => {
      const published = publishing.place();
      ctx.store.apply(changesFor('documentExport', row.id, { published: JSON.stringify(published) }));
      return { ...shown, published };
    });
  } finally {
    publishing.discard();
  }
}
