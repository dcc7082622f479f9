// The weekly status report: the period, the overall status as a traffic light with its reasons,
// progress per phase, checklist items done in the period, due soon and overdue (with owners),
// decisions needed (blocked items, open workshop questions) and next steps.
import { itemText } from '../checklist/show.ts';
import { CLOSED_STATUSES, formatNumber, type Requirement } from '../checklist/types.ts';
import { isOpen, isOverdue } from '../checklist/view.ts';
import type { ProjectDetail, TrafficLight } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import type { OpenQuestion } from '../workshops/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { itemTable } from './item-table.ts';
import { paragraphs, plain, type Block, type DocumentModel } from './model.ts';

export interface StatusReportInput extends DocumentContext {
  detail: ProjectDetail;
  items: readonly Requirement[];
  /** Items whose status became done (or not needed) within the period. */
  doneInPeriod: ReadonlySet<string>;
  openQuestions: readonly OpenQuestion[];
  topicTitle(key: string): string;
  /** Meetings still to come, soonest first: title and local date-time. */
  nextMeetings: readonly { title: string; startsAt: string }[];
  /** Meetings and workshops held in the period, in order: what they were and when (yyyy-mm-dd). */
  heldInPeriod: readonly { title: string; date: string }[];
  period: { from: string; to: string };
}

const LIGHT_COLOUR: Record<TrafficLight, string> = { green: '#1e7a46', amber: '#b36b00', red: '#b3261e' };

/**
 * The light the checklist suggests. Red: a high-priority item blocked, or a quarter or more of
 * the open items overdue (at least two); amber: anything overdue or blocked; green: on track.
 * One late item is a matter for the next call, not a project in trouble.
 */
export function trafficLight(items: readonly Requirement[], today: string): TrafficLight {
  const open = items.filter(isOpen);
  const overdue = open.filter((r) => isOverdue(r, today));
  const blocked = open.filter((r) => r.status === 'blocked');
  if (blocked.some((r) => r.priority === 'high') || (overdue.length >= 2 && overdue.length * 4 >= open.length)) return 'red';
  return overdue.length > 0 || blocked.length > 0 ? 'amber' : 'green';
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function statusReport(input: StatusReportInput): DocumentModel {
  const { language, detail, period } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const text = itemText(language, new Map(detail.members.map((m) => [m.person.id, m.person.name])));
  const today = period.to;
  const computed = trafficLight(input.items, today);
  const notes = detail.project.statusNotes;
  const light = notes.light ?? computed;
  const overdue = input.items.filter((r) => isOverdue(r, today));
  const blocked = input.items.filter((r) => r.status === 'blocked');
  const dueSoon = input.items.filter((r) => isOpen(r) && r.dueDate !== null && r.dueDate >= today && r.dueDate <= addDays(today, 14));
  const done = input.items.filter((r) => input.doneInPeriod.has(r.id) && CLOSED_STATUSES.includes(r.status));

  const listOrNone = (list: readonly Requirement[], empty: MessageKey): Block =>
    list.length === 0 ? { type: 'paragraph', runs: plain(t(empty)) } : itemTable(list, { language, text, withStatus: false });

  const reasons = [
    ...(blocked.length ? [t('doc.status.blocked', { count: blocked.length })] : []),
    ...(overdue.length ? [t('doc.status.overdue', { count: overdue.length })] : []),
  ];
  const checklistByPhase = (phase: string) => input.items.filter((r) => r.phase === phase);

  const computedText = `${t(`doc.status.light.${computed}`)} — ${reasons.length ? reasons.join(', ') : t('doc.status.onTrack')}`;
  // The consultant's light leads, with their reason; the checklist's reading stays beside it.
  const lightRuns = notes.light
    ? [
        { text: t(`doc.status.light.${light}`), bold: true, color: LIGHT_COLOUR[light] },
        { text: ` — ${notes.lightReason.trim() || t('doc.status.setByConsultant')}` },
        { text: ` (${t('doc.status.checklistSays', { reading: computedText })})`, italic: true },
      ]
    : [
        { text: t(`doc.status.light.${light}`), bold: true, color: LIGHT_COLOUR[light] },
        { text: ` — ${reasons.length ? reasons.join(', ') : t('doc.status.onTrack')}` },
      ];
  const blocks: Block[] = [
    { type: 'toc', title: t('doc.contents') },
    { type: 'heading', level: 1, text: t('doc.status.overall'), numbered: true },
    { type: 'paragraph', runs: lightRuns },
    ...paragraphs(notes.summary),
    {
      type: 'keyValue',
      rows: [
        { label: t('doc.status.period'), value: plain(`${text.value('dueDate', period.from)} – ${text.value('dueDate', period.to)}`) },
        { label: t('doc.status.phase'), value: plain(t(`phase.${detail.project.phase}`)) },
        { label: t('doc.status.checklist'), value: plain(t('doc.checklist.counts', { total: input.items.length, done: input.items.filter((r) => !isOpen(r)).length, overdue: overdue.length })) },
      ],
    },
    ...(notes.risks.trim() ? [{ type: 'heading', level: 2, text: t('doc.status.risks'), numbered: true } as const, ...paragraphs(notes.risks)] : []),
    { type: 'heading', level: 1, text: t('doc.status.held'), numbered: true },
    input.heldInPeriod.length
      ? { type: 'list', ordered: false, items: input.heldInPeriod.map((h) => plain(`${text.value('dueDate', h.date)}: ${h.title}`)) }
      : { type: 'paragraph', runs: plain(t('doc.status.noneHeld')) },
    { type: 'heading', level: 1, text: t('doc.status.progress'), numbered: true },
    {
      type: 'table',
      columns: [
        { title: t('doc.status.phase'), width: 0.3 },
        { title: t('doc.status.activities'), width: 0.35 },
        { title: t('doc.status.checklist'), width: 0.35 },
      ],
      rows: detail.progress.map((p) => {
        const items = checklistByPhase(p.phase);
        return [
          [{ text: t(`phase.${p.phase}`), bold: p.phase === detail.project.phase }],
          plain(t('requirements.doneOf', { done: p.done + p.notNeeded, total: p.total })),
          plain(items.length ? t('requirements.doneOf', { done: items.filter((r) => !isOpen(r)).length, total: items.length }) : '–'),
        ];
      }),
    },
    { type: 'heading', level: 1, text: t('doc.status.done'), numbered: true },
    listOrNone(done, 'doc.status.noneDone'),
    { type: 'heading', level: 1, text: t('doc.status.dueSoon'), numbered: true },
    listOrNone(dueSoon, 'doc.status.noneDue'),
    { type: 'heading', level: 1, text: t('doc.status.overdueHeading'), numbered: true },
    listOrNone(overdue, 'doc.status.noneOverdue'),
    { type: 'heading', level: 1, text: t('doc.status.decisions'), numbered: true },
  ];
  const decisions = [
    ...blocked.map((r) => plain(`${formatNumber(r.number)} ${r.title} (${t('requirementStatus.blocked')}${r.responsibleId ? `, ${text.value('responsibleId', r.responsibleId)}` : ''})`)),
    ...input.openQuestions.map((q) =>
      plain(
        `${input.topicTitle(q.topicKey)}: ${q.text}${q.ownerId ? ` (${text.value('responsibleId', q.ownerId)}${q.dueDate ? `, ${t('workshops.dueOn', { date: text.value('dueDate', q.dueDate) })}` : ''})` : ''}`,
      ),
    ),
  ];
  blocks.push(decisions.length ? { type: 'list', ordered: false, items: decisions } : { type: 'paragraph', runs: plain(t('doc.status.noDecisions')) });
  blocks.push({ type: 'heading', level: 1, text: t('doc.status.next'), numbered: true });
  const steps = [
    ...input.nextMeetings.slice(0, 3).map((m) => plain(`${m.title}: ${text.value('dueDate', m.startsAt.slice(0, 10))} ${m.startsAt.slice(11)}`)),
    ...dueSoon.slice(0, 5).map((r) => plain(`${formatNumber(r.number)} ${r.title} — ${text.value('dueDate', r.dueDate)}`)),
  ];
  blocks.push(steps.length ? { type: 'list', ordered: false, items: steps } : { type: 'paragraph', runs: plain('–') });

  return {
    ...coverOf(input, {
      title: t('doc.status.title'),
      subtitle: `${detail.customer.name} · ${detail.project.name}`,
      subject: t('doc.status.title'),
      facts: [
        { label: t('doc.customer'), value: detail.customer.name },
        { label: t('doc.project'), value: detail.project.name },
        { label: t('doc.status.period'), value: `${text.value('dueDate', period.from)} – ${text.value('dueDate', period.to)}` },
        { label: t('doc.status.overall'), value: t(`doc.status.light.${light}`) },
      ],
      customerLogo: detail.customer.logo,
    }),
    blocks,
  };
}
