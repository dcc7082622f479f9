// The fields of the SOW editor. They save as typed, like every form (useDraft), and know whether
// the version is frozen: a sent version's fields are read-only, and trying to type into one, paste
// or pick another choice asks whether to start the next version instead (FrozenContext).
import { createContext, useContext, type ClipboardEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { editableDecimal, parseDecimal } from '../../../../shared/money.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { errorFor, FieldFrame, type Option } from '../../components/fields.tsx';
import { formatDate, useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useDraft } from '../../state/use-draft.ts';

/** Whether the version shown is frozen, and what to do when someone tries to change it. */
export const FrozenContext = createContext<{ frozen: boolean; ask: () => void }>({ frozen: false, ask: () => {} });

/** Keys that would change a field's text (not moving, selecting or copying). */
function edits(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return e.key.toLowerCase() === 'v' || e.key.toLowerCase() === 'x';
  return e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter';
}

/** What a read-only field of a frozen version does when someone tries to type into it. */
function useFrozenInput() {
  const { frozen, ask } = useContext(FrozenContext);
  if (!frozen) return {};
  return {
    readOnly: true,
    onKeyDown: (e: KeyboardEvent) => {
      if (!edits(e)) return;
      e.preventDefault();
      ask();
    },
    onPaste: (e: ClipboardEvent) => {
      e.preventDefault();
      ask();
    },
  };
}

interface TextProps {
  label: string;
  saved: string;
  save: (value: string) => Promise<unknown>;
  multiline?: boolean;
  compact?: boolean;
}

export function SowText({ label, saved, save, multiline, compact }: TextProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  const frozen = useFrozenInput();
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} error={error} compact={compact}>
      {({ id, describedBy }) => {
        const common = { id, value: draft.value, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, onBlur: () => void draft.flush(), ...frozen };
        return multiline ? <textarea {...common} rows={4} onChange={(e) => draft.change(e.target.value)} /> : <input {...common} type="text" onChange={(e) => draft.change(e.target.value)} />;
      }}
    </FieldFrame>
  );
}

interface NumberProps {
  label: string;
  /** The stored integer: hundredths of a day, minor units, basis points. */
  saved: number;
  /** How many decimals the integer holds (2 for days and cents, 2 for a percentage of basis points). */
  digits: number;
  save: (value: number) => Promise<unknown>;
  compact?: boolean;
}

/**
 * A number typed as the UI language writes it (2,5 / 2.5), stored as an exact integer. Text that
 * is no such number stays in the field with the reason beside it, and nothing is saved.
 */
export function SowNumber({ label, saved, digits, save, compact }: NumberProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  const draft = useDraft(editableDecimal(saved, digits, language), (text: string) => {
    const value = parseDecimal(text, digits, language);
    if (value === null) return Promise.reject(new ApiError({ code: 'invalid_input', message: t('sow.notANumber', { example: editableDecimal(250, 2, language) }) }));
    return save(value);
  });
  const frozen = useFrozenInput();
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} error={error} compact={compact}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          className="number-input"
          value={draft.value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onBlur={() => void draft.flush()}
          onChange={(e) => draft.change(e.target.value)}
          {...frozen}
        />
      )}
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

export function SowSelect({ label, saved, options, save, compact }: SelectProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  const { frozen, ask } = useContext(FrozenContext);
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} error={error} compact={compact}>
      {({ id, describedBy }) => (
        <select
          id={id}
          value={draft.value}
          aria-describedby={describedBy}
          aria-readonly={frozen || undefined}
          onChange={(e) => (frozen ? ask() : draft.commit(e.target.value))}
        >
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

interface DateProps {
  label: string;
  saved: string | null;
  save: (value: string | null) => Promise<unknown>;
  compact?: boolean;
}

/** A date: typed in the UI language's form while a draft; a frozen version's as read-only text. */
export function SowDate({ label, saved, save, compact }: DateProps) {
  const language = useUi((s) => s.language);
  const { frozen } = useContext(FrozenContext);
  if (frozen) return <SowText label={label} saved={formatDate(language, saved) ?? ''} save={() => Promise.resolve()} compact={compact} />;
  return <AutoDate label={label} saved={saved ?? ''} save={(v) => save(v === '' ? null : v)} compact={compact} />;
}
