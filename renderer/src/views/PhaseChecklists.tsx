// The activity checklist of each phase (from the process template, plus the consultant's own),
// current phase first open. Ticking marks an activity done; status, date and note save as typed.
import { useState } from 'react';
import { PHASES, type Phase, type ProjectDetail } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { errorFor, FieldFrame } from '../components/fields.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { ActivityRow } from './ActivityRow.tsx';

function AddActivity({ projectId, phase }: { projectId: string; phase: Phase }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const add = () =>
    run(async () => {
      await writeAndRefresh(api('activities.add', { projectId, phase, title }));
      setTitle('');
    });
  return (
    <form
      className="add-activity"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <FieldFrame label={t('checklist.newActivity', { phase: t(`phase.${phase}`) })} error={errorFor(t, error, 'title')} compact>
        {({ id, describedBy }) => (
          <input
            id={id}
            value={title}
            placeholder={t('checklist.newActivity', { phase: t(`phase.${phase}`) })}
            aria-describedby={describedBy}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </FieldFrame>
      <button type="submit" disabled={busy}>
        {t('checklist.add')}
      </button>
    </form>
  );
}

export function PhaseChecklists({ detail }: { detail: ProjectDetail }) {
  const t = useT();
  const { project, activities, progress } = detail;
  return (
    <section className="checklists" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('checklist.heading')}</h2>
      {PHASES.map((phase) => {
        const p = progress.find((x) => x.phase === phase);
        const settled = (p?.done ?? 0) + (p?.notNeeded ?? 0);
        return (
          <details key={phase} className="phase-checklist" open={phase === project.phase || undefined}>
            <summary>
              <h3>{t(`phase.${phase}`)}</h3>
              <span className="muted">{t('project.phaseProgress', { settled, total: p?.total ?? 0 })}</span>
            </summary>
            <ul className="activities">
              {activities
                .filter((a) => a.phase === phase)
                .map((a) => (
                  <ActivityRow key={a.id} activity={a} />
                ))}
            </ul>
            <AddActivity projectId={project.id} phase={phase} />
          </details>
        );
      })}
    </section>
  );
}
