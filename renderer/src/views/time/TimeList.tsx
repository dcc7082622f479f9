// The project's time entries with filters (period, person, line or activity, billable), their
// sums, each entry removable; exported as CSV for billing and payroll (semicolons in German,
// commas in English, as Excel reads them), and as the time report of the period.
import { useEffect, useState } from 'react';
import { isIsoDate, localIsoDate, showDate } from '../../../../shared/iso-date.ts';
import { formatHours } from '../../../../shared/time/hours.ts';
import { addDays } from '../../../../shared/time/summary.ts';
import type { TimeTargets } from '../../../../shared/time/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { download } from '../../components/download.ts';
import { SelectField } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { targetName, targetOfKey, targetOptions } from './targets.ts';

interface Props {
  projectId: string;
  targets: TimeTargets;
  tick: number;
  onChanged: () => void;
}

const ANY = '';

export function TimeList({ projectId, targets, tick, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const today = localIsoDate(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  // The month so far and what is booked ahead in it.
  const [to, setTo] = useState(() => addDays(addDays(`${today.slice(0, 8)}01`, 31).slice(0, 8) + '01', -1));
  const [personId, setPersonId] = useState(ANY);
  const [target, setTarget] = useState(ANY);
  const [billable, setBillable] = useState(ANY);
  const chosen = targetOfKey(target);
  const filters = {
    projectId,
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
    ...(personId ? { personId } : {}),
    ...(chosen?.activityId ? { activityId: chosen.activityId } : chosen ? { sowId: chosen.sowId!, lineId: chosen.lineId! } : {}),
    ...(billable ? { billable: billable === 'yes' } : {}),
  };
  const list = useQuery('time.list', filters);
  const { reload } = list;
  useEffect(() => {
    if (tick > 0) void reload();
  }, [tick, reload]);

  const person = (id: string) => targets.people.find((p) => p.id === id)?.name ?? '–';
  const exportCsv = () =>
    void reportFailure(api('time.exportCsv', { ...filters, language, delimiter: language === 'de' ? ';' : ',' }).then((file) => download(file.fileName, file.csv, 'text/csv;charset=utf-8')));
  const remove = (id: string) =>
    void reportFailure(
      api('time.remove', { id }).then(() => {
        onChanged();
        return reload();
      }),
    );
  const totals = list.data?.totals;

  return (
    <section className="panel" aria-labelledby="time-list-heading">
      <h2 id="time-list-heading">{t('time.list')}</h2>
      <div className="form-grid">
        <DateField label={t('time.from')} value={from} onChange={setFrom} />
        <DateField label={t('time.to')} value={to} onChange={setTo} />
        <SelectField label={t('time.person')} value={personId} options={[{ value: ANY, label: t('time.everyone') }, ...targets.people.map((p) => ({ value: p.id, label: p.name }))]} onChange={setPersonId} />
        <SelectField label={t('time.target')} value={target} options={[{ value: ANY, label: t('time.everything') }, ...targetOptions(targets, language)]} onChange={setTarget} />
        <SelectField
          label={t('time.billableFilter')}
          value={billable}
          options={[
            { value: ANY, label: t('time.billableAny') },
            { value: 'yes', label: t('time.billableOnly') },
            { value: 'no', label: t('time.notBillableOnly') },
          ]}
          onChange={setBillable}
        />
      </div>
      {totals && (
        <p role="status">
          {t('time.sum', { count: list.data!.entries.length, hours: formatHours(totals.quarterHours, language), billable: formatHours(totals.billableQuarterHours, language) })}
        </p>
      )}
      {list.data?.entries.length === 0 ? (
        <p className="muted">{t('time.noEntries')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('time.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time.column.date')}</th>
              <th scope="col">{t('time.column.person')}</th>
              <th scope="col">{`${t('time.column.line')} / ${t('time.column.activity')}`}</th>
              <th scope="col" className="number">
                {t('time.column.hours')}
              </th>
              <th scope="col">{t('time.column.billable')}</th>
              <th scope="col">{t('time.column.note')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {(list.data?.entries ?? []).map((e) => (
              <tr key={e.id}>
                <td>{showDate(e.date, language)}</td>
                <td>{person(e.personId)}</td>
                <td>{targetName(targets, e, language)}</td>
                <td className="number">{formatHours(e.quarterHours, language)}</td>
                <td>{t(e.billable ? 'time.yes' : 'time.no')}</td>
                <td>{e.note}</td>
                <td>
                  <button type="button" className="link-button" aria-label={t('time.remove', { date: showDate(e.date, language) })} title={t('time.remove', { date: showDate(e.date, language) })} onClick={() => remove(e.id)}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={exportCsv}>
          {t('time.exportCsv')}
        </button>
      </div>
      {isIsoDate(from) && isIsoDate(to) && from <= to && <ExportPanel projectId={projectId} document="time-report" options={{ period: { from, to } }} />}
    </section>
  );
}
