// Translation for the UI and, later, the documents: one catalogue per language, looked up by key,
// with `{name}` placeholders filled from the given values.
import { de } from './de.ts';
import { en, type MessageKey, type Messages } from './en.ts';

export type { MessageKey };

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

const CATALOGUES: Record<Language, Messages> = { en, de };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type MessageValues = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const text = CATALOGUES[language][key];
  if (!values) return text;
  // A placeholder without a value stays visible rather than silently vanishing.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? shown(values[name]!, language) : whole));
}

/** A number fills a placeholder in the language's format (1,234.5 / 1.234,5); text as it is. */
function shown(value: string | number, language: Language): string {
  return typeof value === 'number' ? new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value) : value;
}
