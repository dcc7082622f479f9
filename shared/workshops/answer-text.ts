// An answer as a person reads it in a document: the chosen options' labels, numbers with their
// unit, yes/no, people by name, dates as the language writes them, lists joined naturally.
import type { Language } from '../i18n/index.ts';
import type { AnswerValue } from './answers.ts';
import type { PackField } from './pack.ts';

function joinList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/** The answer as text, or null when there is nothing to say (no answer, an image, a table). */
export function answerText(field: PackField, value: AnswerValue | undefined, language: Language, names: ReadonlyMap<string, string>): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'text':
    case 'longtext':
      return String(value).trim() || null;
    case 'number':
      return `${new Intl.NumberFormat(language).format(Number(value))}${field.unit ? ` ${field.unit}` : ''}`;
    case 'bool':
      return value === true ? (language === 'de' ? 'ja' : 'yes') : language === 'de' ? 'nein' : 'no';
    case 'select':
      return field.options.find((o) => o.value === value)?.label[language] ?? String(value);
    case 'multi': {
      const labels = (value as string[]).map((v) => field.options.find((o) => o.value === v)?.label[language] ?? v);
      return labels.length ? joinList(labels, language) : null;
    }
    case 'capabilities':
    case 'hostlist':
      return (value as string[]).length ? joinList(value as string[], language) : null;
    case 'date':
      return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${String(value)}T00:00:00Z`));
    case 'person':
      return names.get(String(value)) ?? null;
    case 'table':
    case 'image':
      return null;
  }
}
