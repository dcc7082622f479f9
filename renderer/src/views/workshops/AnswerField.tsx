// One field of a workshop form, by its type. Every kind saves itself (see useDraft); the reason
// for a refused answer shows beside the field, in the UI language.
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import type { ProjectMember } from '../../../../shared/domain.ts';
import type { AnswerValue } from '../../../../shared/workshops/answers.ts';
import { parseCapabilities } from '../../../../shared/workshops/capabilities.ts';
import type { PackField } from '../../../../shared/workshops/pack.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { errorFor, FieldFrame, SelectField } from '../../components/fields.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { useT } from '../../i18n.ts';
import { useDraft } from '../../state/use-draft.ts';
import { unitName } from '../../../../shared/quantity.ts';
import { useUi } from '../../state/ui.ts';
import { readLogo } from '../read-logo.ts';
import { saveAnswer } from '../../state/open-topic.ts';
import { TableAnswer } from './TableAnswer.tsx';

export interface AnswerProps<F extends PackField = PackField> {
  field: F;
  value: AnswerValue | undefined;
  sessionId: string;
  people: readonly ProjectMember[];
}

type Of<K extends PackField['type']> = Extract<PackField, { type: K }>;

function useFieldText(field: PackField) {
  const language = useUi((s) => s.language);
  const t = useT();
  const unit = field.type === 'number' && field.unit ? ` (${unitName(field.unit, language)})` : '';
  const help = field.help?.[language];
  const source = field.source ? t('workshops.source', { source: field.source }) : null;
  return { label: `${field.label[language]}${unit}`, hint: [help, source].filter(Boolean).join(' ') || undefined, language, t };
}

type Draft = ReturnType<typeof useDraft<string>>;

/** What every typed control carries: its draft (saved on a typing pause and on blur), names and state. */
function typedControl(draft: Draft, field: PackField, error: string | null, ids: { id: string; describedBy: string | undefined }) {
  return {
    id: ids.id,
    value: draft.value,
    'aria-describedby': ids.describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
    onBlur: () => void draft.flush(),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => draft.change(e.target.value),
  };
}

function TextAnswer({ field, value, sessionId }: AnswerProps<Of<'text'> | Of<'longtext'>>) {
  const { label, hint, t } = useFieldText(field);
  const draft = useDraft(typeof value === 'string' ? value : '', (v) => saveAnswer(sessionId, field.key, v.trim() === '' ? null : v));
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} required={field.required} hint={hint} error={error}>
      {(ids) => {
        const control = typedControl(draft, field, error, ids);
        if (field.type === 'longtext') return <textarea {...control} rows={4} />;
        const type = field.format === 'email' ? 'email' : field.format === 'url' ? 'url' : 'text';
        return <input {...control} type={type} />;
      }}
    </FieldFrame>
  );
}

function DateAnswer({ field, value, sessionId }: AnswerProps<Of<'date'>>) {
  const { label, hint } = useFieldText(field);
  return (
    <AutoDate
      label={label}
      hint={hint}
      required={field.required}
      saved={typeof value === 'string' ? value : ''}
      save={(v) => saveAnswer(sessionId, field.key, v === '' ? null : v)}
    />
  );
}

function NumberAnswer({ field, value, sessionId }: AnswerProps<Of<'number'>>) {
  const { label, hint, t } = useFieldText(field);
  const draft = useDraft(typeof value === 'number' ? String(value) : '', (v) => saveAnswer(sessionId, field.key, v.trim() === '' ? null : Number(v)));
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={label} required={field.required} hint={hint} error={error}>
      {(ids) => <input {...typedControl(draft, field, error, ids)} type="number" min={field.min} max={field.max} step={field.integer ? 1 : 'any'} />}
    </FieldFrame>
  );
}

const NONE = '';

function SelectAnswer({ field, value, sessionId, people }: AnswerProps<Of<'select'> | Of<'person'>>) {
  const { label, hint, language, t } = useFieldText(field);
  const draft = useDraft(typeof value === 'string' ? value : NONE, (v) => saveAnswer(sessionId, field.key, v === NONE ? null : v));
  const options = [
    { value: NONE, label: t('workshops.notAnswered') },
    ...(field.type === 'select'
      ? field.options.map((o) => ({ value: o.value, label: o.label[language] }))
      : people.map((m) => ({ value: m.person.id, label: `${m.person.name} (${t(`side.${m.person.side}`)})` }))),
  ];
  return (
    <SelectField
      label={label}
      required={field.required}
      hint={hint}
      error={errorFor(t, draft.error)}
      value={draft.value}
      options={options}
      onChange={(v) => draft.commit(v)}
    />
  );
}

/** A group of checkboxes or radio buttons, named by a legend. */
function ChoiceGroup({ field, error, children }: { field: PackField; error: string | null; children: ReactNode }) {
  const { label, hint, t } = useFieldText(field);
  const hintId = useId();
  return (
    <fieldset className="choice-group" aria-describedby={hint ? hintId : undefined}>
      <legend>
        {label}
        {field.required && <span className="required-mark"> ({t('common.required')})</span>}
      </legend>
      <div className="choices">{children}</div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function BoolAnswer({ field, value, sessionId }: AnswerProps<Of<'bool'>>) {
  const { t } = useFieldText(field);
  const name = useId();
  const draft = useDraft<boolean | null>(typeof value === 'boolean' ? value : null, (v) => saveAnswer(sessionId, field.key, v));
  return (
    <ChoiceGroup field={field} error={errorFor(t, draft.error)}>
      {([true, false] as const).map((choice) => (
        <label key={String(choice)} className="checkbox">
          <input type="radio" name={name} checked={draft.value === choice} onChange={() => draft.commit(choice)} />
          {choice ? t('workshops.yes') : t('workshops.no')}
        </label>
      ))}
      {draft.value !== null && (
        <button type="button" className="link-button small" onClick={() => draft.commit(null)}>
          {t('workshops.clear')}
        </button>
      )}
    </ChoiceGroup>
  );
}

/** Ticks among choices: multiple choice, or capabilities (which can also be pasted). */
function TicksAnswer({ field, value, sessionId }: AnswerProps<Of<'multi'> | Of<'capabilities'>>) {
  const { language, t } = useFieldText(field);
  const ticked = Array.isArray(value) ? (value as string[]) : [];
  const draft = useDraft<string[]>(ticked, (v) => saveAnswer(sessionId, field.key, v.length === 0 ? null : v));
  const choices = field.type === 'multi' ? field.options.map((o) => ({ value: o.value, label: o.label[language] })) : field.capabilities.map((c) => ({ value: c, label: c }));
  const [others, setOthers] = useState<string[] | null>(null);
  const pasteId = useId();
  const toggle = (choice: string, on: boolean) => {
    const next = choices.map((c) => c.value).filter((c) => (c === choice ? on : draft.value.includes(c)));
    draft.commit(next);
  };
  return (
    <ChoiceGroup field={field} error={errorFor(t, draft.error)}>
      {field.type === 'capabilities' && (
        <div className="field capability-paste">
          <label htmlFor={pasteId}>{t('workshops.pasteCapabilities')}</label>
          <textarea
            id={pasteId}
            rows={2}
            placeholder="* CAPABILITY IMAP4rev1 SORT …"
            onChange={(e) => {
              if (e.target.value.trim() === '') return;
              const parsed = parseCapabilities(e.target.value, field.capabilities);
              setOthers(parsed.others);
              draft.commit(parsed.found);
            }}
          />
          {others && others.length > 0 && <p className="field-hint">{t('workshops.otherCapabilities', { list: others.join(' ') })}</p>}
        </div>
      )}
      {choices.map((c) => (
        <label key={c.value} className="checkbox">
          <input type="checkbox" checked={draft.value.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
          {c.label}
        </label>
      ))}
    </ChoiceGroup>
  );
}

function HostListAnswer({ field, value, sessionId }: AnswerProps<Of<'hostlist'>>) {
  const { label, hint, t } = useFieldText(field);
  const hosts = Array.isArray(value) ? (value as string[]) : [];
  const draft = useDraft(hosts.join('\n'), (v) => {
    const lines = v.split('\n').map((line) => line.trim()).filter(Boolean);
    return saveAnswer(sessionId, field.key, lines.length === 0 ? null : lines);
  });
  // The API names the offending entry (value.2); the consultant counts lines from 1.
  const entry = draft.error?.field ? /^value\.(\d+)$/.exec(draft.error.field) : null;
  const reason = errorFor(t, draft.error);
  const error = reason && entry ? t('workshops.hostLine', { line: Number(entry[1]) + 1, reason }) : reason;
  return (
    <FieldFrame label={label} required={field.required} hint={[t('workshops.onePerLine'), hint].filter(Boolean).join(' ')} error={error}>
      {(ids) => <textarea {...typedControl(draft, field, error, ids)} rows={3} spellCheck={false} />}
    </FieldFrame>
  );
}

function ImageAnswer({ field, value, sessionId }: AnswerProps<Of<'image'>>) {
  const { label, hint, t } = useFieldText(field);
  const draft = useDraft<string | null>(typeof value === 'string' ? value : null, (v) => saveAnswer(sessionId, field.key, v));
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File) => {
    const read = await readLogo(file);
    if ('problem' in read) {
      setProblem(t(read.problem === 'type' ? 'customers.logoWrongType' : 'customers.logoTooLarge'));
      return;
    }
    setProblem(null);
    draft.commit(read.dataUrl);
  };
  return (
    <fieldset className="logo">
      <legend>{label}</legend>
      {draft.value && <img src={draft.value} alt={label} />}
      {hint && <p className="field-hint">{hint}</p>}
      <FileButton label={t('workshops.chooseImage')} accept="image/png,image/jpeg" onFile={(file) => void choose(file)} />
      {draft.value && (
        <button type="button" onClick={() => draft.commit(null)}>
          {t('workshops.removeImage')}
        </button>
      )}
      {(problem ?? errorFor(t, draft.error)) && (
        <p className="field-error" role="alert">
          {problem ?? errorFor(t, draft.error)}
        </p>
      )}
    </fieldset>
  );
}

export function AnswerField(props: AnswerProps) {
  const { field } = props;
  switch (field.type) {
    case 'text':
    case 'longtext':
      return <TextAnswer {...props} field={field} />;
    case 'date':
      return <DateAnswer {...props} field={field} />;
    case 'number':
      return <NumberAnswer {...props} field={field} />;
    case 'select':
    case 'person':
      return <SelectAnswer {...props} field={field} />;
    case 'bool':
      return <BoolAnswer {...props} field={field} />;
    case 'multi':
    case 'capabilities':
      return <TicksAnswer {...props} field={field} />;
    case 'hostlist':
      return <HostListAnswer {...props} field={field} />;
    case 'table':
      return <TableAnswer {...props} field={field} />;
    case 'image':
      return <ImageAnswer {...props} field={field} />;
  }
}

