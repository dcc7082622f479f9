// How checklist values read, in one language: numbers as R-007, people by name, statuses,
// sides, phases and priorities translated, dates as the language writes them. The screen and
// the documents both use it, so a filter means the same in the list and in the exported file.
import { translate, type Language, type MessageKey } from '../i18n/index.ts';
import { formatNumber, type HistoryEntry, type Requirement } from './types.ts';
import type { Column } from './view.ts';

/** Catalogue prefixes of fields whose values are keys. */
const LABELLED: Partial<Record<string, string>> = {
  status: 'requirementStatus',
  phase: 'phase',
  ownerSide: 'side',
  priority: 'priority',
  source: 'requirementSource',
};

export function formatDay(language: Language, date: string | null): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function itemText(language: Language, names: ReadonlyMap<string, string>) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);

  /** One field's value as text; `raw` is what the item or a history holds. */
  const value = (field: string, raw: HistoryEntry['from']): string => {
    if (raw === null || raw === undefined || raw === '') return '';
    if (field === 'number' && typeof raw === 'number') return formatNumber(raw);
    if (field === 'responsibleId') return names.get(String(raw)) ?? t('requirements.formerMember');
    if (field === 'dueDate') return formatDay(language, String(raw));
    const prefix = LABELLED[field];
    return prefix ? t(`${prefix}.${String(raw)}` as MessageKey) : String(raw);
  };

  const show = (item: Requirement, column: Column): string => (column === 'number' ? formatNumber(item.number) : value(column, item[column]));

  const fieldLabel = (field: string): string => t(`requirements.column.${field}` as MessageKey);

  const change = (field: string, from: HistoryEntry['from'], to: HistoryEntry['to']): string =>
    t('requirements.change', { field: fieldLabel(field), from: value(field, from) || '–', to: value(field, to) || '–' });

  /** One entry of an item's history, with the reason where sync made the change. */
  const historyText = ({ field, from, to, why }: Pick<HistoryEntry, 'field' | 'from' | 'to' | 'why'>): string =>
    why === 'renumbered' ? t('requirements.renumbered', { field: fieldLabel(field), from: value(field, from), to: value(field, to) }) : change(field, from, to);

  /** "was R-042" for an item sync renumbered; '' for the others. */
  const formerNumbers = (item: Pick<Requirement, 'formerNumbers'>): string =>
    item.formerNumbers.length === 0 ? '' : t('requirements.formerNumbers', { numbers: item.formerNumbers.map(formatNumber).join(', ') });

  return { value, show, fieldLabel, change, historyText, formerNumbers };
}
