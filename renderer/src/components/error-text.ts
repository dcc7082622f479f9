// Failures as the window says them: a change refused because the database is read-only in the
// UI language (why, when the refusal carries its cause; see shared/read-only-cause.ts), or because
// the project is closed, anything else by its message.
import type { ReadOnlyCause } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { readOnlyRefusal, readOnlyText } from '../../../shared/read-only-cause.ts';
import { showDate } from './date-text.ts';

/** A moment as the consultant's clock shows it, written as the UI language writes a date and time. */
export function localDateTime(iso: string, language: Language): string {
  const moment = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return showDate(`${localIsoDate(moment)}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`, language);
}

/** Why the database is read-only, in the UI language; a backup's time on the consultant's clock. */
export function readOnlyReason(cause: ReadOnlyCause, language: Language): string {
  return readOnlyText(cause, language, { time: (iso) => localDateTime(iso, language) });
}

/** What a failure says in the UI language: a read-only refusal translated, anything else its message. */
export function failureText(error: unknown, language: Language): string {
  if (error instanceof ApiError && error.code === 'read_only') return readOnlyRefusal(error.readOnly, language, { time: (iso) => localDateTime(iso, language) });
  if (error instanceof ApiError && error.code === 'project_closed') return translate(language, 'closing.refused');
  return error instanceof Error ? error.message : String(error);
}
