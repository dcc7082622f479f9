// A project's budget: per SOW and for the whole project, planned days (the SOW's effort lines plus
// approved change requests) against the days spent, per line and per role, what remains, the
// forecast at the current rate, a warning at 80 % and at 100 %, and the burn chart. Hours become
// days at the project's hours per day, set here (8 unless changed).
import { useEffect } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { showDate } from '../../../../shared/iso-date.ts';
import { formatDays, formatMoney, formatPercent } from '../../../../shared/money.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import type { BudgetFigures, Burn, Forecast, SowBudget } from '../../../../shared/time/budget.ts';
import { burnChart } from '../../../../shared/time/burn-chart.ts';
import { editableHours, formatHours, parseHours, toHours } from '../../../../shared/time/hours.ts';
import { changeRequestNumber } from '../../../../shared/change-requests/types.ts';
import { api } from '../../api/client.ts';
import { Chart } from '../../components/Chart.tsx';
import { errorFor, FieldFrame } from '../../components/fields.tsx';
import { useT, type Translate } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useDraft } from '../../state/use-draft.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { lineName } from './targets.ts';

type Language = 'en' | 'de';

export function BudgetView({ projectId }: { projectId: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail, open } = useOpenProject();
  const budget = useQuery('budget.get', { projectId });

  useEffect(() => {
    void reportFailure(open(projectId));
  }, [projectId, open]);

  if (!detail || detail.project.id !== projectId || !budget.data) return <p>{t('app.loading')}</p>;
  const data = budget.data;
  const nameOf = (sowId: string | null) => {
    const sow = data.sows.find((s) => s.sow.id === sowId);
    return sow ? `${sowNumber(sow.sow.number)} ${sow.sow.title}` : t('budget.theProject');
  };

  return (
    <section className="budget" aria-labelledby="budget-heading">
      <ProjectNav projectId={projectId} current="budget" />
      <h1 id="budget-heading">{`${t('budget.heading')}: ${detail.project.name}`}</h1>
      <HoursPerDay projectId={projectId} saved={data.hoursPerDay} onSaved={budget.reload} />
      {data.warnings.map((w) => (
        <p key={w.sowId ?? 'project'} className="hint hint-warning">
          {t(w.level === 100 ? 'budget.warning100' : 'budget.warning80', { name: nameOf(w.sowId), percent: formatPercent(w.usedBasisPoints, language) })}
        </p>
      ))}
      {data.sows.length === 0 ? (
        <p className="muted">{t('budget.none')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="budget-project">
            <h2 id="budget-project">{t('budget.project')}</h2>
            <FiguresTable caption={t('budget.project')} rows={[{ name: t('budget.project'), figures: data }, ...data.sows.map((s) => ({ name: `${sowNumber(s.sow.number)}: ${s.sow.title}`, figures: s }))]} language={language} />
            {data.activityQuarterHours > 0 && <p className="muted">{t('budget.activities', { hours: formatHours(data.activityQuarterHours, language) })}</p>}
            <ForecastText t={t} forecast={data.forecast} figures={data} language={language} />
            <BurnChart t={t} burn={data.burn} title={t('budget.chart.projectTitle', { name: detail.project.name.trim() })} figures={data} forecast={data.forecast} language={language} />
          </section>
          {data.sows.map((s) => (
            <SowSection key={s.sow.id} t={t} sow={s} language={language} />
          ))}
        </>
      )}
    </section>
  );
}

/** The hours of the project's day, typed as the language writes them, saved as typed. */
function HoursPerDay({ projectId, saved, onSaved }: { projectId: string; saved: number; onSaved: () => Promise<void> }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const draft = useDraft(editableHours(saved * 4, language), async (text) => {
    const quarters = parseHours(text, language);
    if (quarters === null || quarters < 4) throw new ApiError({ code: 'invalid_input', field: 'hours', message: t('time.hoursNotQuarter') });
    await api('budget.setHoursPerDay', { projectId, hours: toHours(quarters) });
    await onSaved();
  });
  const error = errorFor(t, draft.error);
  return (
    <FieldFrame label={t('budget.hoursPerDay')} hint={t('budget.hoursPerDayHint')} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          className="hours-input"
          value={draft.value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => draft.change(e.target.value)}
          onBlur={() => void draft.flush()}
        />
      )}
    </FieldFrame>
  );
}

const used = (figures: BudgetFigures, language: Language) => (figures.usedBasisPoints === null ? '–' : formatPercent(figures.usedBasisPoints, language));

function FiguresTable({ caption, rows, language, extra }: { caption: string; rows: { name: string; figures: BudgetFigures; added?: number }[]; language: Language; extra?: string }) {
  const t = useT();
  const days = (h: number) => formatDays(h, language);
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{extra ?? t('time.column.sow')}</th>
          <th scope="col" className="number">
            {t('budget.planned')}
          </th>
          {rows.some((r) => r.added !== undefined) && (
            <th scope="col" className="number">
              {t('budget.fromChanges')}
            </th>
          )}
          <th scope="col" className="number">
            {t('budget.spent')}
          </th>
          <th scope="col" className="number">
            {t('budget.remaining')}
          </th>
          <th scope="col" className="number">
            {t('budget.used')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, figures, added }, i) => (
          <tr key={i} className={figures.level === 100 ? 'budget-over' : figures.level === 80 ? 'budget-high' : undefined}>
            <th scope="row">{name}</th>
            <td className="number">{days(figures.plannedDayHundredths)}</td>
            {added !== undefined && <td className="number">{days(added)}</td>}
            <td className="number">{days(figures.spentDayHundredths)}</td>
            <td className="number">{days(figures.remainingDayHundredths)}</td>
            <td className="number">{used(figures, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ForecastText({ t, forecast, figures, language }: { t: Translate; forecast: Forecast; figures: BudgetFigures; language: Language }) {
  if (figures.level === 100) return <p>{t('budget.usedUp')}</p>;
  if (forecast.weeklyDayHundredths === 0) return <p className="muted">{t('budget.noForecast')}</p>;
  return (
    <p>
      {t('budget.rate', { days: formatDays(forecast.weeklyDayHundredths, language) })} {forecast.exhaustedOn && t('budget.exhaustedOn', { date: showDate(forecast.exhaustedOn, language) })}
    </p>
  );
}

function BurnChart({ t, burn, title, figures, forecast, language }: { t: Translate; burn: Burn; title: string; figures: BudgetFigures; forecast: Forecast; language: Language }) {
  const description = t('budget.chart.description', {
    planned: formatDays(figures.plannedDayHundredths, language),
    spent: formatDays(figures.spentDayHundredths, language),
    forecast: forecast.exhaustedOn ? t('budget.exhaustedOn', { date: showDate(forecast.exhaustedOn, language) }) : t('budget.noForecast'),
  });
  return (
    <figure className="chart-figure">
      <Chart chart={burnChart(burn, title, language)} description={description} />
    </figure>
  );
}

function SowSection({ t, sow, language }: { t: Translate; sow: SowBudget; language: Language }) {
  const name = `${sowNumber(sow.sow.number)}: ${sow.sow.title}`;
  const headingId = `budget-${sow.sow.id}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name} <span className="muted small">{t('sow.versionStatus', { version: sow.sow.version, status: t(`sowStatus.${sow.sow.status}`) })}</span>
      </h2>
      {sow.sow.status === 'rejected' && <p className="muted">{t('budget.rejected')}</p>}
      <p>{t('budget.fees', { amount: formatMoney(sow.feesMinor + sow.changeFeesMinor, sow.sow.currency, language), changes: formatMoney(sow.changeFeesMinor, sow.sow.currency, language) })}</p>
      {sow.changes.length > 0 && <p>{t('budget.changes', { list: sow.changes.map((c) => `${changeRequestNumber(c.number)} (+${formatDays(c.dayHundredths, language)})`).join(', ') })}</p>}
      <FiguresTable
        caption={`${name}: ${t('budget.byLine')}`}
        extra={t('budget.line')}
        language={language}
        rows={sow.lines.map((l) => ({ name: lineName(l) || t('budget.lineOnlyEarlier'), figures: l, added: l.changeDayHundredths }))}
      />
      <FiguresTable caption={`${name}: ${t('budget.byRole')}`} extra={t('budget.role')} language={language} rows={sow.roles.map((r) => ({ name: r.role || '–', figures: r }))} />
      <ForecastText t={t} forecast={sow.forecast} figures={sow} language={language} />
      <BurnChart t={t} burn={sow.burn} title={name} figures={sow} forecast={sow.forecast} language={language} />
    </section>
  );
}

