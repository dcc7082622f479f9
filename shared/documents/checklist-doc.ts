// The requirements checklist as a document: the items the list shows (same view, filters,
// search and order), grouped by phase or by category, with progress per group and a summary.
import { itemText } from '../checklist/show.ts';
import { CLOSED_STATUSES, type Requirement } from '../checklist/types.ts';
import { isOverdue, queryItems, type ChecklistQuery } from '../checklist/view.ts';
import type { Customer, Project, ProjectMember } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { itemTable } from './item-table.ts';
import { plain, type Block, type DocumentModel } from './model.ts';

export const CHECKLIST_GROUPINGS = ['phase', 'category'] as const;
export type ChecklistGrouping = (typeof CHECKLIST_GROUPINGS)[number];

export interface ChecklistDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  people: readonly ProjectMember[];
  items: readonly Requirement[];
  query: ChecklistQuery;
  groupBy: ChecklistGrouping;
  /** The day overdue is counted from. */
  today: string;
}

export function checklistDocument(input: ChecklistDocInput): DocumentModel {
  const { language } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const text = itemText(language, new Map(input.people.map((m) => [m.person.id, m.person.name])));
  const items = queryItems(input.items, input.query, text.show, input.today);
  const done = items.filter((r) => CLOSED_STATUSES.includes(r.status)).length;
  const overdue = items.filter((r) => isOverdue(r, input.today)).length;

  const groups = new Map<string, Requirement[]>();
  for (const item of items) {
    const key = input.groupBy === 'phase' ? text.value('phase', item.phase) : item.category;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }

  // No contents: the checklist is a summary and a table per group, and its PDF has bookmarks.
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: t('doc.checklist.summary'), numbered: true },
    {
      type: 'keyValue',
      rows: [
        { label: t('doc.checklist.view'), value: plain(t(`requirements.view.${input.query.view}`)) },
        { label: t('doc.checklist.items'), value: plain(t('doc.checklist.counts', { total: items.length, done, overdue })) },
        ...(input.query.search ? [{ label: t('requirements.search'), value: plain(input.query.search) }] : []),
        ...Object.entries(input.query.filters)
          .filter(([, v]) => v && v.trim())
          .map(([column, v]) => ({ label: t('requirements.filterBy', { column: text.fieldLabel(column) }), value: plain(v) })),
      ],
    },
  ];
  for (const [key, members] of groups) {
    const finished = members.filter((r) => CLOSED_STATUSES.includes(r.status)).length;
    blocks.push({ type: 'heading', level: 1, text: key || t('requirements.none'), numbered: true });
    blocks.push({ type: 'paragraph', runs: plain(t('requirements.doneOf', { done: finished, total: members.length })) });
    blocks.push(itemTable(members, { language, text, today: input.today, withDescription: true }));
  }
  if (items.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('doc.checklist.empty')) });

  return {
    ...coverOf(input, {
      title: t('doc.checklist.title'),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.checklist.title'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.checklist.groupedBy'), value: t(`doc.checklist.by.${input.groupBy}`) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
