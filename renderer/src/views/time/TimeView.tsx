// A project's time: quick entry (and timers), the week as a grid, and the list with its filters,
// CSV and time report. A booking anywhere on the screen refreshes the others.
import { useState } from 'react';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { useLastChoices } from './last-choices.ts';
import { QuickEntry } from './QuickEntry.tsx';
import { TimeList } from './TimeList.tsx';
import { TimerPanel } from './TimerPanel.tsx';
import { WeekGrid } from './WeekGrid.tsx';

export function TimeView({ projectId }: { projectId: string }) {
  const t = useT();
  const { detail } = useOpenProject();
  const targets = useQuery('time.targets', { projectId });
  const [last] = useLastChoices(projectId);
  // Bumped by every booking, so that each part reads what changed.
  const [tick, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);

  if (!detail || detail.project.id !== projectId || !targets.data) return <p>{t('app.loading')}</p>;

  return (
    <section className="time" aria-labelledby="time-heading">
      <ProjectNav projectId={projectId} current="time" />
      <h1 id="time-heading">{`${t('time.heading')}: ${detail.project.name}`}</h1>
      <div className="dashboard-columns">
        <QuickEntry projectId={projectId} targets={targets.data} onBooked={changed} />
        <TimerPanel projectId={projectId} targets={targets.data} tick={tick} onBooked={changed} />
      </div>
      <WeekGrid projectId={projectId} targets={targets.data} personId={last.personId} tick={tick} onChanged={changed} />
      <TimeList projectId={projectId} targets={targets.data} tick={tick} onChanged={changed} />
    </section>
  );
}
