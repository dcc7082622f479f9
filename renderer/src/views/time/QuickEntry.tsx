// Booking time in a few keystrokes: who, on what, which day, how many hours (typed as the UI
// language writes them: 1,5 in German, 1.5 in English), billable, a note. The last person, target
// and billable choice stay for the next booking. The same choices start a timer instead.
import { useState } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { localIsoDate, showDate } from '../../../../shared/iso-date.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { formatHours, parseHours, toHours } from '../../../../shared/time/hours.ts';
import type { TimeTargets, TimeWarning } from '../../../../shared/time/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT, type Translate } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useLastChoices } from './last-choices.ts';
import { targetOfKey, targetOptions } from './targets.ts';

interface Props {
  projectId: string;
  targets: TimeTargets;
  onBooked: () => void;
}

export function warningText(t: Translate, warning: TimeWarning, date: string, language: 'en' | 'de'): string {
  const day = (d: string | null) => (d ? showDate(d, language) : t('time.openEnd'));
  return t('time.warning.outsideValidity', { date: showDate(date, language), sow: sowNumber(warning.sowNumber), from: day(warning.from), until: day(warning.until) });
}

export function QuickEntry({ projectId, targets, onBooked }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [last, remember] = useLastChoices(projectId);
  const options = targetOptions(targets, language);
  const known = (value: string | undefined, list: readonly { value: string }[]) => (value !== undefined && list.some((o) => o.value === value) ? value : (list[0]?.value ?? ''));
  const people = targets.people.map((p) => ({ value: p.id, label: p.name }));
  const [personId, setPersonId] = useState(() => known(last.personId, people));
  const [target, setTarget] = useState(() => known(last.target, options));
  const [billable, setBillable] = useState(last.billable ?? true);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const [hoursProblem, setHoursProblem] = useState(false);

  if (people.length === 0) return <p className="hint hint-info">{t('time.noPeople')}</p>;

  const choice = () => {
    remember({ personId, target, billable });
    return { projectId, personId, ...targetOfKey(target), billable, ...(note.trim() ? { note } : {}) };
  };

  const book = () =>
    void run(async () => {
      setSaid(null);
      const quarters = parseHours(hours, language);
      setHoursProblem(quarters === null || quarters === 0);
      if (quarters === null || quarters === 0) return;
      const result = await api('time.create', { ...choice(), date, hours: toHours(quarters) });
      setSaid([t('time.booked', { hours: formatHours(quarters, language), date: showDate(date, language) }), ...result.warnings.map((w) => warningText(t, w, date, language))].join(' '));
      setHours('');
      setNote('');
      onBooked();
    });

  const startTimer = () =>
    void run(async () => {
      setSaid(null);
      await api('time.startTimer', choice());
      setNote('');
      onBooked();
    });

  const fieldError = (field: string) => errorFor(t, error instanceof ApiError ? error : null, field);

  return (
    <section className="panel" aria-labelledby="quick-entry-heading">
      <h2 id="quick-entry-heading">{t('time.quickEntry')}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          book();
        }}
      >
        <SelectField label={t('time.person')} value={personId} options={people} onChange={setPersonId} error={fieldError('personId')} />
        <SelectField label={t('time.target')} value={target} options={options} onChange={setTarget} error={fieldError('sowId') ?? fieldError('lineId') ?? fieldError('activityId')} />
        <DateField label={t('time.date')} value={date} onChange={setDate} error={fieldError('date')} />
        <TextField label={t('time.hours')} value={hours} onChange={setHours} error={hoursProblem ? t('time.hoursNotQuarter') : fieldError('hours')} />
        <TextField label={t('time.note')} value={note} onChange={setNote} error={fieldError('note')} />
        <label className="checkbox">
          <input type="checkbox" checked={billable} onChange={(e) => setBillable(e.target.checked)} />
          {t('time.billable')}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('time.book')}
          </button>
          <button type="button" onClick={startTimer} disabled={busy}>
            {t('time.startTimer')}
          </button>
        </div>
      </form>
      <p className="muted small">{t('time.hoursHint')}</p>
      <p role="status">{said}</p>
    </section>
  );
}
