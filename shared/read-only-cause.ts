// Why the database is read-only, in words: one wording per language for every cause the core
// finds (ReadOnlyCause in domain.ts). The core writes it in English for the command line and the
// messages of its errors; the window writes it in the UI language.
import type { ReadOnlyCause } from './domain.ts';
import { translate, type Language, type MessageKey, type MessageValues } from './i18n/index.ts';

export interface ReadOnlyTextOptions {
  /** Writes the newest backup's time (ISO 8601, UTC); by default as utcTime does. */
  time?: (iso: string) => string;
}

/** A moment (ISO 8601, UTC) as the language writes it: as stored in English, 30.11.2026 09:01 UTC in German. */
export function utcTime(iso: string, language: Language): string {
  if (language === 'en') return iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]} UTC` : iso;
}

/** Why the database is read-only, as `language` writes it. */
export function readOnlyText(cause: ReadOnlyCause, language: Language, options: ReadOnlyTextOptions = {}): string {
  const t = (key: MessageKey, values?: MessageValues): string => translate(language, key, values);
  /** A file read from a copy in memory shows it as it was when it was opened: said after the cause. */
  const copied = (text: string, inMemoryCopy: boolean): string => (inMemoryCopy ? `${text} ${t('readOnly.inMemoryCopy')}` : text);
  switch (cause.cause) {
    case 'checking':
      return t('readOnly.checking');
    case 'newerSchema':
      return t('readOnly.newerSchema', { version: cause.version, known: cause.known });
    case 'readOnlyMedium':
      return copied(t('readOnly.readOnlyMedium', { file: cause.file }), cause.inMemoryCopy);
    case 'folderNotWritable':
      return copied(t('readOnly.folderNotWritable', { folder: cause.folder }), cause.inMemoryCopy);
    case 'otherUser':
      // A user id is a name, not a quantity: never written with a thousands separator.
      return copied(t('readOnly.otherUser', { file: cause.file, uid: String(cause.uid) }), cause.inMemoryCopy);
    case 'notWritable':
      return copied(t('readOnly.notWritable', { file: cause.file }), cause.inMemoryCopy);
    case 'damaged': {
      const found = cause.moreProblems > 0 ? t('readOnly.damagedFoundMore', { problem: cause.problem, more: cause.moreProblems }) : cause.problem;
      const time = options.time ?? ((iso: string) => utcTime(iso, language));
      const advice = cause.newestBackup === null ? t('readOnly.noBackup') : t('readOnly.restoreNewest', { time: time(cause.newestBackup) });
      return `${t('readOnly.damaged', { file: cause.file, found })} ${advice}`;
    }
    case 'checkFailed':
      return t('readOnly.checkFailed', { file: cause.file, error: cause.error });
    case 'notOpenableForWriting':
      return t('readOnly.notOpenableForWriting', { file: cause.file, error: cause.error });
  }
}

/** A change refused because the database is read-only, as `language` writes it: why, when the refusal says. */
export function readOnlyRefusal(cause: ReadOnlyCause | undefined, language: Language, options: ReadOnlyTextOptions = {}): string {
  return cause ? readOnlyText(cause, language, options) : translate(language, 'readOnly.refused');
}
