// Checklist items as a document table, the same way in every document: number, title (with its
// description where wanted), responsible person, owner side, due date (bold when overdue) and,
// where wanted, status.
import type { itemText } from '../checklist/show.ts';
import { formatNumber, type Requirement } from '../checklist/types.ts';
import { isOverdue } from '../checklist/view.ts';
import { translate, type Language } from '../i18n/index.ts';
import { plain, type Block } from './model.ts';

interface Options {
  language: Language;
  text: ReturnType<typeof itemText>;
  /** Bold due dates of items overdue on this day. */
  today?: string;
  withStatus?: boolean;
  withDescription?: boolean;
}

export function itemTable(items: readonly Requirement[], { language, text, today, withStatus = true, withDescription = false }: Options): Block {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const status = withStatus ? [{ title: t('requirements.column.status'), width: 0.13 }] : [];
  return {
    type: 'table',
    columns: [
      { title: t('doc.col.number'), width: 0.09 },
      { title: t('requirements.column.title'), width: withStatus ? 0.33 : 0.4 },
      { title: t('requirements.column.responsibleId'), width: withStatus ? 0.17 : 0.2 },
      { title: t('requirements.column.ownerSide'), width: 0.14 },
      { title: t('requirements.column.dueDate'), width: withStatus ? 0.14 : 0.17 },
      ...status,
    ],
    rows: items.map((r) => [
      plain(formatNumber(r.number)),
      withDescription && r.description ? [{ text: r.title, bold: true }, { text: `\n${r.description}` }] : plain(r.title),
      plain(text.value('responsibleId', r.responsibleId) || '–'),
      plain(text.value('ownerSide', r.ownerSide) || '–'),
      [{ text: text.value('dueDate', r.dueDate) || '–', bold: today !== undefined && isOverdue(r, today) }],
      ...(withStatus ? [plain(text.value('status', r.status))] : []),
    ]),
  };
}
