// Making a document: the project's data through a template into the document model, rendered as
// PDF and DOCX, and recorded in the export history (version per document, counting up, with the
// SHA-256 of each file). The version is reserved before rendering, so two exports at once get
// two versions; a failed rendering takes its reservation back.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/api.ts';
import { DEFAULT_BRANDING, type Branding, type Revision } from '../../../shared/documents/frame.ts';
import { checklistDocument } from '../../../shared/documents/checklist-doc.ts';
import { conceptDocument } from '../../../shared/documents/concept.ts';
import { minutesDocument } from '../../../shared/documents/minutes.ts';
import { statusReport } from '../../../shared/documents/status-report.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { DocumentModel } from '../../../shared/documents/model.ts';
import type { DocumentExport, DocumentFormat, DocumentKind, ExportResult } from '../../../shared/documents/types.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { changesFor, fold, requireRow, type Context } from '../api/context.ts';
import { requirementsWhere } from '../api/checklist.ts';
import { getMeeting, listMeetings } from '../api/meetings.ts';
import { getProject } from '../api/projects.ts';
import { getSizing } from '../api/sizing.ts';
import { latestAnswers, projectPack, sessionsWithin, workshopOverview } from '../api/workshops.ts';
import { authorName } from '../device.ts';
import { newId } from '../ids.ts';
import { renderDocx } from './docx.ts';
import { renderPdf, type FontFiles } from './pdf.ts';

const BRANDING_ID = 'branding';

export function getBranding(ctx: Context): Branding {
  const row = ctx.store.db.prepare('SELECT * FROM branding WHERE id = ? AND deleted = 0').get(BRANDING_ID) as
    | { consultancy_name: string; address: string; logo: string | null; accent: string; footer_text: string; confidentiality: string }
    | undefined;
  if (!row) return DEFAULT_BRANDING;
  return {
    consultancyName: row.consultancy_name,
    address: row.address,
    logo: row.logo,
    accent: row.accent,
    footerText: row.footer_text,
    confidentiality: row.confidentiality,
  };
}

export function saveBranding(ctx: Context, input: ParsedInput<'branding.save'>): Branding {
  ctx.store.apply(changesFor('branding', BRANDING_ID, { ...input }));
  return getBranding(ctx);
}

const fontCache = new Map<string, FontFiles>();

function fonts(ctx: Context): FontFiles {
  let files = fontCache.get(ctx.resourcesDir);
  if (!files) {
    const read = (name: string) => readFileSync(join(ctx.resourcesDir, 'fonts', name));
    files = { regular: read('NotoSans-Regular.ttf'), bold: read('NotoSans-Bold.ttf'), italic: read('NotoSans-Italic.ttf'), boldItalic: read('NotoSans-BoldItalic.ttf') };
    fontCache.set(ctx.resourcesDir, files);
  }
  return files;
}

interface ExportRow {
  id: string;
  document: string;
  subject_id: string | null;
  version: number;
  formats: string;
  language: string;
  hashes: string;
  author: string;
  change_note: string;
  created_at: string;
}

const toExport = (r: ExportRow): DocumentExport => ({
  id: r.id,
  document: r.document as DocumentKind,
  subjectId: r.subject_id,
  version: r.version,
  language: r.language as 'en' | 'de',
  hashes: JSON.parse(r.hashes) as DocumentExport['hashes'],
  author: r.author,
  changeNote: r.change_note,
  createdAt: r.created_at,
});

export function exportHistory(ctx: Context, input: ParsedInput<'documents.history'>): DocumentExport[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const rows = ctx.store.db
    .prepare('SELECT * FROM document_export WHERE project_id = ? AND deleted = 0 ORDER BY created_at DESC, version DESC')
    .all(input.projectId) as ExportRow[];
  return rows.map(toExport);
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
  const rows = ctx.store.db
    .prepare(
      `SELECT DISTINCT c.row_id FROM change_log c JOIN requirement r ON r.id = c.row_id
        WHERE c.entity = 'requirement' AND c.field = 'status' AND c.value IN ('"done"', '"not_needed"')
          AND c.stamp >= ? AND c.stamp < ? AND r.project_id = ?`,
    )
    .all(stamp(period.from), stamp(end), projectId) as { row_id: string }[];
  return new Set(rows.map((r) => r.row_id));
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

/** The document as data, from what the database holds now; unknown ids are refused by name. */
function buildModel(ctx: Context, input: ParsedInput<'documents.export'>, version: number, changeNote: string, revisions: Revision[]): DocumentModel {
  const detail = getProject(ctx, { id: input.projectId });
  const common = { language: input.language, date: localIsoDate(ctx.now()), version, author: authorName(ctx.store), branding: getBranding(ctx), revisions, changeNote };
  const items = requirementsWhere(ctx, 'project_id = ?', input.projectId);
  if (input.document === 'checklist') {
    const { groupBy, ...query } = input.checklist ?? DEFAULT_CHECKLIST_VIEW;
    return checklistDocument({ ...common, project: detail.project, customer: detail.customer, people: detail.members, items, query, groupBy, today: localIsoDate(ctx.now()) });
  }
  if (input.document === 'concept') {
    const pack = projectPack(ctx, input.projectId);
    const overview = workshopOverview(ctx, { projectId: input.projectId });
    const sizing = getSizing(ctx, { projectId: input.projectId });
    return conceptDocument({
      ...common,
      detail,
      pack,
      answers: latestAnswers(ctx, input.projectId),
      decisions: overview.decisions,
      openQuestions: overview.openQuestions,
      sizing: sizing.updatedAt ? sizing : null,
      contradictions: overview.contradictions,
    });
  }
  if (input.document === 'status') {
    const period = periodOf(ctx, input);
    const overview = workshopOverview(ctx, { projectId: input.projectId });
    const now = `${localIsoDate(ctx.now())}T00:00`;
    return statusReport({
      ...common,
      detail,
      items,
      doneInPeriod: finishedWithin(ctx, input.projectId, period),
      openQuestions: overview.openQuestions,
      topicTitle: (key) => overview.topics.find((x) => x.key === key)?.title[input.language] ?? key,
      heldInPeriod: heldWithin(ctx, input, period),
      nextMeetings: listMeetings(ctx, { projectId: input.projectId })
        .filter((m) => m.startsAt !== null && m.startsAt >= now)
        .reverse()
        .map((m) => ({ title: m.title.trim() || translate(input.language, `meetingKind.${m.kind}`), startsAt: m.startsAt! })),
      period,
    });
  }
  const meetingId = input.meetingId!;
  requireRow(ctx, 'meeting', meetingId, 'meetingId');
  const meeting = getMeeting(ctx, { id: meetingId });
  if (meeting.meeting.projectId !== input.projectId) {
    throw new ApiError({ code: 'invalid_input', field: 'meetingId', message: 'meetingId: the meeting belongs to another project' });
  }
  return minutesDocument({
    ...common,
    project: detail.project,
    customer: detail.customer,
    people: detail.members,
    meeting,
    topics: projectPack(ctx, input.projectId).topics,
  });
}

function fileName(ctx: Context, input: ParsedInput<'documents.export'>, version: number, format: DocumentFormat): string {
  const slug = (text: string) => fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
  const { name } = ctx.store.db.prepare('SELECT name FROM project WHERE id = ?').get(input.projectId) as { name: string };
  const when =
    input.document === 'minutes'
      ? (ctx.store.db.prepare('SELECT starts_at FROM meeting WHERE id = ?').get(input.meetingId) as { starts_at: string | null } | undefined)?.starts_at?.slice(0, 10)
      : input.document === 'status'
        ? periodOf(ctx, input).to
        : null;
  return `${input.document}-${slug(name)}${when ? `-${when}` : ''}-v${version}.${format}`;
}

export async function exportDocument(ctx: Context, input: ParsedInput<'documents.export'>): Promise<ExportResult> {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  // Minutes are versioned per meeting; the project's documents per project. Each language counts
  // its own versions: a customer reads one of them, and its revision table lists only its own.
  const subject = input.document === 'minutes' ? (input.meetingId ?? null) : null;
  const sameDocument = 'project_id = ? AND document = ? AND subject_id IS ? AND language = ?';
  const key = [input.projectId, input.document, subject, input.language] as const;
  const earlier = (
    ctx.store.db.prepare(`SELECT * FROM document_export WHERE ${sameDocument} AND deleted = 0 ORDER BY version`).all(...key) as ExportRow[]
  ).map(toExport);
  const changeNote = input.changeNote?.trim() ?? '';
  const id = newId();
  // Build the model (and refuse unknown ids) before reserving a version.
  const reserve = () =>
    ctx.store.transaction(() => {
      const { v } = ctx.store.db.prepare(`SELECT coalesce(max(version), 0) + 1 AS v FROM document_export WHERE ${sameDocument}`).get(...key) as { v: number };
      const model = buildModel(ctx, input, v, changeNote, [
        ...earlier.map((e) => ({ version: String(e.version), date: e.createdAt.slice(0, 10), author: e.author, change: e.changeNote })),
      ]);
      ctx.store.apply(
        changesFor('documentExport', id, {
          projectId: input.projectId,
          document: input.document,
          subjectId: subject,
          version: v,
          formats: JSON.stringify(input.formats),
          language: input.language,
          hashes: '{}',
          author: model.meta.author,
          changeNote,
          createdAt: ctx.now().toISOString(),
        }),
      );
      return { version: v, model };
    });
  const { version, model } = reserve();
  try {
    const files = await Promise.all(
      input.formats.map(async (format) => {
        const bytes = format === 'pdf' ? (await renderPdf(model, fonts(ctx))).bytes : await renderDocx(model);
        return { format, fileName: fileName(ctx, input, version, format), base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') };
      }),
    );
    ctx.store.transaction(() =>
      ctx.store.apply(changesFor('documentExport', id, { hashes: JSON.stringify(Object.fromEntries(files.map((f) => [f.format, f.sha256]))) })),
    );
    return { version, files };
  } catch (error) {
    ctx.store.transaction(() => ctx.store.apply(changesFor('documentExport', id, { deleted: true })));
    throw error;
  }
}
