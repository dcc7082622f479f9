// Where the project stands: the four phases in order, each with its progress, the current one
// marked, the Go / No-Go gate between Initialization and Concept, and the way to the next phase.
import { useState } from 'react';
import { PHASES, type Phase, type ProjectDetail } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { SelectField } from '../components/fields.tsx';
import { formatDate, useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { reportFailure, useUi } from '../state/ui.ts';
import { ApiError } from '../../../shared/errors.ts';
import { phaseOptions } from './options.ts';

export function Timeline({ detail }: { detail: ProjectDetail }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { project, progress } = detail;
  const [confirming, setConfirming] = useState<Phase | null>(null);
  const current = PHASES.indexOf(project.phase);
  const next = PHASES[current + 1];

  const move = async (phase: Phase, confirmWithoutGo: boolean): Promise<void> => {
    try {
      await writeAndRefresh(api('projects.setPhase', { id: project.id, phase, ...(confirmWithoutGo ? { confirmWithoutGo } : {}) }));
    } catch (error) {
      // Past Initialization without a Go: ask, then move only if the user insists.
      if (error instanceof ApiError && error.code === 'gate_not_go') setConfirming(phase);
      else throw error;
    }
  };

  const start = formatDate(language, project.startDate) ?? t('common.notSet');
  const target = formatDate(language, project.targetDate) ?? t('common.notSet');

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('project.timeline')}</h2>
      <p className="muted">{t('project.period', { start, target })}</p>
      <ol className="phases">
        {PHASES.map((phase, index) => {
          const p = progress.find((x) => x.phase === phase);
          const settled = (p?.done ?? 0) + (p?.notNeeded ?? 0);
          const total = p?.total ?? 0;
          const state = index < current ? 'past' : index === current ? 'current' : 'future';
          return (
            <li key={phase} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-name">{t(`phase.${phase}`)}</span>
              {state === 'current' && <span className="badge">{t('project.current')}</span>}
              <progress max={total || 1} value={settled} aria-label={t(`phase.${phase}`)} />
              <span className="muted">{t('project.phaseProgress', { settled, total })}</span>
              {phase === 'initialization' && (
                <span className={`gate gate-${project.gate.decision}`}>{t('gate.marker', { decision: t(`gate.${project.gate.decision}`) })}</span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="phase-controls">
        <SelectField
          label={t('project.phase')}
          value={project.phase}
          options={phaseOptions(t)}
          onChange={(phase) => void reportFailure(move(phase as Phase, false))}
        />
        {next && (
          <button type="button" onClick={() => void reportFailure(move(next, false))}>
            {t('project.moveTo', { phase: t(`phase.${next}`) })}
          </button>
        )}
      </div>
      {confirming && (
        <Dialog
          title={t('confirmPhase.title')}
          onCancel={() => setConfirming(null)}
          onSubmit={() => {
            setConfirming(null);
            void reportFailure(move(confirming, true));
          }}
          submitLabel={t('confirmPhase.confirm')}
          cancelLabel={t('common.cancel')}
        >
          <p>{t('confirmPhase.body', { decision: t(`gate.${project.gate.decision}`), phase: t(`phase.${confirming}`) })}</p>
        </Dialog>
      )}
    </section>
  );
}
