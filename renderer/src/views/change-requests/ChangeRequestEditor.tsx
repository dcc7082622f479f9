// One change request: while proposed, its words, who asked, the extra days per role (priced at the
// SOW's rates as they are typed), the impact on dates and scope, each saved as typed; then the
// decision (approve, reject, withdraw: who and when), after which it stands as decided. Where it
// came from links back; the document is exported from here.
import { useEffect, useState } from 'react';
import { formatNumber as itemNumber } from '../../../../shared/checklist/types.ts';
import { changeRequestNumber, type ChangeRequestDecision, type ChangeRequestDetail } from '../../../../shared/change-requests/types.ts';
import { ApiError } from '../../../../shared/errors.ts';
import { localIsoDate, showDate } from '../../../../shared/iso-date.ts';
import { editableDecimal, formatAmount, formatDays, formatMoney, parseDecimal } from '../../../../shared/money.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';

interface Props {
  projectId: string;
  id: string;
  onChanged: () => void;
}

const NOBODY = '';

export function ChangeRequestEditor({ projectId, id, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const members = useOpenProject((s) => s.detail?.members ?? []);
  const query = useQuery('changeRequests.get', { id });
  const [detail, setDetail] = useState<ChangeRequestDetail | null>(null);
  useEffect(() => setDetail(query.data), [query.data]);

  if (!detail) return <p>{t('app.loading')}</p>;
  const cr = detail.changeRequest;
  const proposed = cr.status === 'proposed';
  const money = (minor: number) => formatMoney(minor, detail.sow.currency, language);
  const update = async (fields: Omit<Parameters<typeof api<'changeRequests.update'>>[1], 'id'>) => {
    setDetail(await api('changeRequests.update', { id, ...fields }));
    onChanged();
  };
  const roles = detail.sow.roles;

  return (
    <article aria-labelledby="cr-heading">
      <h2 id="cr-heading">{`${changeRequestNumber(cr.number)}: ${cr.title}`}</h2>
      <p>
        {t('cr.sow')}: <a href={`#/project/${projectId}/sows/${detail.sow.versionId}`}>{`${sowNumber(detail.sow.number)}: ${detail.sow.title}`}</a> ·{' '}
        {proposed ? t('crStatus.proposed') : t('cr.decidedAs', { status: t(`crStatus.${cr.status}`), name: cr.decidedBy, date: showDate(cr.decidedOn ?? '', language) })}
      </p>
      {(detail.requirement || detail.decision) && (
        <p>
          {t('cr.origin')}:{' '}
          {detail.requirement ? (
            <a href={`#/project/${projectId}/checklist/${detail.requirement.id}`}>{t('cr.fromRequirement', { number: itemNumber(detail.requirement.number), title: detail.requirement.title })}</a>
          ) : (
            <a href={`#/project/${projectId}/meetings/${detail.decision!.meetingId}`}>
              {t('cr.fromDecision', { meeting: detail.decision!.meetingTitle.trim() || t('meetingKind.other'), date: showDate(detail.decision!.date ?? '', language), text: detail.decision!.text })}
            </a>
          )}
        </p>
      )}
      {proposed ? (
        <div className="form-grid">
          <AutoText label={t('cr.title')} saved={cr.title} save={(title) => update({ title })} />
          <AutoSelect
            label={t('cr.requestedBy')}
            saved={cr.requestedById ?? NOBODY}
            options={[{ value: NOBODY, label: t('cr.nobody') }, ...members.map((m) => ({ value: m.personId, label: m.person.name }))]}
            save={(value) => update({ requestedById: value === NOBODY ? null : value })}
          />
        </div>
      ) : (
        <p className="muted">{t('cr.frozen')}</p>
      )}
      {proposed ? (
        <>
          <AutoText label={t('cr.description')} saved={cr.description} save={(description) => update({ description })} multiline />
          <AutoText label={t('cr.reason')} saved={cr.reason} save={(reason) => update({ reason })} multiline />
        </>
      ) : (
        <dl className="key-values">
          <dt>{t('cr.requestedBy')}</dt>
          <dd>{detail.requestedBy?.name ?? '–'}</dd>
          <dt>{t('cr.description')}</dt>
          <dd>{cr.description || '–'}</dd>
          <dt>{t('cr.reason')}</dt>
          <dd>{cr.reason || '–'}</dd>
          <dt>{t('cr.datesImpact')}</dt>
          <dd>{cr.datesImpact || '–'}</dd>
          <dt>{t('cr.scopeImpact')}</dt>
          <dd>{cr.scopeImpact || '–'}</dd>
        </dl>
      )}
      <section aria-labelledby="cr-effort-heading">
        <h3 id="cr-effort-heading">{t('cr.effort')}</h3>
        <p className="muted small">{t('cr.effortHint')}</p>
        {proposed ? (
          <EffortEditor key={cr.id} detail={detail} roles={roles} save={(effort) => update({ effort })} />
        ) : (
          <EffortTable detail={detail} />
        )}
        <p>{t('cr.impactTotal', { days: formatDays(detail.impact.dayHundredths, language), amount: money(detail.impact.totalMinor) })}</p>
        {proposed && <p className="muted">{t('cr.budgetEffect', { sow: sowNumber(detail.sow.number), days: formatDays(detail.impact.dayHundredths, language), amount: money(detail.impact.totalMinor) })}</p>}
      </section>
      {proposed && (
        <>
          <AutoText label={t('cr.datesImpact')} saved={cr.datesImpact} save={(datesImpact) => update({ datesImpact })} multiline />
          <AutoText label={t('cr.scopeImpact')} saved={cr.scopeImpact} save={(scopeImpact) => update({ scopeImpact })} multiline />
          <DecisionPanel
            id={id}
            onDecided={(next) => {
              setDetail(next);
              onChanged();
            }}
          />
          <button
            type="button"
            onClick={() =>
              void reportFailure(
                api('changeRequests.remove', { id }).then(() => {
                  onChanged();
                  window.location.hash = `#/project/${projectId}/change-requests`;
                }),
              )
            }
          >
            {t('cr.remove')}
          </button>
        </>
      )}
      <ExportPanel projectId={projectId} document="change-request" options={{ changeRequestId: id }} />
    </article>
  );
}

function EffortTable({ detail }: { detail: ChangeRequestDetail }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const amount = (minor: number) => formatAmount(minor, detail.sow.currency, language);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('cr.effort')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cr.role')}</th>
          <th scope="col" className="number">
            {t('cr.days')}
          </th>
          <th scope="col" className="number">{`${t('cr.rate')} (${detail.sow.currency})`}</th>
          <th scope="col" className="number">{`${t('cr.amount')} (${detail.sow.currency})`}</th>
        </tr>
      </thead>
      <tbody>
        {detail.impact.lines.map((l, i) => (
          <tr key={i}>
            <th scope="row">{l.role}</th>
            <td className="number">{formatDays(l.dayHundredths, language)}</td>
            <td className="number">{amount(l.rateMinor)}</td>
            <td className="number">{amount(l.totalMinor)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Row {
  role: string;
  days: string;
}

/**
 * The extra days per role, edited as a whole (the API prices the list at the SOW's rates): a row
 * is saved when its role is chosen, when its days field is left, and when a row goes.
 */
function EffortEditor({ detail, roles, save }: { detail: ChangeRequestDetail; roles: string[]; save: (effort: { role: string; dayHundredths: number }[]) => Promise<void> }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [rows, setRows] = useState<Row[]>(() => detail.changeRequest.effort.map((e) => ({ role: e.role, days: editableDecimal(e.dayHundredths, 2, language) })));
  const [problem, setProblem] = useState<{ row: number; text: string } | null>(null);
  const { error, run } = useSubmit();
  const amount = (minor: number) => formatAmount(minor, detail.sow.currency, language);

  const commit = (next: Row[]) => {
    setRows(next);
    const effort: { role: string; dayHundredths: number }[] = [];
    for (const [i, row] of next.entries()) {
      const days = row.days.trim() === '' ? 0 : parseDecimal(row.days, 2, language);
      if (days === null || days < 0) return setProblem({ row: i, text: t('cr.daysNotNumber') });
      effort.push({ role: row.role, dayHundredths: days });
    }
    setProblem(null);
    void run(() => save(effort));
  };
  const change = (i: number, patch: Partial<Row>) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r));

  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">{t('cr.effort')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cr.role')}</th>
            <th scope="col">{t('cr.days')}</th>
            <th scope="col" className="number">{`${t('cr.rate')} (${detail.sow.currency})`}</th>
            <th scope="col" className="number">{`${t('cr.amount')} (${detail.sow.currency})`}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const priced = detail.impact.lines[i];
            const rowError = problem?.row === i ? problem.text : (errorFor(t, error, `effort.${i}.role`) ?? errorFor(t, error, `effort.${i}.dayHundredths`));
            return (
              <tr key={i}>
                <td>
                  <select aria-label={`${t('cr.role')} ${i + 1}`} value={row.role} onChange={(e) => commit(change(i, { role: e.target.value }))}>
                    {[...new Set([...roles, row.role])].map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="decimal"
                    className="hours-input"
                    aria-label={`${t('cr.days')} ${row.role}`}
                    aria-invalid={rowError ? true : undefined}
                    value={row.days}
                    onChange={(e) => setRows(change(i, { days: e.target.value }))}
                    onBlur={() => commit(rows)}
                  />
                  {rowError && (
                    <span className="field-error" role="alert">
                      {rowError}
                    </span>
                  )}
                </td>
                <td className="number">{priced ? amount(priced.rateMinor) : ''}</td>
                <td className="number">{priced ? amount(priced.totalMinor) : ''}</td>
                <td>
                  <button type="button" className="link-button" aria-label={t('cr.removeEffort', { role: row.role })} title={t('cr.removeEffort', { role: row.role })} onClick={() => commit(rows.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {roles.length > 0 && (
        <button type="button" onClick={() => commit([...rows, { role: roles.find((r) => !rows.some((x) => x.role === r)) ?? roles[0]!, days: '1' }])}>
          {t('cr.addEffort')}
        </button>
      )}
    </>
  );
}

/** Who decided and when, and the decision. */
function DecisionPanel({ id, onDecided }: { id: string; onDecided: (detail: ChangeRequestDetail) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const { busy, error, run } = useSubmit();
  const decide = (status: ChangeRequestDecision) => void run(async () => onDecided(await api('changeRequests.decide', { id, status, name, date })));
  const fieldError = (field: string) => errorFor(t, error instanceof ApiError ? error : null, field);
  return (
    <fieldset className="panel">
      <legend>{t('cr.decision')}</legend>
      <div className="form-grid">
        <TextField label={t('cr.decisionName')} value={name} onChange={setName} error={fieldError('name')} />
        <DateField label={t('cr.decisionDate')} value={date} onChange={setDate} error={fieldError('date')} />
      </div>
      {fieldError('status') && <p className="field-error">{fieldError('status')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => decide('approved')}>
          {t('cr.approve')}
        </button>
        <button type="button" disabled={busy} onClick={() => decide('rejected')}>
          {t('cr.reject')}
        </button>
        <button type="button" disabled={busy} onClick={() => decide('withdrawn')}>
          {t('cr.withdraw')}
        </button>
      </div>
    </fieldset>
  );
}
