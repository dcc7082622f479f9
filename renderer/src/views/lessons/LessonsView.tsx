// Lessons learned and the internal retrospective of a project: the customer's feedback (a score of
// 1 to 5 per question of the pack as a radio group, arrow keys move the score; a comment), the
// consultants' own notes, what went well and what to improve, and actions with owner, due date
// and the follow-up project whose checklist they go on. Internal: the report is not for the customer.
import { useState } from 'react';
import { formatNumber } from '../../../../shared/checklist/types.ts';
import type { ProjectMember } from '../../../../shared/domain.ts';
import { CLOSING_MEETING_KINDS, type LessonsDetail, type NoteKind } from '../../../../shared/lessons/types.ts';
import { formatNumber as formatDecimal } from '../../../../shared/quantity.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AddItemForm } from '../../components/AddItemForm.tsx';
import { AutoSelect, AutoText, emptyToNull, errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { ProjectNav } from '../ProjectNav.tsx';
import { ScoreGroup } from './ScoreGroup.tsx';

interface PartProps {
  lessons: LessonsDetail;
  people: readonly ProjectMember[];
  reload: () => Promise<void>;
}

export function LessonsView({ projectId }: { projectId: string }) {
  const t = useT();
  const { detail } = useOpenProject();
  const lessons = useQuery('lessons.get', { projectId });

  if (!detail || detail.project.id !== projectId || !lessons.data) return <p>{t('app.loading')}</p>;
  const parts = { lessons: lessons.data, people: detail.members, reload: lessons.reload };

  return (
    <section className="lessons" aria-labelledby="lessons-heading">
      <ProjectNav projectId={projectId} current="lessons" />
      <h1 id="lessons-heading">{t('lessons.heading', { project: detail.project.name })}</h1>
      <p className="muted">{t('lessons.internalNote')}</p>
      <CustomerFeedback {...parts} />
      <Notes {...parts} kind="personal" title={t('lessons.personal')} withAuthor />
      <section className="panel" aria-labelledby="retro-heading">
        <h2 id="retro-heading">{t('lessons.retrospective')}</h2>
        <Notes {...parts} kind="went_well" title={t('lessons.wentWell')} />
        <Notes {...parts} kind="to_improve" title={t('lessons.toImprove')} />
        <Actions {...parts} />
      </section>
      <ExportPanel projectId={projectId} document="lessons" />
    </section>
  );
}

function CustomerFeedback({ lessons, reload }: PartProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { projectId } = lessons;
  const meetings = useQuery('meetings.list', { projectId });
  const closing = (meetings.data ?? []).filter((m) => (CLOSING_MEETING_KINDS as readonly string[]).includes(m.kind));
  const save = (call: Promise<unknown>) => call.then(reload);
  return (
    <section className="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('lessons.feedback')}</h2>
      <p className="muted">{t('lessons.feedbackIntro')}</p>
      <div className="form-grid">
        <AutoSelect
          label={t('lessons.feedbackMeeting')}
          saved={lessons.feedbackMeetingId ?? ''}
          options={[
            { value: '', label: t('lessons.noMeeting') },
            ...closing.map((m) => ({ value: m.id, label: [m.startsAt?.slice(0, 10), m.title.trim() || t(`meetingKind.${m.kind}`)].filter(Boolean).join(' ') })),
          ]}
          save={(v) => save(api('lessons.update', { projectId, feedbackMeetingId: emptyToNull(v) }))}
        />
        <AutoText label={t('lessons.feedbackBy')} saved={lessons.feedbackBy} save={(feedbackBy) => save(api('lessons.update', { projectId, feedbackBy }))} />
      </div>
      {lessons.feedback.length === 0 && <p className="muted">{t('lessons.noQuestions')}</p>}
      {lessons.feedback.map((f) => (
        <div key={f.questionKey} className="feedback-row">
          <ScoreGroup legend={f.question[language]} name={`feedback-${f.questionKey}`} saved={f.score} save={(score) => save(api('lessons.setFeedback', { projectId, questionKey: f.questionKey, score }))} />
          <AutoText
            label={t('training.commentOf', { name: f.question[language] })}
            saved={f.comment}
            save={(comment) => save(api('lessons.setFeedback', { projectId, questionKey: f.questionKey, comment }))}
            multiline
          />
        </div>
      ))}
      <p>
        <strong>{t('training.average', { average: lessons.average === null ? '–' : formatDecimal(lessons.average, language, 1) })}</strong>
      </p>
    </section>
  );
}

function Notes({ lessons, people, reload, kind, title, withAuthor }: PartProps & { kind: NoteKind; title: string; withAuthor?: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  const [authorId, setAuthorId] = useState('');
  const { busy, error, run } = useSubmit();
  const notes = lessons.notes.filter((n) => n.kind === kind);
  const authors = [{ value: '', label: '–' }, ...people.filter((m) => m.person.side === 'consultancy').map((m) => ({ value: m.person.id, label: m.person.name }))];
  const headingId = `notes-${kind}`;
  const add = () =>
    void run(async () => {
      await trackSave(api('lessons.addNote', { projectId: lessons.projectId, kind, text, ...(withAuthor && authorId ? { authorId } : {}) }));
      setText('');
      await reload();
    });
  return (
    <section aria-labelledby={headingId}>
      {kind === 'personal' ? <h2 id={headingId}>{title}</h2> : <h3 id={headingId}>{title}</h3>}
      {notes.length === 0 && <p className="muted">{t('lessons.none')}</p>}
      <ul className="items">
        {notes.map((n, i) => (
          <li key={n.id} className="item">
            <AutoText label={`${title} ${i + 1}`} saved={n.text} save={(v) => api('lessons.updateNote', { id: n.id, text: v }).then(reload)} multiline />
            {withAuthor && (
              <AutoSelect label={t('lessons.author')} saved={n.authorId ?? ''} options={authors} save={(v) => api('lessons.updateNote', { id: n.id, authorId: emptyToNull(v) }).then(reload)} />
            )}
            <button type="button" className="link-button" aria-label={t('training.remove', { name: `${title} ${i + 1}` })} onClick={() => void reportFailure(trackSave(api('lessons.removeNote', { id: n.id })).then(reload))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddItemForm onAdd={add}>
        <TextField label={t('lessons.newEntry', { list: title })} value={text} onChange={setText} error={errorFor(t, error, 'text')} />
        {withAuthor && <SelectField label={t('lessons.author')} value={authorId} options={authors} onChange={setAuthorId} />}
        <button type="submit" disabled={busy}>
          {t('lessons.add')}
        </button>
      </AddItemForm>
    </section>
  );
}

function Actions({ lessons, people, reload }: PartProps) {
  const t = useT();
  const projects = useQuery('projects.list', {});
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [followUp, setFollowUp] = useState('');
  const { busy, error, run } = useSubmit();
  const owners = [{ value: '', label: t('workshops.noOwner') }, ...people.filter((m) => m.person.side === 'consultancy').map((m) => ({ value: m.person.id, label: m.person.name }))];
  const targets = [
    { value: '', label: t('lessons.noFollowUp') },
    ...(projects.data ?? []).filter((p) => p.id !== lessons.projectId && p.status !== 'closed').map((p) => ({ value: p.id, label: `${p.name} · ${p.customerName}` })),
  ];
  const update = (id: string, patch: Omit<Parameters<typeof api<'lessons.updateAction'>>[1], 'id'>) => api('lessons.updateAction', { id, ...patch }).then(reload);
  const add = () =>
    void run(async () => {
      await trackSave(api('lessons.addAction', { projectId: lessons.projectId, text, ownerId: emptyToNull(ownerId), followUpProjectId: emptyToNull(followUp) }));
      setText('');
      await reload();
    });
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('lessons.actions')}</h3>
      {lessons.actions.length === 0 && <p className="muted">{t('lessons.none')}</p>}
      <ul className="items">
        {lessons.actions.map((a, i) => {
          const label = t('lessons.actionText', { n: i + 1 });
          return (
            <li key={a.id} className="item">
              <div className="form-grid">
                <AutoText label={label} saved={a.text} save={(v) => update(a.id, { text: v })} />
                <AutoSelect label={`${t('lessons.owner')} (${label})`} saved={a.ownerId ?? ''} options={owners} save={(v) => update(a.id, { ownerId: emptyToNull(v) })} />
                <AutoDate label={`${t('lessons.dueDate')} (${label})`} saved={a.dueDate ?? ''} save={(v) => update(a.id, { dueDate: emptyToNull(v) })} />
                <AutoSelect label={`${t('lessons.followUp')} (${label})`} saved={a.followUp?.projectId ?? ''} options={targets} save={(v) => update(a.id, { followUpProjectId: emptyToNull(v) })} />
              </div>
              <p className="muted small">
                {a.followUp ? (
                  <a href={`#/project/${a.followUp.projectId}/checklist/${a.followUp.requirementId}`}>
                    {t('lessons.followUpItem', { number: formatNumber(a.followUp.number), project: a.followUp.projectName })}
                  </a>
                ) : (
                  t('lessons.stayedNote')
                )}{' '}
                <button type="button" className="link-button" aria-label={t('training.remove', { name: label })} onClick={() => void reportFailure(trackSave(api('lessons.removeAction', { id: a.id })).then(reload))}>
                  ×
                </button>
              </p>
            </li>
          );
        })}
      </ul>
      <AddItemForm onAdd={add}>
        <TextField label={t('lessons.action')} value={text} onChange={setText} error={errorFor(t, error, 'text')} />
        <SelectField label={t('lessons.owner')} value={ownerId} options={owners} onChange={setOwnerId} error={errorFor(t, error, 'ownerId')} />
        <SelectField label={t('lessons.followUp')} value={followUp} options={targets} onChange={setFollowUp} error={errorFor(t, error, 'followUpProjectId')} />
        <button type="submit" disabled={busy}>
          {t('lessons.add')}
        </button>
      </AddItemForm>
    </section>
  );
}
