// The meetings of a project: the list (latest first) with a way to record a new one, and the
// chosen meeting's minutes, or its status-call mode.
import { useState } from 'react';
import { MEETING_KINDS, type MeetingKind, type MeetingSummary } from '../../../../shared/meetings/types.ts';
import { api } from '../../api/client.ts';
import { SelectField } from '../../components/fields.tsx';
import { formatDateTime, useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { MeetingEditor } from './MeetingEditor.tsx';
import { StatusCall } from './StatusCall.tsx';

export function meetingTitle(t: ReturnType<typeof useT>, meeting: Pick<MeetingSummary, 'title' | 'kind'>): string {
  return meeting.title.trim() || t(`meetingKind.${meeting.kind}`);
}

interface Props {
  projectId: string;
  meetingId: string | null;
  statusCall: boolean;
}

export function MeetingsView({ projectId, meetingId, statusCall }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail } = useOpenProject();
  const meetings = useQuery('meetings.list', { projectId });
  const [kind, setKind] = useState<MeetingKind>('status_call');

  if (!detail || detail.project.id !== projectId) return <p>{t('app.loading')}</p>;

  const create = () =>
    void reportFailure(
      api('meetings.create', { projectId, kind }).then(async (created) => {
        await meetings.reload();
        window.location.hash = `#/project/${projectId}/meetings/${created.meeting.id}`;
      }),
    );

  return (
    <section className="meetings" aria-labelledby="meetings-heading">
      <ProjectNav projectId={projectId} current="meetings" />
      <h1 id="meetings-heading">{t('meetings.heading', { project: detail.project.name })}</h1>
      <div className="master-detail">
        <div className="master">
          <div className="add-item">
            <SelectField
              label={t('meetings.kind')}
              value={kind}
              options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
              onChange={(v) => setKind(v as MeetingKind)}
            />
            <button type="button" className="primary" onClick={create}>
              {t('meetings.new')}
            </button>
          </div>
          <nav aria-label={t('meetings.list')}>
            {meetings.data?.length === 0 && <p className="muted">{t('meetings.none')}</p>}
            <ul className="entry-list">
              {(meetings.data ?? []).map((m) => (
                <li key={m.id}>
                  <a href={`#/project/${projectId}/meetings/${m.id}`} aria-current={m.id === meetingId ? 'page' : undefined}>
                    <span>{meetingTitle(t, m)}</span>
                    <span className="muted small">
                      {formatDateTime(language, m.startsAt) ?? '–'} · {t('meetings.counts', { decisions: m.decisions, actions: m.actions })}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="detail">
          {meetingId && statusCall && <StatusCall key={meetingId} projectId={projectId} meetingId={meetingId} people={detail.members} />}
          {meetingId && !statusCall && (
            <MeetingEditor key={meetingId} projectId={projectId} meetingId={meetingId} people={detail.members} onChanged={() => void meetings.reload()} />
          )}
          {!meetingId && <p className="muted">{t('meetings.choose')}</p>}
        </div>
      </div>
    </section>
  );
}
