// How checklist values read on screen, in the UI language: numbers as R-007, people by name,
// statuses, sides, phases and priorities translated, dates as the language writes them. Filters
// match what is shown, and histories and minutes describe changes the same way.
import { useMemo } from 'react';
import { formatNumber, type Requirement } from '../../../../shared/checklist/types.ts';
import type { Column } from '../../../../shared/checklist/view.ts';
import type { MessageKey } from '../../../../shared/i18n/index.ts';
import { formatDate, useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useUi } from '../../state/ui.ts';

/** Catalogue prefixes of fields whose values are keys. */
const LABELLED: Partial<Record<string, string>> = {
  status: 'requirementStatus',
  phase: 'phase',
  ownerSide: 'side',
  priority: 'priority',
  source: 'requirementSource',
};

export function useItemText() {
  const t = useT();
  const language = useUi((s) => s.language);
  const members = useOpenProject((s) => s.detail?.members);

  // Stable between renders while language and people stay: the list's filtering and sorting
  // depend on these functions and must not run again on every keystroke elsewhere.
  return useMemo(() => {
    const names = new Map((members ?? []).map((m) => [m.person.id, m.person.name]));

    /** One field's value as text; `raw` is what the item or a history holds. */
    const value = (field: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return '';
      if (field === 'responsibleId') return names.get(String(raw)) ?? t('requirements.formerMember');
      if (field === 'dueDate') return formatDate(language, String(raw)) ?? '';
      const prefix = LABELLED[field];
      return prefix ? t(`${prefix}.${String(raw)}` as MessageKey) : String(raw);
    };

    const show = (item: Requirement, column: Column): string => (column === 'number' ? formatNumber(item.number) : value(column, item[column]));

    const fieldLabel = (field: string): string => t(`requirements.column.${field}` as MessageKey);

    const change = (field: string, from: unknown, to: unknown): string =>
      t('requirements.change', { field: fieldLabel(field), from: value(field, from) || '–', to: value(field, to) || '–' });

    return { value, show, fieldLabel, change };
  }, [t, language, members]);
}
