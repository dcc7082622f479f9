// An answer as a person reads it in a document: the chosen options' labels, numbers with their
// unit (see quantity.ts), yes/no, people by name, dates as the language writes them, lists joined naturally.
import type { Language } from '../i18n/index.ts';
import { formatNumber, formatQuantity } from '../quantity.ts';
import type { AnswerValue } from './answers.ts';
import type { ChoiceOption, PackField } from './pack.ts';

function joinList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * The answer as text, or null when there is nothing to say (no answer, an image, a table).
 * `inSentence` takes the choices' wording for inside a statement where the pack gives one.
 */
export function answerText(field: PackField, value: AnswerValue | undefined, language: Language, names: ReadonlyMap<string, string>, inSentence = false): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'text':
    case 'longtext':
      return single(value)?.trim() || null;
    case 'number':
      return field.unit ? formatQuantity(Number(value), field.unit, language) : formatNumber(Number(value), language);
    case 'bool':
      return value === true ? (language === 'de' ? 'ja' : 'yes') : language === 'de' ? 'nein' : 'no';
    case 'select': {
      const option = field.options.find((o) => o.value === value);
      return option ? choiceText(option, language, inSentence) : single(value);
    }
    case 'multi': {
      const labels = (value as string[]).map((v) => {
        const option = field.options.find((o) => o.value === v);
        return option ? choiceText(option, language, inSentence) : v;
      });
      return labels.length ? joinList(labels, language) : null;
    }
    case 'capabilities':
    case 'hostlist':
      return (value as string[]).length ? joinList(value as string[], language) : null;
    case 'date': {
      const day = single(value);
      return day === null ? null : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    }
    case 'person': {
      const id = single(value);
      return id === null ? null : (names.get(id) ?? null);
    }
    case 'table':
    case 'image':
      return null;
  }
}

/** A single answer as text; a list or a table, which the schema never lets a field of a single-value type hold, has none. */
function single(value: AnswerValue): string | null {
  return value === null || typeof value === 'object' ? null : String(value);
}

function choiceText(option: ChoiceOption, language: Language, inSentence: boolean): string {
  return (inSentence ? option.inSentence?.[language] : undefined) ?? option.label[language];
}

/**
 * The answer as a sentence of the concept: the chosen option's own sentence, or the field's
 * statement (for yes or no) with the answer in place of {value}; null when the pack has none.
 */
export function statementOf(field: PackField, value: AnswerValue | undefined, language: Language, names: ReadonlyMap<string, string>): string | null {
  if (field.type === 'select') {
    const own = field.options.find((o) => o.value === value)?.statement;
    if (own) return own[language];
  }
  const statement = field.type === 'bool' ? (value === true ? field.statement : field.statementNo) : field.statement;
  if (!statement) return null;
  const text = answerText(field, value, language, names, true);
  return text === null ? null : statement[language].replace('{value}', text);
}
