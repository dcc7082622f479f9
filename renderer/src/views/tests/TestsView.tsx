// The tests of a project: the plan (made from the pack and the workshop answers, then cases
// added, edited, moved and removed), the runs with their counts, and the chosen run executed.
import { useState } from 'react';
import { RESULT_STATUSES, testCaseNumber, type TestCase, type TestRunSummary } from '../../../../shared/test-protocol/types.ts';
import { api } from '../../api/client.ts';
import { AutoSelect, AutoText, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { RunView } from './RunView.tsx';

interface Props {
  projectId: string;
  runId: string | null;
}

export function TestsView({ projectId, runId }: Props) {
  const t = useT();
  const { detail } = useOpenProject();
  const runs = useQuery('testRuns.list', { projectId });

  if (!detail || detail.project.id !== projectId) return <p>{t('app.loading')}</p>;

  return (
    <section className="tests" aria-labelledby="tests-heading">
      <ProjectNav projectId={projectId} current="tests" />
      <h1 id="tests-heading">{t('tests.heading', { project: detail.project.name })}</h1>
      {runId ? (
        <>
          <p>
            <a href={`#/project/${projectId}/tests`}>{t('tests.backToPlan')}</a>
          </p>
          <RunView key={runId} projectId={projectId} runId={runId} onChanged={() => void runs.reload()} />
        </>
      ) : (
        <>
          <Runs projectId={projectId} runs={runs.data ?? []} onChanged={() => void runs.reload()} />
          <Plan projectId={projectId} />
        </>
      )}
    </section>
  );
}

function Runs({ projectId, runs, onChanged }: { projectId: string; runs: TestRunSummary[]; onChanged: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const { busy, error, run } = useSubmit();
  const create = () =>
    void run(async () => {
      const created = await api('testRuns.create', { projectId, name: name.trim() || t('tests.defaultRunName') });
      setName('');
      onChanged();
      window.location.hash = `#/project/${projectId}/tests/${created.run.id}`;
    });
  return (
    <section aria-labelledby="test-runs-heading">
      <h2 id="test-runs-heading">{t('tests.runs')}</h2>
      <div className="add-item">
        <TextField label={t('tests.runName')} value={name} onChange={setName} error={error?.field === 'name' ? error.message : null} />
        <button type="button" className="primary" onClick={create} disabled={busy}>
          {t('tests.startRun')}
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="muted">{t('tests.noRuns')}</p>
      ) : (
        <ul className="entry-list" aria-label={t('tests.runs')}>
          {runs.map((r) => (
            <li key={r.id}>
              <a href={`#/project/${projectId}/tests/${r.id}`}>
                <span>{r.name}</span>
                <span className="muted small">
                  {t('tests.progress', { done: r.summary.done, total: r.summary.total })} ·{' '}
                  {RESULT_STATUSES.filter((s) => r.summary.counts[s] > 0)
                    .map((s) => `${t(`testStatus.${s}`)} ${r.summary.counts[s]}`)
                    .join(' · ')}
                  {r.signOff ? ` · ${t('tests.signed')}` : ''}
                  {r.supersededBy ? ` · ${t('tests.superseded')}` : ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Plan({ projectId }: { projectId: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const cases = useQuery('testCases.list', { projectId });
  const [title, setTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const reload = () => void cases.reload();

  const make = () =>
    void run(async () => {
      await api('testCases.makePlan', { projectId, language });
      await cases.reload();
    });
  const add = () =>
    void run(async () => {
      await api('testCases.create', { projectId, title: title.trim() });
      setTitle('');
      await cases.reload();
    });

  const list = cases.data ?? [];
  return (
    <section aria-labelledby="test-plan-heading">
      <h2 id="test-plan-heading">{t('tests.plan')}</h2>
      <div className="toolbar">
        <button type="button" onClick={make} disabled={busy}>
          {t('tests.makePlan')}
        </button>
      </div>
      {list.length === 0 && <p className="muted">{t('tests.noCases')}</p>}
      <ol className="test-plan" aria-label={t('tests.plan')}>
        {list.map((c, index) => (
          <CaseItem key={c.id} testCase={c} first={index === 0} last={index === list.length - 1} onChanged={reload} />
        ))}
      </ol>
      <div className="add-item">
        <TextField label={t('tests.newCaseTitle')} value={title} onChange={setTitle} error={error?.field === 'title' ? error.message : null} />
        <button type="button" onClick={add} disabled={busy || title.trim() === ''}>
          {t('tests.addCase')}
        </button>
      </div>
    </section>
  );
}

function CaseItem({ testCase: c, first, last, onChanged }: { testCase: TestCase; first: boolean; last: boolean; onChanged: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { busy, run } = useSubmit();
  const key = testCaseNumber(c.number);
  const act = (action: () => Promise<unknown>) =>
    void run(async () => {
      await action();
      onChanged();
    });
  const save = async (patch: Omit<Parameters<typeof api<'testCases.update'>>[1], 'id'>) => {
    await api('testCases.update', { id: c.id, ...patch });
    onChanged();
  };
  const setStep = (index: number, part: 'action' | 'expected', value: string) => save({ steps: c.steps.map((s, i) => (i === index ? { ...s, [part]: value } : s)) });

  return (
    <li aria-label={`${key}: ${c.title}`}>
      <h3>
        {key}: {c.title} <span className="muted small">({t(`priority.${c.priority}`)})</span>
      </h3>
      {c.preconditions && (
        <p className="small">
          {t('doc.tp.preconditions')}: {c.preconditions}
        </p>
      )}
      {c.steps.length > 0 && (
        <ol className="test-steps">
          {c.steps.map((s, i) => (
            <li key={i}>
              {s.action} <span className="muted">→ {s.expected}</span>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {editing ? t('tests.doneEditing') : t('tests.editCase', { key })}
        </button>
        <button type="button" disabled={busy || first} onClick={() => act(() => api('testCases.move', { id: c.id, position: c.position - 1 }))} aria-label={t('tests.moveUp', { key })}>
          ↑
        </button>
        <button type="button" disabled={busy || last} onClick={() => act(() => api('testCases.move', { id: c.id, position: c.position + 1 }))} aria-label={t('tests.moveDown', { key })}>
          ↓
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('tests.removeConfirm', { key }))) act(() => api('testCases.remove', { id: c.id }));
          }}
        >
          {t('tests.removeCase', { key })}
        </button>
      </div>
      {editing && (
        <div className="case-editor">
          <AutoText label={t('tests.caseTitle')} saved={c.title} save={(title) => save({ title })} />
          <AutoText label={t('doc.tp.preconditions')} saved={c.preconditions} save={(preconditions) => save({ preconditions })} multiline />
          <AutoSelect
            label={t('doc.tp.priority')}
            saved={c.priority}
            options={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            save={(priority) => save({ priority: priority as TestCase['priority'] })}
          />
          {c.steps.map((s, i) => (
            <fieldset key={i}>
              <legend>{t('tests.stepN', { n: i + 1 })}</legend>
              <AutoText label={t('doc.tp.step')} saved={s.action} save={(v) => setStep(i, 'action', v)} multiline compact />
              <AutoText label={t('doc.tp.expected')} saved={s.expected} save={(v) => setStep(i, 'expected', v)} multiline compact />
              <button type="button" onClick={() => act(() => save({ steps: c.steps.filter((_, j) => j !== i) }))}>
                {t('tests.removeStep', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" onClick={() => act(() => save({ steps: [...c.steps, { action: '', expected: '' }] }))}>
            {t('tests.addStep')}
          </button>
        </div>
      )}
    </li>
  );
}
