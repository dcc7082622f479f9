// One version of a statement of work, every section of it: references, texts, deliverables,
// milestones, roles, the effort lines with their totals, the payment schedule with its 100 %
// check. A draft saves as typed; a version that was sent is read-only, and changing it asks to
// start the next version. The versions, their status and actions, the comparison of two versions
// and the export sit around it.
import { useState } from 'react';
import { SIDES } from '../../../../shared/domain.ts';
import { CURRENCIES, formatAmount, formatDays, formatMoney, formatPercent, WHOLE } from '../../../../shared/money.ts';
import { EXPENSE_MODES, PAYMENT_MODES, SOW_TEXTS, sowNumber, type SowDetail } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { fieldLabel } from './field-text.ts';
import { PartTable } from './PartTable.tsx';
import { NewVersionDialog, SowStatusBar } from './SowStatusBar.tsx';
import { SowDiffView } from './SowDiffView.tsx';
import { FrozenContext, SowDate, SowNumber, SowSelect, SowText } from './sow-fields.tsx';

interface Props {
  projectId: string;
  sowId: string;
  onChanged: () => void;
}

type Patch = Omit<Parameters<typeof api<'sows.update'>>[1], 'id'>;
type PartPatch = Parameters<typeof api<'sowItems.update'>>[1];

export function SowEditor({ projectId, sowId, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const query = useQuery('sows.get', { id: sowId });
  const [asking, setAsking] = useState(false);
  const detail: SowDetail | null = query.data;
  if (!detail || detail.sow.id !== sowId) return <p>{t('app.loading')}</p>;
  const { sow, totals } = detail;
  const frozen = sow.status !== 'draft';

  const reload = async () => {
    await query.reload();
    onChanged();
  };
  const update = async (patch: Patch) => {
    await api('sows.update', { id: sow.id, ...patch });
    await reload();
  };
  const updatePart = async (patch: PartPatch) => {
    await api('sowItems.update', patch);
    await reload();
  };
  const money = (minor: number) => formatMoney(minor, sow.currency, language);
  const amount = (minor: number) => formatAmount(minor, sow.currency, language);
  const lineTotal = new Map(totals.lines.map((l) => [l.id, l.totalMinor]));
  const paymentAmount = new Map(totals.payments.map((p) => [p.id, p.amountMinor]));
  const milestoneOptions = [{ value: '', label: t('doc.sow.onSignature') }, ...detail.milestones.map((m) => ({ value: m.id, label: m.title || t('sow.untitled') }))];
  const complete = totals.paymentBasisPoints === WHOLE;

  return (
    <FrozenContext.Provider value={{ frozen, ask: () => setAsking(true) }}>
      <article className="sow" aria-labelledby="sow-heading">
        <div className="screen-title">
          <h2 id="sow-heading">{`${sowNumber(sow.number)}: ${sow.title}`}</h2>
        </div>
        <SowStatusBar detail={detail} projectId={projectId} onChanged={reload} />
        {asking && <NewVersionDialog detail={detail} projectId={projectId} onClose={() => setAsking(false)} onChanged={onChanged} />}
        {detail.warnings.map((w) => (
          <p key={w.code} className="hint hint-warning">
            {w.code === 'validityPassed' ? t('sow.warning.validityPassed', { date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${w.validUntil}T00:00:00Z`)) }) : t('sow.warning.paymentsIncomplete', { percent: formatPercent(w.basisPoints, language) })}
          </p>
        ))}

        <section className="panel" aria-labelledby="sow-references-heading">
          <h3 id="sow-references-heading">{t('sow.references')}</h3>
          <div className="form-grid">
            <SowText label={t('sow.title')} saved={sow.title} save={(title) => update({ title })} />
            <SowText label={t('sow.frameworkAgreement')} saved={sow.frameworkAgreement} save={(frameworkAgreement) => update({ frameworkAgreement })} />
            <SowDate label={t('sow.date')} saved={sow.date} save={(date) => update({ date })} />
            <SowDate label={t('sow.validUntil')} saved={sow.validUntil} save={(validUntil) => update({ validUntil })} />
            <SowSelect label={t('sow.currency')} saved={sow.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} save={(c) => update({ currency: c as (typeof CURRENCIES)[number] })} />
          </div>
        </section>

        <section className="panel" aria-labelledby="sow-texts-heading">
          <h3 id="sow-texts-heading">{t('sow.texts')}</h3>
          <p className="muted small">{t('sow.textsHint')}</p>
          {SOW_TEXTS.slice(0, 4).map((field) => (
            <SowText key={field} multiline label={fieldLabel(t, field)} saved={sow[field]} save={(value) => update({ [field]: value })} />
          ))}
        </section>

        <PartTable
          part="deliverable"
          sowId={sow.id}
          heading={t('sow.deliverables')}
          items={detail.deliverables}
          addLabel={t('sow.addDeliverable')}
          empty={t('sow.noDeliverables')}
          onChanged={reload}
          columns={[
            { title: t('sow.deliverable'), cell: (d, label) => <SowText compact label={label} saved={d.title} save={(title) => updatePart({ part: 'deliverable', id: d.id, title })} /> },
            { title: t('sow.acceptanceCriteria'), cell: (d, label) => <SowText compact multiline label={label} saved={d.acceptanceCriteria} save={(acceptanceCriteria) => updatePart({ part: 'deliverable', id: d.id, acceptanceCriteria })} /> },
            { title: t('sow.dueDate'), cell: (d, label) => <SowDate compact label={label} saved={d.dueDate} save={(dueDate) => updatePart({ part: 'deliverable', id: d.id, dueDate })} /> },
          ]}
        />

        <section className="panel" aria-labelledby="sow-acceptance-heading">
          <h3 id="sow-acceptance-heading">{t('sow.acceptanceProcedure')}</h3>
          <SowText multiline label={t('sow.acceptanceProcedure')} saved={sow.acceptanceProcedure} save={(acceptanceProcedure) => update({ acceptanceProcedure })} />
        </section>

        <PartTable
          part="milestone"
          sowId={sow.id}
          heading={t('sow.milestones')}
          items={detail.milestones}
          addLabel={t('sow.addMilestone')}
          empty={t('sow.noMilestones')}
          onChanged={reload}
          columns={[
            { title: t('sow.milestone'), cell: (m, label) => <SowText compact label={label} saved={m.title} save={(title) => updatePart({ part: 'milestone', id: m.id, title })} /> },
            { title: t('sow.dueDate'), cell: (m, label) => <SowDate compact label={label} saved={m.dueDate} save={(dueDate) => updatePart({ part: 'milestone', id: m.id, dueDate })} /> },
          ]}
        />

        <PartTable
          part="role"
          sowId={sow.id}
          heading={t('sow.roles')}
          items={detail.roles}
          addLabel={t('sow.addRole')}
          empty={t('sow.noRoles')}
          onChanged={reload}
          columns={[
            {
              title: t('sow.side'),
              cell: (r, label) => <SowSelect compact label={label} saved={r.side} options={SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))} save={(side) => updatePart({ part: 'role', id: r.id, side: side as (typeof SIDES)[number] })} />,
            },
            { title: t('sow.role'), cell: (r, label) => <SowText compact label={label} saved={r.role} save={(role) => updatePart({ part: 'role', id: r.id, role })} /> },
            { title: t('sow.responsibilities'), cell: (r, label) => <SowText compact multiline label={label} saved={r.responsibilities} save={(responsibilities) => updatePart({ part: 'role', id: r.id, responsibilities })} /> },
          ]}
        />

        <section className="panel" aria-labelledby="sow-assumptions-heading">
          <h3 id="sow-assumptions-heading">{t('sow.assumptionsAndDependencies')}</h3>
          <SowText multiline label={t('sow.assumptions')} saved={sow.assumptions} save={(assumptions) => update({ assumptions })} />
          <SowText multiline label={t('sow.dependencies')} saved={sow.dependencies} save={(dependencies) => update({ dependencies })} />
        </section>

        <PartTable
          part="effort"
          sowId={sow.id}
          heading={t('sow.effort')}
          items={detail.effortLines}
          addLabel={t('sow.addEffort')}
          empty={t('sow.noEffort')}
          onChanged={reload}
          columns={[
            { title: t('sow.role'), cell: (l, label) => <SowText compact label={label} saved={l.role} save={(role) => updatePart({ part: 'effort', id: l.id, role })} /> },
            { title: t('sow.description'), cell: (l, label) => <SowText compact label={label} saved={l.description} save={(description) => updatePart({ part: 'effort', id: l.id, description })} /> },
            { title: t('sow.days'), numeric: true, cell: (l, label) => <SowNumber compact label={label} digits={2} saved={l.dayHundredths} save={(dayHundredths) => updatePart({ part: 'effort', id: l.id, dayHundredths })} /> },
            {
              title: `${t('sow.dailyRate')} (${sow.currency})`,
              numeric: true,
              cell: (l, label) => <SowNumber compact label={label} digits={2} saved={l.rateMinor} save={(minor) => updatePart({ part: 'effort', id: l.id, dailyRate: { minor, currency: sow.currency } })} />,
            },
            { title: `${t('sow.amount')} (${sow.currency})`, numeric: true, cell: (l) => <output>{amount(lineTotal.get(l.id) ?? 0)}</output> },
          ]}
          footer={
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('doc.sow.totalDays')}
                </th>
                <td className="numeric">{formatDays(totals.dayHundredths, language)}</td>
                <td />
                <td className="numeric">{amount(totals.subtotalMinor)}</td>
                <td />
              </tr>
            </tfoot>
          }
        />

        <section className="panel" aria-labelledby="sow-fee-heading">
          <h3 id="sow-fee-heading">{t('sow.fee')}</h3>
          <div className="form-grid">
            <SowNumber label={t('sow.discountPercent')} digits={2} saved={sow.discountBasisPoints} save={(discountBasisPoints) => update({ discountBasisPoints })} />
            <SowSelect
              label={t('sow.expensesMode')}
              saved={sow.expensesMode}
              options={EXPENSE_MODES.map((m) => ({ value: m, label: t(`sow.expensesMode.${m}`) }))}
              save={(mode) => update({ expensesMode: mode as (typeof EXPENSE_MODES)[number] })}
            />
            {sow.expensesMode !== 'none' && (
              <SowNumber
                label={t(sow.expensesMode === 'flat' ? 'sow.expensesAmount' : 'sow.expensesPerTrip', { currency: sow.currency })}
                digits={2}
                saved={sow.expensesMinor}
                save={(minor) => update({ expenses: { minor, currency: sow.currency } })}
              />
            )}
            {sow.expensesMode === 'perTrip' && <SowNumber label={t('sow.expensesTrips')} digits={0} saved={sow.expensesTrips} save={(expensesTrips) => update({ expensesTrips })} />}
          </div>
          <dl className="sow-totals" aria-live="polite">
            <div>
              <dt>{t('sow.subtotal')}</dt>
              <dd>{money(totals.subtotalMinor)}</dd>
            </div>
            <div>
              <dt>{t('sow.discount')}</dt>
              <dd>{money(-totals.discountMinor)}</dd>
            </div>
            <div>
              <dt>{t('sow.expenses')}</dt>
              <dd>{money(totals.expensesMinor)}</dd>
            </div>
            <div className="sow-total">
              <dt>{t('sow.total')}</dt>
              <dd>{money(totals.totalMinor)}</dd>
            </div>
          </dl>
        </section>

        <PartTable
          part="payment"
          sowId={sow.id}
          heading={t('sow.payments')}
          items={detail.payments}
          addLabel={t('sow.addPayment')}
          empty={t('sow.noPayments')}
          onChanged={reload}
          columns={[
            { title: t('sow.paymentLabel'), cell: (p, label) => <SowText compact label={label} saved={p.label} save={(value) => updatePart({ part: 'payment', id: p.id, label: value })} /> },
            { title: t('sow.sharePercent'), numeric: true, cell: (p, label) => <SowNumber compact label={label} digits={2} saved={p.percentBasisPoints} save={(percentBasisPoints) => updatePart({ part: 'payment', id: p.id, percentBasisPoints })} /> },
            {
              title: t('sow.dueDate'),
              cell: (p, label) =>
                sow.paymentMode === 'milestone' ? (
                  <SowSelect compact label={label} saved={p.milestoneId ?? ''} options={milestoneOptions} save={(v) => updatePart({ part: 'payment', id: p.id, milestoneId: v === '' ? null : v })} />
                ) : (
                  <SowDate compact label={label} saved={p.dueDate} save={(dueDate) => updatePart({ part: 'payment', id: p.id, dueDate })} />
                ),
            },
            { title: `${t('sow.amount')} (${sow.currency})`, numeric: true, cell: (p) => <output>{amount(paymentAmount.get(p.id) ?? 0)}</output> },
          ]}
        />
        <div className="sow-payment-check">
          <SowSelect
            label={t('sow.paymentMode')}
            saved={sow.paymentMode}
            options={PAYMENT_MODES.map((m) => ({ value: m, label: t(`sow.paymentMode.${m}`) }))}
            save={(mode) => update({ paymentMode: mode as (typeof PAYMENT_MODES)[number] })}
          />
          <p role="status" className={complete ? 'sow-check-ok' : 'sow-check-bad'}>
            {complete ? t('sow.paymentsComplete') : t('sow.paymentsIncomplete', { percent: formatPercent(totals.paymentBasisPoints, language) })}
          </p>
        </div>

        <section className="panel" aria-labelledby="sow-change-heading">
          <h3 id="sow-change-heading">{t('sow.changeControl')}</h3>
          <SowText multiline label={t('sow.changeControl')} saved={sow.changeControl} save={(changeControl) => update({ changeControl })} />
        </section>

        {detail.versions.length > 1 && <SowDiffView detail={detail} />}
        <ExportPanel projectId={projectId} document="sow" options={{ sowId: sow.id }} />
        {!frozen && (
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                if (!window.confirm(t('sow.removeConfirm'))) return;
                void reportFailure(
                  api('sows.remove', { id: sow.id }).then(() => {
                    onChanged();
                    window.location.hash = `#/project/${projectId}/sows`;
                  }),
                );
              }}
            >
              {t('sow.remove')}
            </button>
          </p>
        )}
      </article>
    </FrozenContext.Provider>
  );
}
