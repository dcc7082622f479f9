// Repeatable rows (thresholds, components, CSV columns): a small table whose cells edit in place;
// the whole table is one answer, saved after a typing pause like any text.
import type { TableRow } from '../../../../shared/workshops/answers.ts';
import type { PackField, TableColumn } from '../../../../shared/workshops/pack.ts';
import { errorFor } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { useDraft } from '../../state/use-draft.ts';
import { unitName } from '../../../../shared/quantity.ts';
import { useUi } from '../../state/ui.ts';
import { saveAnswer } from '../../state/open-topic.ts';
import type { AnswerProps } from './AnswerField.tsx';

type Cell = TableRow[string];

function cellInput(column: TableColumn, value: Cell, label: string, onChange: (value: Cell) => void, language: 'en' | 'de', none: string) {
  switch (column.type) {
    case 'bool':
      return <input type="checkbox" aria-label={label} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      return (
        <select aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="">{none}</option>
          {column.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[language]}
            </option>
          ))}
        </select>
      );
    case 'number':
      return (
        <input
          type="number"
          aria-label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
    case 'text':
      return <input aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  }
}

export function TableAnswer({ field, value, sessionId }: AnswerProps<Extract<PackField, { type: 'table' }>>) {
  const t = useT();
  const language = useUi((s) => s.language);
  const rows = Array.isArray(value) ? (value as TableRow[]) : [];
  const draft = useDraft<TableRow[]>(rows, (v) => saveAnswer(sessionId, field.key, v.length === 0 ? null : v));
  const label = field.label[language];
  const setCell = (index: number, key: string, cell: Cell) => draft.change(draft.value.map((r, i) => (i === index ? { ...r, [key]: cell } : r)));
  const emptyRow = (): TableRow => Object.fromEntries(field.columns.map((c) => [c.key, null]));
  const error = errorFor(t, draft.error);

  return (
    <fieldset className="table-answer" onBlur={() => void draft.flush()}>
      <legend>
        {label}
        {field.required && <span className="required-mark"> ({t('common.required')})</span>}
      </legend>
      {field.help && <p className="field-hint">{field.help[language]}</p>}
      <table>
        <thead>
          <tr>
            {field.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label[language]}
                {c.type === 'number' && c.unit ? ` (${unitName(c.unit, language)})` : ''}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('workshops.rowActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.value.map((row, index) => (
            <tr key={index}>
              {field.columns.map((c) => (
                <td key={c.key}>
                  {cellInput(
                    c,
                    row[c.key] ?? null,
                    t('workshops.cell', { column: c.label[language], row: index + 1 }),
                    (cell) => setCell(index, c.key, cell),
                    language,
                    t('workshops.notAnswered'),
                  )}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('workshops.removeRow', { row: index + 1 })}
                  onClick={() => draft.commit(draft.value.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => draft.commit([...draft.value, emptyRow()])}>
        {t('workshops.addRow', { table: label })}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
