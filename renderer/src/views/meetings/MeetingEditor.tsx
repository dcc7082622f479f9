// The minutes of one meeting, written while it happens: when and where, who chairs and who
// writes, who came, approval of the previous minutes, the agenda with notes, decisions and action
// items, and the next meeting. Keyboard first: Ctrl+Enter starts the next agenda item,
// Ctrl+Shift+D a decision and Ctrl+Shift+A an action item under the agenda item being written.
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ProjectMember } from '../../../../shared/domain.ts';
import { MEETING_KINDS, PREVIOUS_MINUTES, type MeetingDetail } from '../../../../shared/meetings/types.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, toCount } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { AgendaItemEditor } from './AgendaItemEditor.tsx';
import { AttendeesTable } from './AttendeesTable.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';
import { TrainingParts } from './TrainingParts.tsx';

interface Props {
  projectId: string;
  meetingId: string;
  people: readonly ProjectMember[];
  onChanged: () => void;
}

type Patch = Omit<Parameters<typeof api<'meetings.update'>>[1], 'id'>;

/** Which part of an agenda item a shortcut goes to. */
export type AgendaTarget = 'title' | 'decision' | 'action';

function focusAgenda(itemId: string, target: AgendaTarget): void {
  const selector = { title: '[data-agenda-title] input', decision: '[data-new-decision] input', action: '[data-new-action] input' }[target];
  document.querySelector<HTMLElement>(`[data-agenda-item="${itemId}"] ${selector}`)?.focus();
}

export function MeetingEditor({ projectId, meetingId, people, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const query = useQuery('meetings.get', { id: meetingId });
  const overview = useQuery('workshops.overview', { projectId });
  const [focusNext, setFocusNext] = useState<{ id: string; target: AgendaTarget } | null>(null);
  const reload = query.reload;

  useEffect(() => {
    if (!focusNext || !query.data?.agenda.some((a) => a.id === focusNext.id)) return;
    focusAgenda(focusNext.id, focusNext.target);
    setFocusNext(null);
  }, [query.data, focusNext]);

  const data: MeetingDetail | null = query.data;
  if (!data || data.meeting.id !== meetingId) return <p>{t('app.loading')}</p>;
  const { meeting } = data;

  const write = async (promise: Promise<unknown>) => {
    await promise;
    await reload();
    onChanged();
  };
  const update = (patch: Patch) => write(api('meetings.update', { id: meeting.id, ...patch }));
  const people0 = [{ value: '', label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))];

  const addAgendaItem = (afterId?: string) =>
    void reportFailure(
      api('agenda.add', { meetingId: meeting.id, ...(afterId ? { afterId } : {}) }).then(async (item) => {
        setFocusNext({ id: item.id, target: 'title' });
        await reload();
      }),
    );

  const onAgendaKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = (e.target as HTMLElement).closest<HTMLElement>('[data-agenda-item]')?.dataset['agendaItem'];
    if (e.ctrlKey && !e.shiftKey && e.key === 'Enter') {
      e.preventDefault();
      addAgendaItem(current);
    } else if (e.ctrlKey && e.shiftKey && current && (e.key === 'D' || e.key === 'd' || e.key === 'A' || e.key === 'a')) {
      e.preventDefault();
      focusAgenda(current, e.key.toLowerCase() === 'd' ? 'decision' : 'action');
    }
  };

  const removeMeeting = () => {
    if (!window.confirm(t('meetings.removeConfirm'))) return;
    void reportFailure(
      api('meetings.remove', { id: meeting.id }).then(() => {
        onChanged();
        window.location.hash = `#/project/${meeting.projectId}/meetings`;
      }),
    );
  };

  return (
    <article className="meeting" aria-labelledby="meeting-heading">
      <div className="screen-title">
        <h2 id="meeting-heading">{meeting.title.trim() || t(`meetingKind.${meeting.kind}`)}</h2>
        {meeting.kind === 'status_call' && (
          <a className="button primary" href={`#/project/${meeting.projectId}/meetings/${meeting.id}/status-call`}>
            {t('statusCall.start')}
          </a>
        )}
      </div>
      <div className="form-grid">
        <AutoText label={t('meetings.title')} saved={meeting.title} save={(title) => update({ title })} />
        <AutoSelect
          label={t('meetings.kind')}
          saved={meeting.kind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
          save={(kind) => update({ kind: kind as (typeof MEETING_KINDS)[number] })}
        />
        <AutoDate withTime label={t('meetings.startsAt')} saved={meeting.startsAt ?? ''} save={(v) => update({ startsAt: emptyToNull(v) })} />
        <AutoText label={t('meetings.duration')} type="number" saved={meeting.durationMinutes?.toString() ?? ''} save={(v) => update({ durationMinutes: toCount(v) })} />
        <AutoText label={t('meetings.place')} saved={meeting.place} save={(place) => update({ place })} hint={t('meetings.placeHint')} />
        <AutoSelect label={t('meetings.chair')} saved={meeting.chairId ?? ''} options={people0} save={(v) => update({ chairId: emptyToNull(v) })} />
        <AutoSelect label={t('meetings.minuteTaker')} saved={meeting.minuteTakerId ?? ''} options={people0} save={(v) => update({ minuteTakerId: emptyToNull(v) })} />
      </div>

      {meeting.kind === 'workshop' && overview.data && (
        <fieldset className="choice-group">
          <legend>{t('meetings.topics')}</legend>
          {overview.data.topics.map((topic) => (
            <label key={topic.key} className="checkbox">
              <input
                type="checkbox"
                checked={meeting.topicKeys.includes(topic.key)}
                onChange={(e) =>
                  void reportFailure(
                    update({ topicKeys: e.target.checked ? [...meeting.topicKeys, topic.key] : meeting.topicKeys.filter((k) => k !== topic.key) }),
                  )
                }
              />
              {topic.title[language]}
            </label>
          ))}
        </fieldset>
      )}

      {meeting.kind === 'training' && <TrainingParts detail={data} people={people} onChanged={() => write(Promise.resolve())} />}

      {/* A training's attendance is the customer's people it trained. */}
      <AttendeesTable
        meetingId={meeting.id}
        attendees={data.attendees}
        people={meeting.kind === 'training' ? people.filter((m) => m.person.side === 'customer') : people}
        heading={meeting.kind === 'training' ? t('training.attendance') : undefined}
        onChanged={() => void reportFailure(reload())}
      />

      <section className="panel" aria-labelledby="previous-heading">
        <h3 id="previous-heading">{t('meetings.previousMinutes')}</h3>
        <div className="form-grid">
          <AutoSelect
            label={t('meetings.previousMinutesStatus')}
            saved={meeting.previousMinutes}
            options={PREVIOUS_MINUTES.map((p) => ({ value: p, label: t(`previousMinutes.${p}`) }))}
            save={(v) => update({ previousMinutes: v as (typeof PREVIOUS_MINUTES)[number] })}
          />
          <AutoText label={t('meetings.previousMinutesNote')} saved={meeting.previousMinutesNote} save={(previousMinutesNote) => update({ previousMinutesNote })} />
        </div>
      </section>

      <section className="panel" aria-labelledby="agenda-heading">
        <h3 id="agenda-heading">{t('meetings.agenda')}</h3>
        <p className="muted small" id="agenda-keys">
          {t('meetings.shortcuts')}
        </p>
        <div onKeyDown={onAgendaKey} aria-describedby="agenda-keys">
          {data.agenda.length === 0 && <p className="muted">{t('meetings.noAgenda')}</p>}
          {data.agenda.map((item, i) => (
            <AgendaItemEditor
              key={item.id}
              n={i + 1}
              item={item}
              projectId={meeting.projectId}
              people={people}
              onChanged={() => void reportFailure(write(Promise.resolve()))}
            />
          ))}
        </div>
        <button type="button" onClick={() => addAgendaItem(data.agenda.at(-1)?.id)} aria-keyshortcuts="Control+Enter">
          {t('meetings.addAgenda')}
        </button>
      </section>

      {meeting.kind === 'status_call' && <ReviewSummary review={data.review} />}

      <ExportPanel projectId={meeting.projectId} document="minutes" meetingId={meeting.id} />
      {meeting.kind === 'training' && <ExportPanel projectId={meeting.projectId} document="training" meetingId={meeting.id} />}

      <section className="panel" aria-labelledby="next-heading">
        <h3 id="next-heading">{t('meetings.next')}</h3>
        <div className="form-grid">
          <AutoDate withTime label={t('meetings.nextAt')} saved={meeting.nextMeetingAt ?? ''} save={(v) => update({ nextMeetingAt: emptyToNull(v) })} />
          <AutoText label={t('meetings.nextNote')} saved={meeting.nextMeetingNote} save={(nextMeetingNote) => update({ nextMeetingNote })} />
        </div>
      </section>
      <p>
        <button type="button" className="link-button" onClick={removeMeeting}>
          {t('meetings.remove')}
        </button>
      </p>
    </article>
  );
}
