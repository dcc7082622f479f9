// One test run executed: one case at a time, P / F / B set passed / failed / blocked and the next
// untested case follows; the actual results and the comment are saved as typed; evidence is
// attached and shown as thumbnails; progress and counts stay visible. Below: the results imported
// from tools, the summary with the verdict the consultant confirms, the sign-off of both sides,
// the re-run of the failed and blocked cases and the protocol's export.
import { useCallback, useEffect, useState } from 'react';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { RESULT_STATUSES, VERDICTS, testCaseNumber, type ResultStatus, type Signatory, type TestResult, type TestRunDetail, type Verdict } from '../../../../shared/test-protocol/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { AutoText, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { reportFailure } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { TestResultsPanel } from '../test-results/TestResultsPanel.tsx';

const KEYS: Record<string, ResultStatus> = { p: 'passed', f: 'failed', b: 'blocked' };

/** The next untested case after `from`, going round; null when none is left. */
function nextUntested(results: readonly TestResult[], from: number): number | null {
  for (let step = 1; step <= results.length; step++) {
    const i = (from + step) % results.length;
    if (results[i]!.status === 'untested') return i;
  }
  return null;
}

export function RunView({ projectId, runId, onChanged }: { projectId: string; runId: string; onChanged: () => void }) {
  const t = useT();
  const loaded = useQuery('testRuns.get', { id: runId });
  const [detail, setDetail] = useState<TestRunDetail | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const current = detail ?? loaded.data;

  const changed = useCallback(
    (next: TestRunDetail) => {
      setDetail(next);
      onChanged();
    },
    [onChanged],
  );

  const results = current?.results ?? [];
  const at = index ?? Math.max(0, results.findIndex((r) => r.status === 'untested'));
  const frozen = current?.run.signOff != null;

  const setStatus = useCallback(
    async (status: ResultStatus) => {
      const result = results[at];
      if (!result || frozen) return;
      const next = await api('testRuns.setResult', { runId, caseId: result.caseId, status });
      changed(next);
      const following = nextUntested(next.results, at);
      if (following !== null) setIndex(following);
    },
    [results, at, frozen, runId, changed],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const status = KEYS[e.key.toLowerCase()];
      if (!status) return;
      e.preventDefault();
      void reportFailure(setStatus(status));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setStatus]);

  if (!current) return <p>{t('app.loading')}</p>;
  const { run, summary } = current;
  const result = results[at];

  return (
    <div className="test-run">
      <h2>{run.name}</h2>
      {current.supersededBy && <p className="notice">{t('doc.tp.superseded', { name: current.supersededBy.name })}</p>}
      {frozen && <p className="notice">{t('tests.frozen')}</p>}
      <div className="run-progress" role="status" aria-live="polite" aria-label={t('tests.progressLabel')}>
        <progress max={summary.total} value={summary.total - summary.counts.untested} />
        <span>{t('tests.tested', { done: summary.total - summary.counts.untested, total: summary.total })}</span>
        <span>
          {RESULT_STATUSES.map((s) => `${t(`testStatus.${s}`)} ${summary.counts[s]}`).join(' · ')}
        </span>
      </div>

      <nav aria-label={t('tests.casesOfRun')}>
        <ol className="run-cases">
          {results.map((r, i) => (
            <li key={r.id}>
              <button type="button" aria-current={i === at ? 'true' : undefined} onClick={() => setIndex(i)}>
                {testCaseNumber(r.caseNumber)} · {t(`testStatus.${r.status}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {result && <CaseRun key={result.id} runId={runId} result={result} frozen={frozen} onChanged={changed} onStatus={(s) => void reportFailure(setStatus(s))} />}

      <TestResultsPanel projectId={projectId} runId={runId} frozen={frozen} />
      <Summary detail={current} onChanged={changed} />
      <SignOffForm detail={current} onChanged={changed} />
      <Rerun projectId={projectId} detail={current} />
      <ExportPanel projectId={projectId} document="test-protocol" options={{ runId }} />
    </div>
  );
}

function CaseRun({ runId, result: r, frozen, onChanged, onStatus }: { runId: string; result: TestResult; frozen: boolean; onChanged: (d: TestRunDetail) => void; onStatus: (s: ResultStatus) => void }) {
  const t = useT();
  const key = testCaseNumber(r.caseNumber);
  const { busy, run } = useSubmit();
  const save = async (patch: { actual?: string[]; comment?: string; defectRef?: string }) => onChanged(await api('testRuns.setResult', { runId, caseId: r.caseId, ...patch }));
  const actual = (i: number) => r.actual[i] ?? '';

  const attach = (files: FileList | null) =>
    void run(async () => {
      for (const file of Array.from(files ?? [])) {
        const base64 = await readBase64(file);
        onChanged(await api('testRuns.attach', { runId, caseId: r.caseId, fileName: file.name.slice(0, 300), mediaType: file.type || 'application/octet-stream', base64 }));
      }
    });

  return (
    <section className="case-run" aria-labelledby="case-run-heading">
      <h3 id="case-run-heading">
        {key}: {r.title}
      </h3>
      <p>
        {t('doc.tp.result')}: <strong>{t(`testStatus.${r.status}`)}</strong> · {t('doc.tp.priority')}: {t(`priority.${r.priority}`)}
      </p>
      {r.preconditions && (
        <p>
          {t('doc.tp.preconditions')}: {r.preconditions}
        </p>
      )}
      <p className="muted small">{t('tests.keysHint')}</p>
      <div className="button-row">
        {(['passed', 'failed', 'blocked'] as const).map((s) => (
          <button key={s} type="button" disabled={frozen} aria-pressed={r.status === s} onClick={() => onStatus(s)} aria-keyshortcuts={s[0]!.toUpperCase()}>
            {t(`testStatus.${s}`)} ({s[0]!.toUpperCase()})
          </button>
        ))}
      </div>
      <ol className="test-steps">
        {r.steps.map((s, i) => (
          <li key={i}>
            <p>{s.action}</p>
            <p className="muted">
              {t('doc.tp.expected')}: {s.expected}
            </p>
            {frozen ? (
              <p>
                {t('doc.tp.actual')}: {actual(i) || '–'}
              </p>
            ) : (
              <AutoText
                label={t('tests.actualN', { n: i + 1 })}
                saved={actual(i)}
                save={(v) => save({ actual: r.steps.map((_, j) => (j === i ? v : actual(j))) })}
                multiline
                compact
              />
            )}
          </li>
        ))}
      </ol>
      {r.steps.length === 0 && !frozen && <AutoText label={t('doc.tp.actual')} saved={actual(0)} save={(v) => save({ actual: [v] })} multiline />}
      {!frozen && (
        <>
          <AutoText label={t('doc.tp.comment')} saved={r.comment} save={(comment) => save({ comment })} multiline />
          <AutoText label={t('doc.tp.defect')} saved={r.defectRef} save={(defectRef) => save({ defectRef })} />
        </>
      )}
      {r.status === 'failed' &&
        (r.requirementId ? (
          <p>{t('tests.onChecklist')}</p>
        ) : (
          !frozen && (
            <button type="button" disabled={busy} onClick={() => void run(async () => onChanged(await api('testRuns.toChecklist', { runId, caseId: r.caseId })))}>
              {t('tests.toChecklist')}
            </button>
          )
        ))}
      <div className="evidence">
        <h4>{t('tests.evidence')}</h4>
        {r.evidence.length === 0 && <p className="muted small">{t('tests.noEvidence')}</p>}
        <ul className="thumbnails">
          {r.evidence.map((e) => (
            <li key={e.id}>
              {e.mediaType.startsWith('image/') ? <Thumbnail id={e.id} name={e.name} /> : <span>{e.name}</span>}
              <span className="muted small">{e.name}</span>
            </li>
          ))}
        </ul>
        {!frozen && (
          <label>
            {t('tests.attach', { key })}
            <input type="file" multiple disabled={busy} onChange={(e) => attach(e.target.files)} />
          </label>
        )}
      </div>
    </section>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

function Thumbnail({ id, name }: { id: string; name: string }) {
  const file = useQuery('testRuns.evidence', { id });
  return file.data ? <img src={file.data.dataUrl} alt={name} className="thumbnail" width={120} /> : <span>{name}</span>;
}

function Summary({ detail, onChanged }: { detail: TestRunDetail; onChanged: (d: TestRunDetail) => void }) {
  const t = useT();
  const { run, summary } = detail;
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [name, setName] = useState(run.verdictBy || run.tester);
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [note, setNote] = useState(run.verdictNote);
  const submit = useSubmit();
  const chosen = verdict ?? run.verdict ?? summary.suggestedVerdict ?? 'approved';
  const frozen = run.signOff !== null;
  return (
    <section aria-labelledby="run-summary-heading">
      <h3 id="run-summary-heading">{t('doc.tp.summary')}</h3>
      <p>{summary.complete ? t('doc.tp.complete') : t('doc.tp.incomplete', { open: summary.total - summary.done, total: summary.total })}</p>
      <p>
        {t('doc.tp.verdict')}: <strong>{run.verdict ? t(`verdict.${run.verdict}`) : t('doc.tp.verdictPending')}</strong>
        {summary.suggestedVerdict && !run.verdict ? ` (${t('tests.suggested', { verdict: t(`verdict.${summary.suggestedVerdict}`) })})` : ''}
      </p>
      {summary.complete && !frozen && (
        <div className="verdict-form">
          <SelectField label={t('doc.tp.verdict')} value={chosen} options={VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}`) }))} onChange={(v) => setVerdict(v as Verdict)} />
          <TextField label={t('tests.verdictNote')} value={note} onChange={setNote} multiline />
          <TextField label={t('tests.confirmedBy')} value={name} onChange={setName} error={submit.error?.field === 'name' ? submit.error.message : null} />
          <DateField label={t('tests.confirmedOn')} value={date} onChange={setDate} required error={submit.error?.field === 'date' ? submit.error.message : null} />
          <button
            type="button"
            className="primary"
            disabled={submit.busy}
            onClick={() => void submit.run(async () => onChanged(await api('testRuns.confirmVerdict', { id: run.id, verdict: chosen, note, name, date })))}
          >
            {t('tests.confirmVerdict')}
          </button>
        </div>
      )}
    </section>
  );
}

const EMPTY_SIGNATORY: Signatory = { name: '', role: '', organisation: '', date: '' };

function SignOffForm({ detail, onChanged }: { detail: TestRunDetail; onChanged: (d: TestRunDetail) => void }) {
  const t = useT();
  const { run, summary } = detail;
  const today = localIsoDate(new Date());
  const [customer, setCustomer] = useState<Signatory>({ ...EMPTY_SIGNATORY, date: today });
  const [consultancy, setConsultancy] = useState<Signatory>({ ...EMPTY_SIGNATORY, name: run.verdictBy, date: today });
  const submit = useSubmit();
  if (run.signOff) {
    return (
      <section aria-labelledby="sign-off-heading">
        <h3 id="sign-off-heading">{t('doc.tp.signOff')}</h3>
        {([['tests.customer', run.signOff.customer], ['tests.consultancy', run.signOff.consultancy]] as const).map(([key, s]) => (
          <p key={key}>
            {t(key)}: {s.name}, {s.role}, {s.organisation}, {s.date}
          </p>
        ))}
      </section>
    );
  }
  if (!summary.complete || !run.verdict) return null;
  const side = (key: 'tests.customer' | 'tests.consultancy', value: Signatory, set: (s: Signatory) => void) => (
    <fieldset>
      <legend>{t(key)}</legend>
      <TextField label={t('tests.signatoryName', { side: t(key) })} value={value.name} onChange={(name) => set({ ...value, name })} required />
      <TextField label={t('tests.signatoryRole', { side: t(key) })} value={value.role} onChange={(role) => set({ ...value, role })} />
      <TextField label={t('tests.signatoryOrganisation', { side: t(key) })} value={value.organisation} onChange={(organisation) => set({ ...value, organisation })} />
      <DateField label={t('tests.signatoryDate', { side: t(key) })} value={value.date} onChange={(date) => set({ ...value, date })} required />
    </fieldset>
  );
  return (
    <section aria-labelledby="sign-off-heading">
      <h3 id="sign-off-heading">{t('doc.tp.signOff')}</h3>
      {side('tests.customer', customer, setCustomer)}
      {side('tests.consultancy', consultancy, setConsultancy)}
      {submit.error && <p className="error">{submit.error.message}</p>}
      <button type="button" className="primary" disabled={submit.busy} onClick={() => void submit.run(async () => onChanged(await api('testRuns.signOff', { id: run.id, customer, consultancy })))}>
        {t('tests.signOff')}
      </button>
    </section>
  );
}

function Rerun({ projectId, detail }: { projectId: string; detail: TestRunDetail }) {
  const t = useT();
  const { busy, run } = useSubmit();
  const { counts } = detail.summary;
  if (counts.failed + counts.blocked === 0) return null;
  return (
    <div className="button-row">
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const next = await api('testRuns.rerun', { id: detail.run.id });
            window.location.hash = `#/project/${projectId}/tests/${next.run.id}`;
          })
        }
      >
        {t('tests.rerun', { count: counts.failed + counts.blocked })}
      </button>
    </div>
  );
}
