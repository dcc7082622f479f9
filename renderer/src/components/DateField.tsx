// The one field for entering a date (or a date and time): a text field in the UI language's form
// (see date-text.ts), because a native date input follows the browser's locale and showed
// mm/dd/yyyy on German screens. The expected form is the field's description. What was typed is
// never replaced while it is being typed: 1.12.26 stays 1.12.26 although 2026-12-01 is stored.
// Text that is no date stays as typed and goes up unchanged, so the API refuses it like any other
// bad value (the autosave keeps it and reports it unsaved, a dialog does not submit it); beside
// the field stands why, in the UI language.
import { useEffect, useRef, useState } from 'react';
import { useT, type Translate } from '../i18n.ts';
import { useUi } from '../state/ui.ts';
import { useDraft } from '../state/use-draft.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import { EXAMPLE, monthName, readDate, showDate, type DateKind, type DateProblem } from './date-text.ts';
import { errorFor, FieldFrame } from './fields.tsx';

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD (YYYY-MM-DDTHH:MM with `withTime`), '' for none, or the text typed when it is no date. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Why the API refused the value. */
  error?: string | null;
  withTime?: boolean;
  required?: boolean;
  hint?: string;
  /** A field in a table row: the label and the format are there for screen readers, the form shows as placeholder. */
  compact?: boolean;
}

export function DateField({ label, value, onChange, onBlur, error = null, withTime, required, hint, compact }: DateFieldProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  const kind: DateKind = withTime ? 'dateTime' : 'date';
  const [text, setText] = useState(() => showDate(value, language));
  const [left, setLeft] = useState(false);

  // A value from outside (a reload, a save elsewhere) or a switch of language shows in the UI
  // language's form; the value this field sent up itself comes back unchanged and changes nothing.
  const shown = useRef({ value, language });
  useEffect(() => {
    if (shown.current.value === value && shown.current.language === language) return;
    shown.current = { value, language };
    setText(showDate(value, language));
  }, [value, language]);

  const change = (typed: string) => {
    const reading = readDate(typed, kind);
    const next = 'value' in reading ? reading.value : typed;
    shown.current = { value: next, language };
    setText(typed);
    setLeft(false);
    onChange(next);
  };

  const form = { format: t(withTime ? 'dateField.formatWithTime' : 'dateField.format'), example: showDate(EXAMPLE[kind], language) };
  const reading = readDate(text, kind);
  // The reason shows once the field is left or the value refused, not at every keystroke of a date half typed.
  const problem = 'problem' in reading && (left || error) ? reasonFor(reading.problem, form, language, t) : null;
  const shownError = problem ?? error;
  const formatHint = t('dateField.hint', form);

  return (
    <FieldFrame label={label} required={required} hint={hint ? `${formatHint}. ${hint}` : formatHint} error={shownError} compact={compact}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          className="date-input"
          value={text}
          placeholder={compact ? form.format : undefined}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={shownError ? true : undefined}
          aria-required={required || undefined}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            setLeft(true);
            onBlur?.();
          }}
        />
      )}
    </FieldFrame>
  );
}

/** The format and an example in it, as the hint and the refusal of unreadable text name them. */
interface Form {
  format: string;
  example: string;
}

function reasonFor(problem: DateProblem, form: Form, language: Language, t: Translate): string {
  switch (problem.kind) {
    case 'unreadable':
      return t('dateField.unreadable', { ...form });
    case 'noSuchMonth':
      return t('dateField.noSuchMonth', { date: problem.date });
    case 'noSuchDay':
      return t('dateField.noSuchDay', { date: problem.date, month: monthName(problem.year, problem.month, language), days: problem.days });
    case 'noSuchTime':
      return t('dateField.noSuchTime', { time: problem.time });
  }
}

interface AutoDateProps {
  label: string;
  /** The stored date, '' for none. */
  saved: string;
  save: (value: string) => Promise<unknown>;
  withTime?: boolean;
  required?: boolean;
  hint?: string;
  compact?: boolean;
}

/** A date field that saves itself as it is typed, like AutoText. */
export function AutoDate({ label, saved, save, ...rest }: AutoDateProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  return <DateField {...rest} label={label} value={draft.value} onChange={draft.change} onBlur={() => void draft.flush()} error={errorFor(t, draft.error)} />;
}
