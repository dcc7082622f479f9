// One checklist item beside the list: every field, saved as typed; where it came from (a
// meeting's agenda item); comments; and the history of every change with old and new value,
// when, and by whom on which machine.
import { useState, type FormEvent } from 'react';
import { PHASES, SIDES, type Phase, type ProjectMember, type Side } from '../../../../shared/domain.ts';
import { formatNumber, PRIORITIES, REQUIREMENT_STATUSES, type Requirement } from '../../../../shared/checklist/types.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { saveItem, useOpenChecklist } from '../../state/open-checklist.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { useItemText } from './item-text.ts';
import { deviceText } from '../../components/device-name.ts';
import { LinkedChangeRequests } from '../change-requests/LinkedChangeRequests.tsx';
import { ActionOrigin } from '../lessons/ActionOrigin.tsx';

interface Props {
  projectId: string;
  id: string;
  people: readonly ProjectMember[];
  onClose: () => void;
}

type Patch = Omit<Parameters<typeof api<'requirements.update'>>[1], 'id'>;

export function RequirementPanel({ projectId, id, people, onClose }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { historyText, formerNumbers } = useItemText();
  const detail = useQuery('requirements.get', { id });
  const topics = useQuery('workshops.overview', { projectId });
  const [comment, setComment] = useState('');
  const { busy, error, run } = useSubmit();

  const data = detail.data;
  if (!data || data.requirement.id !== id) return <aside className="panel requirement-panel">{t('app.loading')}</aside>;
  const item: Requirement = data.requirement;
  const update = (patch: Patch) => saveItem(api('requirements.update', { id, ...patch })).then(() => detail.reload());
  const choices = <T extends string>(values: readonly T[], prefix: 'phase' | 'side' | 'requirementStatus' | 'priority', empty: boolean) => [
    ...(empty ? [{ value: '', label: '–' }] : []),
    ...values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as Parameters<typeof t>[0]) })),
  ];

  const addComment = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await trackSave(api('requirements.comment', { id, text: comment }));
      setComment('');
      await detail.reload();
    });
  };
  const remove = () => {
    if (!window.confirm(t('requirements.removeConfirm', { number: formatNumber(item.number) }))) return;
    void reportFailure(
      api('requirements.remove', { id }).then(() => {
        useOpenChecklist.getState().drop(id);
        onClose();
      }),
    );
  };

  return (
    <aside className="panel requirement-panel" aria-labelledby="requirement-heading">
      <div className="screen-title">
        <h2 id="requirement-heading">
          {formatNumber(item.number)} {item.title}
        </h2>
        <button type="button" onClick={onClose}>
          {t('requirements.close')}
        </button>
      </div>
      {item.formerNumbers.length > 0 && <p className="muted">{formerNumbers(item)}</p>}
      {item.source === 'retrospective' && <ActionOrigin requirementId={item.id} />}
      {item.meetingId && (
        <p className="muted">
          <a href={`#/project/${item.projectId}/meetings/${item.meetingId}`}>{t('requirements.fromMeeting')}</a>
        </p>
      )}
      <div className="form-grid">
        <AutoText label={t('requirements.column.title')} saved={item.title} save={(title) => update({ title })} />
        <AutoSelect
          label={t('requirements.column.status')}
          saved={item.status}
          options={choices(REQUIREMENT_STATUSES, 'requirementStatus', false)}
          save={(v) => update({ status: v as Requirement['status'] })}
        />
        <AutoSelect
          label={t('requirements.column.responsibleId')}
          saved={item.responsibleId ?? ''}
          options={[{ value: '', label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))]}
          save={(v) => update({ responsibleId: emptyToNull(v) })}
        />
        <AutoSelect label={t('requirements.column.ownerSide')} saved={item.ownerSide ?? ''} options={choices(SIDES, 'side', true)} save={(v) => update({ ownerSide: emptyToNull(v) as Side | null })} />
        <AutoDate label={t('requirements.column.dueDate')} saved={item.dueDate ?? ''} save={(v) => update({ dueDate: emptyToNull(v) })} />
        <AutoSelect
          label={t('requirements.column.priority')}
          saved={item.priority}
          options={choices(PRIORITIES, 'priority', false)}
          save={(v) => update({ priority: v as Requirement['priority'] })}
        />
        <AutoSelect label={t('requirements.column.phase')} saved={item.phase ?? ''} options={choices(PHASES, 'phase', true)} save={(v) => update({ phase: emptyToNull(v) as Phase | null })} />
        <AutoText label={t('requirements.column.category')} saved={item.category} save={(category) => update({ category })} />
        <AutoSelect
          label={t('requirements.column.topicKey')}
          saved={item.topicKey ?? ''}
          options={[{ value: '', label: '–' }, ...(topics.data?.topics ?? []).map((topic) => ({ value: topic.key, label: topic.title[language] }))]}
          save={(v) => update({ topicKey: emptyToNull(v) })}
        />
      </div>
      <AutoText label={t('requirements.column.description')} multiline saved={item.description} save={(description) => update({ description })} />
      <LinkedChangeRequests projectId={projectId} source={{ requirementId: item.id }} />

      <section aria-labelledby="comments-heading">
        <h3 id="comments-heading">{t('requirements.comments')}</h3>
        {data.comments.length === 0 && <p className="muted">{t('requirements.noComments')}</p>}
        <ul className="items">
          {data.comments.map((c) => (
            <li key={c.id} className="item">
              <p>{c.text}</p>
              <p className="muted small">{t('requirements.commentBy', { author: c.author, at: new Date(c.createdAt).toLocaleString(language) })}</p>
            </li>
          ))}
        </ul>
        <form className="add-item" onSubmit={addComment}>
          <TextField label={t('requirements.newComment')} value={comment} onChange={setComment} error={errorFor(t, error, 'text')} />
          <button type="submit" disabled={busy}>
            {t('requirements.addComment')}
          </button>
        </form>
      </section>

      <section aria-labelledby="history-heading">
        <h3 id="history-heading">{t('requirements.history')}</h3>
        <ol className="history">
          {[...data.history].reverse().map((h, i) => (
            <li key={i}>
              <span>{historyText(h)}</span>{' '}
              <span className="muted small">{t('requirements.changedBy', { at: new Date(h.at).toLocaleString(language), by: deviceText(t, h.by) })}</span>
            </li>
          ))}
        </ol>
      </section>
      <button type="button" className="link-button" onClick={remove}>
        {t('requirements.remove')}
      </button>
    </aside>
  );
}
