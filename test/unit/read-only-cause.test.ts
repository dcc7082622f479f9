// Why the database is read-only, in words: every cause the core can find has its wording in English
// and in German, German as a German consultant writes it (no English word in it), and the
// English is what the command line and the errors' messages say.
import { describe, expect, it } from 'vitest';
import type { ReadOnlyCause } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { LANGUAGES, type Language } from '../../shared/i18n/index.ts';
import { readOnlyRefusal, readOnlyText } from '../../shared/read-only-cause.ts';

const FILE = '/home/jonas/.config/Fieldbook/fieldbook.sqlite';
const FOLDER = '/home/jonas/.config/Fieldbook';
/** What SQLite says stays in its own words; in these examples it is a code, not a sentence. */
const SQLITE_SAYS = 'SQLITE_BUSY';

/** Every cause, with every variant that changes the wording. */
const CAUSES: ReadOnlyCause[] = [
  { cause: 'checking' },
  { cause: 'newerSchema', version: 7, known: 6 },
  ...[false, true].flatMap((inMemoryCopy): ReadOnlyCause[] => [
    { cause: 'readOnlyMedium', file: FILE, inMemoryCopy },
    { cause: 'folderNotWritable', folder: FOLDER, inMemoryCopy },
    { cause: 'otherUser', file: FILE, uid: 1001, inMemoryCopy },
    { cause: 'notWritable', file: FILE, inMemoryCopy },
  ]),
  { cause: 'damaged', file: FILE, problem: SQLITE_SAYS, moreProblems: 0, newestBackup: null },
  { cause: 'damaged', file: FILE, problem: SQLITE_SAYS, moreProblems: 9, newestBackup: '2026-11-30T09:01:00.000Z' },
  { cause: 'checkFailed', file: FILE, error: SQLITE_SAYS },
  { cause: 'notOpenableForWriting', file: FILE, error: SQLITE_SAYS },
];

/** Words only the other language uses, as they would leak into a sentence. */
const FOREIGN: Record<Language, RegExp> = {
  de: /\b(the|and|or|is|are|of|to|it|its|this|by|with|for|not|may|can|cannot|open|opened|read-only|database|file|folder|user|copy|backup|changes?|damaged|check(ed)?|newer|update|writes?|writing|own|more|there|no)\b/i,
  en: /\b(und|oder|der|die|das|ist|sind|mit|nicht|Datenbank|Datei|Ordner|Sicherung|Benutzer|schreibgeschützt|geöffnet|beschädigt|Prüfung)\b/,
};

/** The text without the values filled in (paths, SQLite's words), which are no language's. */
const withoutValues = (text: string): string => text.replaceAll(FILE, '').replaceAll(FOLDER, '').replaceAll(SQLITE_SAYS, '');

describe('why the database is read-only', () => {
  it.each(CAUSES.map((cause) => [cause.cause, cause] as const))('%s is written in both languages, each in its own words', (_, cause) => {
    const texts = Object.fromEntries(LANGUAGES.map((language) => [language, readOnlyText(cause, language)])) as Record<Language, string>;
    for (const language of LANGUAGES) {
      const text = texts[language];
      expect(text, language).not.toMatch(/\{\w+\}/);
      expect(text, language).toMatch(/[.]$/);
      expect(withoutValues(text).match(FOREIGN[language]), `${language}: ${text}`).toBeNull();
    }
    expect(texts.de).not.toBe(texts.en);
  });

  it('says the schema versions, the user id and the backup time as each language writes them', () => {
    expect(readOnlyText({ cause: 'newerSchema', version: 7, known: 6 }, 'de')).toBe(
      'Die Datenbank wurde von einer neueren Fieldbook-Version geschrieben (Schema 7; diese Version kennt bis 6). Sie ist schreibgeschützt geöffnet: Aktualisieren Sie Fieldbook, um sie zu bearbeiten.',
    );
    expect(readOnlyText({ cause: 'newerSchema', version: 7, known: 6 }, 'en')).toBe(
      'This database was written by a newer Fieldbook (schema 7; this version knows up to 6). It is open read-only: update Fieldbook to edit it.',
    );
    // A user id is no quantity: no thousands separator.
    expect(readOnlyText({ cause: 'otherUser', file: FILE, uid: 65534, inMemoryCopy: false }, 'en')).toContain('(user id 65534)');
    expect(readOnlyText({ cause: 'otherUser', file: FILE, uid: 65534, inMemoryCopy: false }, 'de')).toContain('(Benutzerkennung 65534)');
    const damaged: ReadOnlyCause = { cause: 'damaged', file: FILE, problem: 'Tree 4 page 9 cell 0: invalid page number 4294967295', moreProblems: 2, newestBackup: '2026-11-30T09:01:00.000Z' };
    expect(readOnlyText(damaged, 'en')).toBe(
      `The database ${FILE} is damaged (SQLite's check found: Tree 4 page 9 cell 0: invalid page number 4294967295, and 2 more). Fieldbook writes nothing to it and leaves it exactly as it is. Restore the newest backup (2026-11-30T09:01:00.000Z) to work on; the damaged file is kept beside it.`,
    );
    expect(readOnlyText(damaged, 'de')).toContain('invalid page number 4294967295 und 2 weitere). Fieldbook schreibt nichts hinein');
    expect(readOnlyText(damaged, 'de')).toContain('Stellen Sie die neueste Sicherung (30.11.2026 09:01 UTC) wieder her');
    // The window writes the time on the consultant's clock.
    expect(readOnlyText(damaged, 'de', { time: () => '30.11.2026 10:01' })).toContain('Sicherung (30.11.2026 10:01) wieder her');
  });

  it('says a copy in memory after the cause', () => {
    expect(readOnlyText({ cause: 'notWritable', file: FILE, inMemoryCopy: true }, 'en')).toBe(
      `The database file ${FILE} is read-only (its permissions do not allow writing), so Fieldbook cannot change it. What you see is the file as it was when Fieldbook opened it.`,
    );
    expect(readOnlyText({ cause: 'notWritable', file: FILE, inMemoryCopy: true }, 'de')).toMatch(/daher kann Fieldbook sie nicht ändern\. Sie sehen die Datei in dem Stand/);
  });

  it('says a refusal with its cause when the error carries one, and that the change was not saved when not', () => {
    const cause: ReadOnlyCause = { cause: 'checking' };
    const error = ApiError.fromBody(JSON.parse(JSON.stringify(new ApiError({ code: 'read_only', message: readOnlyText(cause, 'en'), readOnly: cause }))));
    expect(error.readOnly).toEqual(cause);
    expect(readOnlyRefusal(error.readOnly, 'de')).toBe(readOnlyText(cause, 'de'));
    expect(readOnlyRefusal(undefined, 'de')).toBe('Die Datenbank ist schreibgeschützt geöffnet, daher wurde diese Änderung nicht gespeichert.');
    expect(readOnlyRefusal(undefined, 'en')).toBe('The database is open read-only, so this change has not been saved.');
  });
});
