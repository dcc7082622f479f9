// The renderer's side of i18n: the current language's translate function as a hook, and the
// few formatting helpers the screens share.
import { useCallback } from 'react';
import type { Activity, IsoDate } from '../../shared/domain.ts';
import { translate, type Language, type MessageKey, type MessageValues } from '../../shared/i18n/index.ts';
import { DEFAULT_PROCESS_TEMPLATE, findTemplateActivity } from '../../shared/process-template.ts';
import { useUi } from './state/ui.ts';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function useT(): Translate {
  const language = useUi((s) => s.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}

export function formatDate(language: Language, date: IsoDate | null): string | null {
  if (!date) return null;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Template activities show the template's title in the UI language; the consultant's own keep theirs. */
export function activityTitle(activity: Activity, language: Language): string {
  if (activity.templateKey === null) return activity.title;
  return findTemplateActivity(DEFAULT_PROCESS_TEMPLATE, activity.templateKey)?.title[language] ?? activity.title;
}

export function activityHint(activity: Activity, language: Language): string | null {
  if (activity.templateKey === null) return null;
  return findTemplateActivity(DEFAULT_PROCESS_TEMPLATE, activity.templateKey)?.hint?.[language] ?? null;
}

/** A meeting's `YYYY-MM-DDTHH:MM` as the UI language writes a date and time. */
export function formatDateTime(language: Language, value: string | null): string | null {
  if (!value) return null;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${value}:00Z`));
}
