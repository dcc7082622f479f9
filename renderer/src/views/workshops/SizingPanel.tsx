// The hardware sizing calculator of Technology transfer: mailboxes and concurrency per account
// type, features, and every assumption editable beside the result with its source. The result is
// computed as the consultant types (the same function the core uses) and saved with the project.
import { useEffect, useState } from 'react';
import { inputScale, formatQuantity, unitName } from '../../../../shared/quantity.ts';
import { ASSUMPTIONS, computeSizing, describeMachines, type SizingInput } from '../../../../shared/workshops/sizing.ts';
import type { ProjectSizing } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import { errorFor } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { useDraft } from '../../state/use-draft.ts';
import { reportFailure, useUi } from '../../state/ui.ts';

const number = (text: string): number => (text.trim() === '' ? 0 : Number(text));

interface Props {
  projectId: string;
  /** The mailbox count the Technology transfer answers give, to check the account types against. */
  mailboxesAnswered: number | null;
}

function SizingForm({ projectId, saved, mailboxesAnswered }: Props & { saved: ProjectSizing }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const draft = useDraft<SizingInput>(saved.input, (input) => api('sizing.save', { projectId, input }));
  const input = draft.value;
  // An input the calculator cannot take (a field emptied mid-edit) shows the last good result.
  const [result, setResult] = useState(() => computeSizing(saved.input));
  useEffect(() => {
    try {
      setResult(computeSizing(input));
    } catch {
      // keep the last result
    }
  }, [input]);
  const fmt = new Intl.NumberFormat(language);
  const error = errorFor(t, draft.error);

  const mailboxes = input.accountTypes.reduce((sum, a) => sum + a.mailboxes, 0);
  const setType = (index: number, patch: Partial<SizingInput['accountTypes'][number]>) =>
    draft.change({ ...input, accountTypes: input.accountTypes.map((a, i) => (i === index ? { ...a, ...patch } : a)) });

  return (
    <div onBlur={() => void draft.flush()}>
      <table>
        <caption className="visually-hidden">{t('sizing.accountTypes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sizing.accountType')}</th>
            <th scope="col">{t('sizing.mailboxes')}</th>
            <th scope="col">{t('sizing.concurrency')}</th>
            <th scope="col">{t('sizing.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {input.accountTypes.map((a, i) => (
            <tr key={a.key}>
              <th scope="row">{a.label[language]}</th>
              <td>
                <input
                  type="number"
                  min={0}
                  step={1}
                  aria-label={t('sizing.mailboxesOf', { type: a.label[language] })}
                  value={a.mailboxes}
                  onChange={(e) => setType(i, { mailboxes: number(e.target.value) })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  aria-label={t('sizing.concurrencyOf', { type: a.label[language] })}
                  value={Math.round(a.concurrency * 10_000) / 100}
                  onChange={(e) => setType(i, { concurrency: number(e.target.value) / 100 })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={t('sizing.weightOf', { type: a.label[language] })}
                  value={a.weight}
                  onChange={(e) => setType(i, { weight: number(e.target.value) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="choices">
        {(['mobileSync', 'documents'] as const).map((feature) => (
          <label key={feature} className="checkbox">
            <input
              type="checkbox"
              checked={input.features[feature]}
              onChange={(e) => draft.commit({ ...input, features: { ...input.features, [feature]: e.target.checked } })}
            />
            {t(`sizing.feature.${feature}`)}
          </label>
        ))}
      </div>

      <section aria-labelledby="sizing-result-heading" className="sizing-result">
        <h4 id="sizing-result-heading">{t('sizing.result')}</h4>
        <dl>
          <div>
            <dt>{t('sizing.concurrentSessions')}</dt>
            <dd>{fmt.format(result.concurrentSessions)}</dd>
          </div>
          <div>
            <dt>{t('sizing.middleware')}</dt>
            <dd>{describeMachines(result.middleware.nodes, result.middleware.ramGb, result.middleware.cores, language)}</dd>
          </div>
          <div>
            <dt>{t('sizing.mysql')}</dt>
            <dd>{describeMachines(result.mysql.servers, result.mysql.ramGb, result.mysql.cores, language)}</dd>
          </div>
          <div>
            <dt>{t('sizing.fileStore')}</dt>
            <dd>{formatQuantity(result.fileStore.gb, 'GB', language)}</dd>
          </div>
          <div>
            <dt>{t('sizing.provisioning')}</dt>
            <dd>{result.provisioningNode ? t('workshops.yes') : t('workshops.no')}</dd>
          </div>
        </dl>
        <details>
          <summary>{t('sizing.steps')}</summary>
          <ol>
            {result.steps.map((s, i) => (
              <li key={i}>
                {s.label[language]}: <code>{s.formula[language]}</code> = <strong>{s.value[language]}</strong>
              </li>
            ))}
          </ol>
        </details>
      </section>

      <table className="assumptions">
        <caption>{t('sizing.assumptions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sizing.assumption')}</th>
            <th scope="col">{t('sizing.value')}</th>
            <th scope="col">{t('sizing.source')}</th>
          </tr>
        </thead>
        <tbody>
          {ASSUMPTIONS.map((a) => (
            <tr key={a.key}>
              <th scope="row">
                {a.label[language]} <span className="muted">({unitName(a.unit, language)})</span>
              </th>
              <td>
                <input
                  type="number"
                  step="any"
                  aria-label={a.label[language]}
                  value={Math.round(input.assumptions[a.key] * inputScale(a.unit) * 10_000) / 10_000}
                  onChange={(e) => draft.change({ ...input, assumptions: { ...input.assumptions, [a.key]: number(e.target.value) / inputScale(a.unit) } })}
                />
              </td>
              <td className="muted small">{a.source[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mailboxesAnswered !== null && mailboxesAnswered !== mailboxes && (
        <p className="hint hint-info" role="note">
          {t('sizing.mailboxesDiffer', { answered: fmt.format(mailboxesAnswered), sum: fmt.format(mailboxes) })}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SizingPanel({ projectId, mailboxesAnswered }: Props) {
  const t = useT();
  const [saved, setSaved] = useState<ProjectSizing | null>(null);
  useEffect(() => {
    void reportFailure(api('sizing.get', { projectId }).then(setSaved));
  }, [projectId]);
  return (
    <section className="panel sizing" aria-labelledby="sizing-heading">
      <h3 id="sizing-heading">{t('sizing.heading')}</h3>
      <p className="muted">{t('sizing.intro')}</p>
      {saved ? <SizingForm projectId={projectId} saved={saved} mailboxesAnswered={mailboxesAnswered} /> : <p>{t('app.loading')}</p>}
    </section>
  );
}
