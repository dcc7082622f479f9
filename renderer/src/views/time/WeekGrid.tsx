// A person's week as a grid: a row per SOW effort line, a column per day. Hours are typed into the
// cells as the UI language writes them (1,5 / 1.5) and saved as typed, like every other field;
// arrow keys move between cells as in a spreadsheet (an hours value is short: Backspace corrects
// it), Enter moves down, Tab goes on through the row. A cell with several entries of the day shows their sum and is
// changed in the list instead.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { localIsoDate, showDate } from '../../../../shared/iso-date.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { editableHours, formatHours, parseHours, toHours } from '../../../../shared/time/hours.ts';
import { addDays, isoWeek, weekOf } from '../../../../shared/time/summary.ts';
import type { TimeEntry, TimeTargets } from '../../../../shared/time/types.ts';
import { api } from '../../api/client.ts';
import { errorFor, SelectField } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useDraft } from '../../state/use-draft.ts';
import { useQuery } from '../../state/use-query.ts';
import { lineName } from './targets.ts';

interface Props {
  projectId: string;
  targets: TimeTargets;
  /** Who the grid shows first (quick entry's last choice). */
  personId: string | undefined;
  tick: number;
  onChanged: () => void;
}

interface Row {
  sowId: string;
  lineId: string;
  label: string;
}

export function WeekGrid({ projectId, targets, personId: initialPerson, tick, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [monday, setMonday] = useState(() => weekOf(localIsoDate(new Date())));
  const people = targets.people.map((p) => ({ value: p.id, label: p.name }));
  const [personId, setPersonId] = useState(() => (initialPerson && people.some((p) => p.value === initialPerson) ? initialPerson : (people[0]?.value ?? '')));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const week = useQuery('time.list', { projectId, personId: personId || undefined, from: days[0], to: days[6] });
  const { reload } = week;
  useEffect(() => {
    if (tick > 0) void reload();
  }, [tick, reload]);
  const table = useRef<HTMLTableElement>(null);

  if (people.length === 0) return null;
  const rows: Row[] = targets.sows.filter((s) => !s.rejected).flatMap((s) => s.lines.map((l) => ({ sowId: s.id, lineId: l.id, label: `${sowNumber(s.number)} · ${lineName(l)}` })));
  const entries = (week.data?.entries ?? []).filter((e) => e.personId === personId);
  const cell = (row: Row, day: string) => entries.filter((e) => e.sowId === row.sowId && e.lineId === row.lineId && e.date === day);
  const sum = (list: readonly TimeEntry[]) => list.reduce((s, e) => s + e.quarterHours, 0);
  const person = people.find((p) => p.value === personId)?.label ?? '';
  const dayLabel = (day: string) => `${new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))} ${showDate(day, language)}`;

  /** Arrow keys and Enter move between the grid's inputs (data-row, data-col). */
  const move = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const [row, col] = [Number(input.dataset['row']), Number(input.dataset['col'])];
    const next = { ArrowUp: [row - 1, col], ArrowDown: [row + 1, col], Enter: [row + 1, col], ArrowLeft: [row, col - 1], ArrowRight: [row, col + 1] }[event.key];
    if (!next) return;
    const target = table.current?.querySelector<HTMLInputElement>(`input[data-row="${next[0]}"][data-col="${next[1]}"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  };

  return (
    <section className="panel" aria-labelledby="week-heading">
      <h2 id="week-heading">{t('time.weekOf', { week: String(isoWeek(monday).week), from: showDate(days[0]!, language), to: showDate(days[6]!, language) })}</h2>
      <div className="toolbar">
        <SelectField label={t('time.person')} value={personId} options={people} onChange={setPersonId} />
        <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
          {t('time.previousWeek')}
        </button>
        <button type="button" onClick={() => setMonday(weekOf(localIsoDate(new Date())))}>
          {t('time.thisWeek')}
        </button>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
          {t('time.nextWeek')}
        </button>
      </div>
      <table className="time-grid" ref={table}>
        <caption>{t('time.gridCaption', { person })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('time.gridLine')}</th>
            {days.map((day) => (
              <th scope="col" key={day}>
                {dayLabel(day)}
              </th>
            ))}
            <th scope="col">{t('time.gridTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={`${row.sowId}:${row.lineId}`}>
              <th scope="row">{row.label}</th>
              {days.map((day, c) => {
                const booked = cell(row, day);
                const label = t('time.cell', { line: row.label, day: dayLabel(day) });
                return (
                  <td key={day}>
                    {booked.length > 1 ? (
                      <span title={t('time.cellSeveral')}>{formatHours(sum(booked), language)}</span>
                    ) : (
                      <GridCell
                        key={`${personId}:${day}`}
                        label={label}
                        saved={booked[0] ? editableHours(booked[0].quarterHours, language) : ''}
                        row={r}
                        col={c}
                        onKeyDown={move}
                        save={async (text) => {
                          const quarters = parseHours(text, language);
                          if (quarters === null) throw new ApiError({ code: 'invalid_input', field: 'hours', message: t('time.hoursNotQuarter') });
                          await api('time.setCell', { projectId, personId, sowId: row.sowId, lineId: row.lineId, date: day, hours: toHours(quarters) });
                          onChanged();
                        }}
                      />
                    )}
                  </td>
                );
              })}
              <td className="number">{formatHours(sum(entries.filter((e) => e.sowId === row.sowId && e.lineId === row.lineId)), language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('time.gridTotal')}</th>
            {days.map((day) => (
              <td key={day} className="number">
                {formatHours(sum(entries.filter((e) => e.date === day)), language)}
              </td>
            ))}
            <td className="number">{formatHours(sum(entries), language)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

interface CellProps {
  label: string;
  saved: string;
  row: number;
  col: number;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  save: (text: string) => Promise<void>;
}

/** One cell: the hours as typed, saved after the typing pause and on leaving it; a refusal stays beside it. */
function GridCell({ label, saved, row, col, onKeyDown, save }: CellProps) {
  const t = useT();
  const draft = useDraft(saved, save);
  const error = errorFor(t, draft.error);
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        className="hours-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        data-row={row}
        data-col={col}
        value={draft.value}
        onChange={(e) => draft.change(e.target.value)}
        onBlur={() => void draft.flush()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
