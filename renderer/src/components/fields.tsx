// Form fields that save themselves (see useDraft): a label, the control, and the reason beside
// it when the API refused the value. Every control gets its accessible name from its label.
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/errors.ts';
import { useT, type Translate } from '../i18n.ts';
import { useUi } from '../state/ui.ts';
import { useDraft } from '../state/use-draft.ts';
import { failureText } from './error-text.ts';

export interface Option {
  value: string;
  label: string;
}

interface FrameProps {
  label: string;
  /** Marks the label; the control itself gets aria-required from its caller. */
  required?: boolean | undefined;
  hint?: string | undefined;
  error: string | null;
  /** Hides the label and the hint visually (they still name and describe the control), for fields inside a table row. */
  compact?: boolean | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

export function FieldFrame({ label, required, hint, error, compact, children }: FrameProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={compact ? 'field field-compact' : 'field'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
        {required && <span className="required-mark"> ({t('common.required')})</span>}
      </label>
      {children({ id, describedBy })}
      {hint && (
        <p id={hintId} className={compact ? 'field-hint visually-hidden' : 'field-hint'}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * What to show beside a field: the API's reason for `field` (or for the one value an autosave
 * sent, when no field is given) in the UI language, or else its English message without the
 * "field: " prefix it carries for the command line. A value refused because the database is
 * read-only says so in the UI language (the language `t` writes, which the caller re-renders with).
 */
export function errorFor(t: Translate, error: ApiError | null, field?: string): string | null {
  if (!error) return null;
  if (error.code === 'read_only') return field === undefined ? failureText(error, useUi.getState().language) : null;
  const issue = error.issues?.find((i) => field === undefined || i.field === field);
  if (issue?.reason) return t(`validation.${issue.reason}`, issue.limit === undefined ? undefined : { limit: issue.limit });
  if (issue) return issue.message;
  if (field !== undefined && error.field !== field) return null;
  return error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
}

interface TextProps {
  label: string;
  saved: string;
  save: (value: string) => Promise<unknown>;
  type?: 'text' | 'email' | 'tel' | 'number';
  multiline?: boolean;
  hint?: string;
  compact?: boolean;
}

export function AutoText({ label, saved, save, type = 'text', multiline, hint, compact }: TextProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} hint={hint} error={error} compact={compact}>
      {({ id, describedBy }) => {
        const common = {
          id,
          value: draft.value,
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          onBlur: () => void draft.flush(),
        };
        return multiline ? (
          <textarea {...common} rows={3} onChange={(e) => draft.change(e.target.value)} />
        ) : (
          <input {...common} type={type} min={type === 'number' ? 0 : undefined} onChange={(e) => draft.change(e.target.value)} />
        );
      }}
    </FieldFrame>
  );
}

interface SelectProps {
  label: string;
  saved: string;
  options: readonly Option[];
  save: (value: string) => Promise<unknown>;
  compact?: boolean;
}

export function AutoSelect({ label, saved, options, save, compact }: SelectProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  return <SelectField label={label} value={draft.value} options={options} onChange={draft.commit} error={errorFor(t, draft.error)} compact={compact} />;
}

/** Date and number inputs hold text; the API wants null for "not set". */
export const emptyToNull = (value: string): string | null => (value === '' ? null : value);
export const toCount = (value: string): number | null => (value.trim() === '' ? null : Number(value));

interface PlainTextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  type?: 'text' | 'email' | 'tel';
  multiline?: boolean;
  required?: boolean;
  autoFocus?: boolean;
}

/** A field of a form that is saved as a whole (the create dialogs). */
export function TextField({ label, value, onChange, error = null, type = 'text', multiline, required, autoFocus }: PlainTextProps) {
  return (
    <FieldFrame label={label} error={error}>
      {({ id, describedBy }) => {
        const common = { id, value, required, autoFocus, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
        return multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </FieldFrame>
  );
}

interface PlainSelectProps {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  error?: string | null;
  compact?: boolean;
  required?: boolean | undefined;
  hint?: string | undefined;
}

export function SelectField({ label, value, options, onChange, error = null, compact, required, hint }: PlainSelectProps) {
  return (
    <FieldFrame label={label} error={error} compact={compact} required={required} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} value={value} aria-describedby={describedBy} aria-required={required || undefined} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
