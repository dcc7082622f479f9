// Results imported from tools into a test run: a JMeter or JUnit file chosen, sent in pieces and
// imported with a progress bar and a cancel button; then per JMeter file the statistics per label
// with the two charts, per JUnit file the summary and the failed tests. The run view places it.
import { useRef, useState } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { formatNumber } from '../../../../shared/quantity.ts';
import { responseTimeChart, throughputChart } from '../../../../shared/test-results/charts.ts';
import { summariseJunit, type ImportedResults, type JmeterResult, type JunitResult, type SampleStats } from '../../../../shared/test-results/types.ts';
import { api, apiTask } from '../../api/client.ts';
import { Chart } from '../../components/Chart.tsx';
import { errorFor } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../state/use-query.ts';
import { useUi } from '../../state/ui.ts';
import { uploadFile } from './upload.ts';

type Status = { kind: 'idle' } | { kind: 'upload'; percent: number } | { kind: 'rows'; done: number; total: number } | { kind: 'write' };

export function TestResultsPanel({ projectId, runId, frozen = false }: { projectId: string; runId: string; frozen?: boolean }) {
  const t = useT();
  const results = useQuery('testResults.list', { runId });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);

  const importFile = async (file: File) => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setStatus({ kind: 'upload', percent: 0 });
    try {
      const uploadId = await uploadFile(file, (sent) => setStatus({ kind: 'upload', percent: Math.round((sent / Math.max(file.size, 1)) * 100) }), controller.signal);
      await apiTask(
        'testResults.import',
        { projectId, runId, fileName: file.name.slice(0, 500), uploadId },
        { signal: controller.signal, onProgress: (p) => setStatus(p.stage === 'rows' ? { kind: 'rows', done: p.done, total: p.total } : { kind: 'write' }) },
      );
      await results.reload();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'cancelled') && !controller.signal.aborted) setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      abort.current = null;
      setStatus({ kind: 'idle' });
    }
  };

  const busy = status.kind !== 'idle';
  return (
    <section className="panel test-results" aria-labelledby="test-results-heading">
      <h2 id="test-results-heading">{t('results.heading')}</h2>
      {!frozen && (
        <p>
          <label>
            {t('results.import')}{' '}
            <input
              type="file"
              accept=".jtl,.csv,.xml,.txt"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          <br />
          <span className="hint">{t('results.importHint')}</span>
        </p>
      )}
      {busy && (
        <div role="status">
          <ProgressLine status={status} />
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('results.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {errorFor(t, error)}
        </p>
      )}
      {results.data?.length === 0 && <p className="muted">{t('results.none')}</p>}
      {results.data?.map((imported) => (
        <ImportedFile key={imported.id} imported={imported} frozen={frozen} onRemoved={results.reload} />
      ))}
    </section>
  );
}

function ProgressLine({ status }: { status: Status }) {
  const t = useT();
  const language = useUi((s) => s.language);
  if (status.kind === 'upload') return <progress max={100} value={status.percent} aria-label={t('results.uploading', { percent: status.percent })} />;
  if (status.kind === 'rows') {
    const text = t('results.reading', { done: formatNumber(status.done, language, 0), total: formatNumber(status.total, language, 0) });
    return (
      <>
        <progress max={Math.max(status.total, 1)} value={status.done} aria-label={text} /> <span>{text}</span>
      </>
    );
  }
  return <span>{t('results.writing')}</span>;
}

function ImportedFile({ imported, frozen, onRemoved }: { imported: ImportedResults; frozen: boolean; onRemoved: () => Promise<void> }) {
  const t = useT();
  return (
    <article className="test-results-file">
      <h3>{`${t(imported.kind === 'jmeter' ? 'results.jmeter' : 'results.junit')}: ${imported.fileName}`}</h3>
      <p className="muted">{t('results.file', { file: imported.fileName, date: imported.importedAt.slice(0, 10), name: imported.importedBy })}</p>
      {imported.kind === 'jmeter' ? <JmeterFigures result={imported} /> : <JunitFigures result={imported} />}
      {!frozen && (
        <button type="button" onClick={() => void api('testResults.remove', { id: imported.id }).then(onRemoved)}>
          {t('results.remove')}
        </button>
      )}
    </article>
  );
}

function JmeterFigures({ result }: { result: JmeterResult }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const n = (value: number, digits = 0) => formatNumber(value, language, digits);
  const row = (name: string, s: SampleStats, key: string, total = false) => (
    <tr key={key} className={total ? 'total' : undefined}>
      <th scope="row">{name}</th>
      <td>{n(s.samples)}</td>
      <td>{`${n(s.errorRate * 100, 2)} %`}</td>
      <td>{n(s.mean, 1)}</td>
      <td>{n(s.p50)}</td>
      <td>{n(s.p90)}</td>
      <td>{n(s.p95)}</td>
      <td>{n(s.p99)}</td>
      <td>{n(s.max)}</td>
      <td>{s.throughput === null ? '–' : n(s.throughput, 2)}</td>
    </tr>
  );
  return (
    <>
      <table className="data-table">
        <caption>{t('results.jmeter')}</caption>
        <thead>
          <tr>
            {(['results.label', 'results.samples', 'results.errors', 'results.mean', 'results.p50', 'results.p90', 'results.p95', 'results.p99', 'results.max', 'results.throughput'] as const).map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.labels.map((l) => row(l.transaction ? t('results.transaction', { label: l.label }) : l.label, l, l.label))}
          {row(t('results.total'), result.total, '\u0000total', true)}
        </tbody>
      </table>
      <p className="hint">{`${t('results.transactionNote')} ${t('results.percentileNote')}`}</p>
      {result.series.length > 1 && (
        <>
          <Chart chart={responseTimeChart(result, language)} />
          <Chart chart={throughputChart(result, language)} height={280} />
        </>
      )}
      {result.malformed > 0 && (
        <>
          <p>{t('results.malformed', { count: n(result.malformed) })}</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p.line}>{t('results.line', { line: String(p.line), message: p.message })}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function JunitFigures({ result }: { result: JunitResult }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const n = (value: number) => formatNumber(value, language, 0);
  const s = summariseJunit(result.cases);
  const failures = result.cases.filter((c) => c.status === 'failed' || c.status === 'error');
  return (
    <>
      <p>{t('results.junitSummary', { cases: n(s.cases), suites: n(s.suites), passed: n(s.passed), failed: n(s.failed), error: n(s.error), skipped: n(s.skipped) })}</p>
      {failures.length > 0 && (
        <table className="data-table">
          <caption>{t('results.failures')}</caption>
          <thead>
            <tr>
              {(['results.suite', 'results.case', 'results.status', 'results.message', 'results.duration'] as const).map((key) => (
                <th key={key} scope="col">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {failures.map((c, i) => (
              <tr key={i}>
                <td>{c.suite}</td>
                <th scope="row">{c.name}</th>
                <td>{t(`results.status.${c.status}`)}</td>
                <td>
                  <details>
                    <summary>{c.message || '–'}</summary>
                    <pre>{c.detail}</pre>
                  </details>
                </td>
                <td>{c.durationMs === null ? '–' : n(c.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
