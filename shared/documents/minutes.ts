// The minutes of one meeting as a document: when, where and who (attendees by organisation,
// apologies), approval of the previous minutes, per agenda item the discussion, decisions and
// action items, all action items together, for a status call the checklist items it went
// through, and the next meeting. Pure: the data in, the document model out, in one language.
import { itemText } from '../checklist/show.ts';
import { formatNumber, type Requirement } from '../checklist/types.ts';
import type { Customer, Project, ProjectMember } from '../domain.ts';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/index.ts';
import type { MeetingDetail } from '../meetings/types.ts';
import type { Localized } from '../workshops/pack.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { itemTable } from './item-table.ts';
import { paragraphs, plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface MinutesInput extends DocumentContext {
  project: Project;
  customer: Customer;
  people: readonly ProjectMember[];
  meeting: MeetingDetail;
  topics: readonly { key: string; title: Localized }[];
}

function formatDateTime(language: Language, value: string | null): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${value}:00Z`));
}

export function minutesDocument(input: MinutesInput): DocumentModel {
  const { language, meeting: detail, people } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const { meeting } = detail;
  const person = (id: string | null) => people.find((m) => m.person.id === id)?.person ?? null;
  const name = (id: string | null) => person(id)?.name ?? '–';
  const title = meeting.title.trim() || t(`meetingKind.${meeting.kind}`);
  const actions = detail.agenda.flatMap((a) => a.actions);

  const text = itemText(language, new Map(people.map((m) => [m.person.id, m.person.name])));
  const actionTable = (items: readonly Requirement[]): Block => itemTable(items, { language, text });

  // No contents: minutes are a few pages, and a contents page would be one of them.
  const blocks: Block[] = [{ type: 'heading', level: 1, text: t('doc.minutes.meeting'), numbered: true }];
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.minutes.kind'), value: plain(t(`meetingKind.${meeting.kind}`)) },
      { label: t('doc.minutes.when'), value: plain(formatDateTime(language, meeting.startsAt)) },
      { label: t('doc.minutes.duration'), value: plain(meeting.durationMinutes === null ? '–' : t('doc.minutes.minutes', { n: meeting.durationMinutes })) },
      { label: t('doc.minutes.place'), value: /^https?:\/\//.test(meeting.place) ? [{ text: meeting.place, link: meeting.place }] : plain(meeting.place || '–') },
      { label: t('meetings.chair'), value: plain(name(meeting.chairId)) },
      { label: t('meetings.minuteTaker'), value: plain(name(meeting.minuteTakerId)) },
      ...(meeting.topicKeys.length > 0
        ? [{ label: t('meetings.topics'), value: plain(meeting.topicKeys.map((k) => input.topics.find((x) => x.key === k)?.title[language] ?? k).join(', ')) }]
        : []),
    ],
  });

  // Attendees by organisation, then name; apologies in their own column.
  const attending = detail.attendees
    .map((a) => ({ a, p: people.find((m) => m.person.id === a.personId) }))
    .filter((x): x is { a: (typeof detail.attendees)[number]; p: ProjectMember } => x.p !== undefined)
    .sort((x, y) => x.p.person.organisation.localeCompare(y.p.person.organisation) || x.p.person.name.localeCompare(y.p.person.name));
  blocks.push({ type: 'heading', level: 1, text: t('meetings.attendees'), numbered: true });
  blocks.push(
    attending.length === 0
      ? { type: 'paragraph', runs: plain(t('doc.minutes.noAttendees')) }
      : {
          type: 'table',
          columns: [
            { title: t('doc.col.organisation'), width: 0.3 },
            { title: t('person.name'), width: 0.28 },
            { title: t('doc.col.role'), width: 0.24 },
            { title: t('meetings.presence'), width: 0.18 },
          ],
          rows: attending.map(({ a, p }) => [
            plain(p.person.organisation || t(`side.${p.person.side}`)),
            plain(p.person.name),
            plain(p.role),
            plain(t(`presence.${a.presence}`)),
          ]),
        },
  );

  blocks.push({ type: 'heading', level: 1, text: t('meetings.previousMinutes'), numbered: true });
  blocks.push({ type: 'paragraph', runs: plain([t(`previousMinutes.${meeting.previousMinutes}`), meeting.previousMinutesNote].filter(Boolean).join(' – ')) });

  blocks.push({ type: 'heading', level: 1, text: t('meetings.agenda'), numbered: true });
  if (detail.agenda.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('meetings.noAgenda')) });
  for (const item of detail.agenda) {
    blocks.push({ type: 'heading', level: 2, text: item.title || t('meetings.agendaTitle', { n: item.position }), numbered: true });
    blocks.push(...paragraphs(item.notes));
    // Headings, not bold paragraphs: both renderers keep a heading with what follows it.
    if (item.decisions.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t('workshops.decisions'), numbered: false });
      blocks.push({ type: 'list', ordered: false, items: item.decisions.map((d) => plain(d.text)) });
    }
    if (item.actions.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t('actions.heading'), numbered: false });
      blocks.push(actionTable(item.actions));
    }
  }

  blocks.push({ type: 'heading', level: 1, text: t('doc.minutes.allActions'), numbered: true });
  blocks.push(actions.length === 0 ? { type: 'paragraph', runs: plain(t('doc.minutes.noActions')) } : actionTable(actions));

  if (meeting.kind === 'status_call') {
    blocks.push({ type: 'heading', level: 1, text: t('review.heading'), numbered: true });
    blocks.push(
      detail.review.length === 0
        ? { type: 'paragraph', runs: plain(t('review.none')) }
        : {
            type: 'table',
            columns: [
              { title: t('doc.col.number'), width: 0.1 },
              { title: t('doc.col.what'), width: 0.4 },
              { title: t('doc.col.outcome'), width: 0.15 },
              { title: t('doc.col.changes'), width: 0.35 },
            ],
            rows: detail.review.map((r) => [
              plain(formatNumber(r.number)),
              plain(r.title),
              plain(t(`review.${r.outcome}`, { count: 1 }).replace(/\s*\(1\)$/, '')),
              plain(r.changes.map((c) => `${t(`requirements.column.${c.field}` as MessageKey)}: ${c.from ?? '–'} → ${c.to ?? '–'}`).join('; ') || '–'),
            ]),
          },
    );
  }

  blocks.push({ type: 'heading', level: 1, text: t('meetings.next'), numbered: true });
  const next: Run[] = plain([formatDateTime(language, meeting.nextMeetingAt), meeting.nextMeetingNote].filter((s) => s && s !== '–').join(' – ') || '–');
  blocks.push({ type: 'paragraph', runs: next });

  return {
    ...coverOf(input, {
      title: t('doc.minutes.title', { meeting: title }),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.minutes.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.minutes.when'), value: formatDateTime(language, meeting.startsAt) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
