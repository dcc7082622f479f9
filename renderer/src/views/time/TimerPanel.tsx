// The project's running timers: who, since when, on what; stopped, the time is booked (to the
// nearest quarter hour) on the day it was started. Their start is in the database, so a timer
// started yesterday and the app closed overnight is still here.
import { useEffect } from 'react';
import { localIsoDate, showDate } from '../../../../shared/iso-date.ts';
import type { TimeTargets } from '../../../../shared/time/types.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { warningText } from './QuickEntry.tsx';
import { targetName } from './targets.ts';

interface Props {
  projectId: string;
  targets: TimeTargets;
  /** Bumped when a timer may have started elsewhere on the screen. */
  tick: number;
  onBooked: () => void;
}

export function TimerPanel({ projectId, targets, tick, onBooked }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const timers = useQuery('time.timers', { projectId });
  const { reload } = timers;
  useEffect(() => {
    if (tick > 0) void reload();
  }, [tick, reload]);

  const person = (id: string) => targets.people.find((p) => p.id === id)?.name ?? '–';
  /** The start as both languages write a time of day (14:30), with its day when it was not today. */
  const since = (startedAt: string) => {
    const moment = new Date(startedAt);
    const time = moment.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = localIsoDate(moment);
    return day === localIsoDate(new Date()) ? time : `${showDate(day, language)} ${time}`;
  };

  const stop = (id: string) =>
    void reportFailure(
      api('time.stopTimer', { id }).then(async (result) => {
        if (result.warnings.length > 0 && result.entry) useUi.getState().showNotice(result.warnings.map((w) => warningText(t, w, result.entry!.date, language)).join(' '));
        await reload();
        onBooked();
      }),
    );
  const discard = (id: string) => void reportFailure(api('time.cancelTimer', { id }).then(reload));

  return (
    <section className="panel" aria-labelledby="timers-heading">
      <h2 id="timers-heading">{t('time.timer')}</h2>
      <p className="muted small">{t('time.timerHint')}</p>
      <ul className="items">
        {(timers.data ?? []).map((timer) => {
          const running = t('time.timerRunning', { person: person(timer.personId), time: since(timer.startedAt), target: targetName(targets, timer, language) });
          return (
            <li key={timer.id} className="item">
              <span>{running}</span>{' '}
              <button type="button" className="primary" onClick={() => stop(timer.id)} aria-label={`${t('time.stopTimer')}: ${running}`}>
                {t('time.stopTimer')}
              </button>{' '}
              <button type="button" onClick={() => discard(timer.id)} aria-label={`${t('time.cancelTimer')}: ${running}`}>
                {t('time.cancelTimer')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
