// The record of one training session as a document: when, where, who trained whom on what
// (audience, topics, agenda), the attendance list with an empty line per attendee to sign, the
// feedback (average score and each comment), the materials and a signature block for the trainer
// and the customer. Pure: the data in, the document model out, in one language.
import type { Customer, Project, ProjectMember } from '../domain.ts';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { scoreSummary } from '../meetings/training.ts';
import type { MeetingDetail } from '../meetings/types.ts';
import { formatNumber } from '../quantity.ts';
import type { TrainingTopic } from '../workshops/pack.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface TrainingDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  people: readonly ProjectMember[];
  meeting: MeetingDetail;
  /** The pack's training topics, for their titles. */
  topics: readonly TrainingTopic[];
}

function formatDateTime(language: Language, value: string | null): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${value}:00Z`));
}

/** "4,5 of 5 (2 ratings)" / "4.5 of 5 (2 ratings)"; a dash while nobody gave a score. */
export function averageText(language: Language, scores: readonly (number | null)[]): string {
  const { count, average } = scoreSummary(scores);
  if (average === null) return '–';
  return translate(language, 'doc.training.average', { average: formatNumber(average, language, 1), count });
}

export function trainingDocument(input: TrainingDocInput): DocumentModel {
  const { language, meeting: detail, people } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const { meeting } = detail;
  const member = (id: string | null) => people.find((m) => m.person.id === id) ?? null;
  const title = meeting.title.trim() || t('meetingKind.training');
  const trainer = member(meeting.trainerId)?.person.name ?? '–';
  const audience = meeting.trainingAudience.map((a) => (a === 'other' && meeting.trainingAudienceOther.trim() ? meeting.trainingAudienceOther.trim() : t(`trainingAudience.${a}`)));
  const topics = [
    ...meeting.trainingTopicKeys.map((k) => input.topics.find((x) => x.key === k)?.title[language] ?? k),
    ...meeting.trainingCustomTopics,
  ];

  const blocks: Block[] = [{ type: 'heading', level: 1, text: t('doc.training.session'), numbered: true }];
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.minutes.when'), value: plain(formatDateTime(language, meeting.startsAt)) },
      { label: t('doc.minutes.duration'), value: plain(meeting.durationMinutes === null ? '–' : t('doc.minutes.minutes', { n: meeting.durationMinutes })) },
      { label: t('doc.minutes.place'), value: /^https?:\/\//.test(meeting.place) ? [{ text: meeting.place, link: meeting.place }] : plain(meeting.place || '–') },
      { label: t('training.trainer'), value: plain(trainer) },
      { label: t('training.audience'), value: plain(audience.join(', ') || '–') },
    ],
  });

  blocks.push({ type: 'heading', level: 1, text: t('training.topics'), numbered: true });
  blocks.push(topics.length === 0 ? { type: 'paragraph', runs: plain(t('training.noTopics')) } : { type: 'list', ordered: false, items: topics.map(plain) });

  blocks.push({ type: 'heading', level: 1, text: t('meetings.agenda'), numbered: true });
  if (detail.agenda.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('meetings.noAgenda')) });
  else {
    blocks.push({
      type: 'list',
      ordered: true,
      items: detail.agenda.map((a): Run[] => [{ text: a.title || t('meetings.agendaTitle', { n: a.position }), bold: true }, ...(a.notes.trim() ? plain(` – ${a.notes.trim()}`) : [])]),
    });
  }

  // Attendance: every person expected, by organisation and name, with a line to sign.
  const attending = detail.attendees
    .map((a) => ({ a, m: member(a.personId) }))
    .filter((x): x is { a: (typeof detail.attendees)[number]; m: ProjectMember } => x.m !== null)
    .sort((x, y) => x.m.person.organisation.localeCompare(y.m.person.organisation) || x.m.person.name.localeCompare(y.m.person.name));
  blocks.push({ type: 'heading', level: 1, text: t('training.attendance'), numbered: true });
  blocks.push(
    attending.length === 0
      ? { type: 'paragraph', runs: plain(t('doc.minutes.noAttendees')) }
      : {
          type: 'table',
          columns: [
            { title: t('doc.col.organisation'), width: 0.24 },
            { title: t('person.name'), width: 0.24 },
            { title: t('doc.col.role'), width: 0.16 },
            { title: t('meetings.presence'), width: 0.14 },
            { title: t('doc.training.signature'), width: 0.22 },
          ],
          rows: attending.map(({ a, m }) => [
            plain(m.person.organisation || t(`side.${m.person.side}`)),
            plain(m.person.name),
            plain(m.role),
            plain(t(`presence.${a.presence}`)),
            plain(''),
          ]),
        },
  );

  blocks.push({ type: 'heading', level: 1, text: t('training.feedback'), numbered: true });
  const given = detail.feedback.filter((f) => f.score !== null || f.comment.trim());
  blocks.push({ type: 'keyValue', rows: [{ label: t('doc.training.averageScore'), value: plain(averageText(language, detail.feedback.map((f) => f.score))) }] });
  if (given.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('person.name'), width: 0.3 },
        { title: t('training.score'), width: 0.15 },
        { title: t('training.comment'), width: 0.55 },
      ],
      rows: given
        .map((f) => ({ f, name: member(f.personId)?.person.name ?? '–' }))
        .sort((x, y) => x.name.localeCompare(y.name))
        .map(({ f, name }) => [plain(name), plain(f.score === null ? '–' : `${f.score} / 5`), plain(f.comment.trim() || '–')]),
    });
  }

  blocks.push({ type: 'heading', level: 1, text: t('training.materials'), numbered: true });
  blocks.push(
    detail.materials.length === 0
      ? { type: 'paragraph', runs: plain(t('training.noMaterials')) }
      : {
          type: 'list',
          ordered: false,
          items: detail.materials.map((m): Run[] => (m.link ? [{ text: m.name }, { text: ' – ' }, { text: m.link, link: m.link }] : plain(`${m.name} (${t('doc.training.attached')})`))),
        },
  );

  blocks.push({ type: 'heading', level: 1, text: t('doc.training.signatures'), numbered: true });
  blocks.push({ type: 'paragraph', runs: plain(t('doc.training.confirm')) });
  blocks.push({
    type: 'signatures',
    parties: [
      { organisation: `${t('training.trainer')}: ${input.branding.consultancyName || t('side.consultancy')}`, name: trainer === '–' ? '' : trainer, role: t('doc.sow.placeDate') },
      { organisation: `${t('side.customer')}: ${input.customer.name}`, name: '', role: t('doc.sow.placeDate') },
    ],
  });

  return {
    ...coverOf(input, {
      title: t('doc.training.title', { training: title }),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.training.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.minutes.when'), value: formatDateTime(language, meeting.startsAt) },
        { label: t('training.trainer'), value: trainer },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
