// The lessons-learned and retrospective report: internal, for the consultancy and never for the
// customer, so its confidentiality line (cover properties and every page's footer) says so in
// place of the branding's. The customer's feedback per question with the average and a bar
// chart, comments, the consultants' own notes, what went well, what to improve, and the actions
// with owner, due date and where they went. Pure: the data in, the document model out.
import type { Chart } from '../charts/chart.ts';
import { formatDay } from '../checklist/show.ts';
import { formatNumber as itemNumber } from '../checklist/types.ts';
import type { Customer, Project, ProjectMember } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import type { LessonNote, LessonsDetail } from '../lessons/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel } from './model.ts';
import { averageText } from './training.ts';

export interface LessonsDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  people: readonly ProjectMember[];
  lessons: LessonsDetail;
  /** The closing meeting the feedback was given in, as its title and date say it; null for none recorded. */
  feedbackMeeting: string | null;
}

export function lessonsDocument(input: LessonsDocInput): DocumentModel {
  const { language, lessons } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const name = (id: string | null) => input.people.find((m) => m.person.id === id)?.person.name ?? '–';
  const internal = t('doc.lessons.internal');
  const blocks: Block[] = [{ type: 'paragraph', runs: [{ text: internal, bold: true }] }];

  blocks.push({ type: 'heading', level: 1, text: t('lessons.feedback'), numbered: true });
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('lessons.feedbackMeeting'), value: plain(input.feedbackMeeting ?? '–') },
      { label: t('lessons.feedbackBy'), value: plain(lessons.feedbackBy.trim() || '–') },
      { label: t('doc.training.averageScore'), value: plain(averageText(language, lessons.feedback.map((f) => f.score))) },
    ],
  });
  if (lessons.feedback.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('lessons.question'), width: 0.35 },
        { title: t('training.score'), width: 0.12 },
        { title: t('training.comment'), width: 0.53 },
      ],
      rows: lessons.feedback.map((f) => [plain(f.question[language]), plain(f.score === null ? '–' : `${f.score} / 5`), plain(f.comment.trim() || '–')]),
    });
  }
  const scored = lessons.feedback.filter((f) => f.score !== null);
  if (scored.length > 0) blocks.push({ type: 'chart', chart: scoreChart(input), caption: t('doc.lessons.chart'), width: 0.9, aspect: 0.12 + 0.07 * scored.length });

  const notesOf = (kind: LessonNote['kind']) => lessons.notes.filter((n) => n.kind === kind);
  const noteList = (notes: readonly LessonNote[], withAuthor: boolean): Block =>
    notes.length === 0
      ? { type: 'paragraph', runs: plain(t('lessons.none')) }
      : { type: 'list', ordered: false, items: notes.map((n) => plain(withAuthor && n.authorId ? `${n.text} (${name(n.authorId)})` : n.text)) };

  blocks.push({ type: 'heading', level: 1, text: t('lessons.personal'), numbered: true });
  blocks.push(noteList(notesOf('personal'), true));

  blocks.push({ type: 'heading', level: 1, text: t('lessons.retrospective'), numbered: true });
  blocks.push({ type: 'heading', level: 2, text: t('lessons.wentWell'), numbered: true });
  blocks.push(noteList(notesOf('went_well'), false));
  blocks.push({ type: 'heading', level: 2, text: t('lessons.toImprove'), numbered: true });
  blocks.push(noteList(notesOf('to_improve'), false));
  blocks.push({ type: 'heading', level: 2, text: t('lessons.actions'), numbered: true });
  blocks.push(
    lessons.actions.length === 0
      ? { type: 'paragraph', runs: plain(t('lessons.none')) }
      : {
          type: 'table',
          columns: [
            { title: t('lessons.action'), width: 0.36 },
            { title: t('lessons.owner'), width: 0.2 },
            { title: t('requirements.column.dueDate'), width: 0.14 },
            { title: t('lessons.wentTo'), width: 0.3 },
          ],
          rows: lessons.actions.map((a) => [
            plain(a.text),
            plain(name(a.ownerId)),
            plain(a.dueDate ? formatDay(language, a.dueDate) : '–'),
            plain(a.followUp ? `${itemNumber(a.followUp.number)} · ${a.followUp.projectName}` : t('lessons.stayedNote')),
          ]),
        },
  );

  // The confidentiality line is the report's own, whatever the branding says for customer documents.
  const context = { ...input, branding: { ...input.branding, confidentiality: internal } };
  return {
    ...coverOf(context, {
      title: t('doc.lessons.title'),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.lessons.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.lessons.audience'), value: internal },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}

/** The scores per question as bars, on the scale of 1 to 5. */
function scoreChart(input: LessonsDocInput): Chart {
  const { language } = input;
  const t = (key: MessageKey) => translate(language, key);
  const scored = input.lessons.feedback.filter((f) => f.score !== null);
  return {
    kind: 'bar',
    title: t('doc.lessons.chart'),
    language,
    orientation: 'bars',
    stacked: false,
    categories: scored.map((f) => f.question[language]),
    along: { title: t('lessons.question') },
    value: { title: t('training.score') },
    series: [{ name: t('training.score'), values: scored.map((f) => f.score!) }],
  };
}
