// Open questions of a topic: what, who answers it, by when; answered ones stay with their answer.
import { useState } from 'react';
import { formatNumber, type Requirement } from '../../../../shared/checklist/types.ts';
import type { ProjectMember } from '../../../../shared/domain.ts';
import type { OpenQuestion } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import { AutoDate, DateField } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { writeTopic } from '../../state/open-topic.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure } from '../../state/ui.ts';

interface Props {
  projectId: string;
  topicKey: string;
  sessionId: string | null;
  questions: readonly OpenQuestion[];
  people: readonly ProjectMember[];
}

const NOBODY = '';

export function QuestionsPanel({ projectId, topicKey, sessionId, questions, people }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(NOBODY);
  const [dueDate, setDueDate] = useState('');
  const { busy, error, run } = useSubmit();
  const [placed, setPlaced] = useState<Record<string, Requirement>>({});
  const owners = [{ value: NOBODY, label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))];
  const update = (id: string, patch: Omit<Parameters<typeof api<'questions.update'>>[1], 'id'>) => writeTopic(api('questions.update', { id, ...patch }));

  // An open question that needs work rather than an answer becomes a checklist item of the topic.
  const toChecklist = async (q: OpenQuestion) => {
    const item = await trackSave(
      api('requirements.create', {
        projectId,
        title: q.text,
        topicKey,
        source: 'workshop',
        responsibleId: q.ownerId,
        ownerSide: people.find((m) => m.person.id === q.ownerId)?.person.side ?? null,
        dueDate: q.dueDate,
      }),
    );
    setPlaced((before) => ({ ...before, [q.id]: item }));
  };

  const add = () =>
    run(async () => {
      await writeTopic(
        api('questions.add', {
          projectId,
          topicKey,
          ...(sessionId ? { sessionId } : {}),
          text,
          ownerId: ownerId === NOBODY ? null : ownerId,
          dueDate: emptyToNull(dueDate),
        }),
      );
      setText('');
      setDueDate('');
    });

  return (
    <section className="panel" aria-labelledby="questions-heading">
      <h3 id="questions-heading">{t('workshops.questions')}</h3>
      {questions.length === 0 && <p className="muted">{t('workshops.noQuestions')}</p>}
      <ul className="items">
        {questions.map((q) => (
          <li key={q.id} className={q.status === 'answered' ? 'item item-done' : 'item'}>
            <div className="form-grid">
              <AutoText label={t('workshops.question')} saved={q.text} save={(v) => update(q.id, { text: v })} />
              <AutoSelect
                label={t('workshops.owner')}
                saved={q.ownerId ?? NOBODY}
                options={owners}
                save={(v) => update(q.id, { ownerId: v === NOBODY ? null : v })}
              />
              <AutoDate label={t('workshops.due')} saved={q.dueDate ?? ''} save={(v) => update(q.id, { dueDate: emptyToNull(v) })} />
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={q.status === 'answered'}
                onChange={(e) => void reportFailure(update(q.id, { status: e.target.checked ? 'answered' : 'open' }))}
              />
              {t('workshops.answered')}
            </label>
            {q.status === 'answered' && <AutoText label={t('workshops.answer')} multiline saved={q.answer} save={(v) => update(q.id, { answer: v })} />}
            {placed[q.id] ? (
              <a className="small" href={`#/project/${projectId}/checklist/${placed[q.id]!.id}`}>
                {t('workshops.onChecklist', { number: formatNumber(placed[q.id]!.number) })}
              </a>
            ) : (
              <button type="button" className="link-button small" onClick={() => void reportFailure(toChecklist(q))}>
                {t('workshops.toChecklist')}
              </button>
            )}
            <button type="button" className="link-button small" onClick={() => void reportFailure(writeTopic(api('questions.remove', { id: q.id })))}>
              {t('workshops.removeQuestion')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="add-item"
        aria-label={t('workshops.addQuestion')}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField label={t('workshops.newQuestion')} value={text} onChange={setText} error={errorFor(t, error, 'text')} required />
        <div className="form-grid">
          <SelectField label={t('workshops.owner')} value={ownerId} options={owners} onChange={setOwnerId} error={errorFor(t, error, 'ownerId')} />
          <DateField label={t('workshops.due')} value={dueDate} onChange={setDueDate} error={errorFor(t, error, 'dueDate')} />
        </div>
        <button type="submit" disabled={busy}>
          {t('workshops.addQuestion')}
        </button>
      </form>
    </section>
  );
}

