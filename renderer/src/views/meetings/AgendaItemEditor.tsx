// One agenda item: its title and discussion notes, the decisions taken under it and the action
// items (checklist items: what, who, which side, by when). Enter in a "new" line adds it and
// stays there for the next one.
import { useState, type FormEvent } from 'react';
import { SIDES, type ProjectMember, type Side } from '../../../../shared/domain.ts';
import { formatNumber, REQUIREMENT_STATUSES, type Requirement } from '../../../../shared/checklist/types.ts';
import type { AgendaItem } from '../../../../shared/meetings/types.ts';
import { api } from '../../api/client.ts';
import { AutoDate, DateField } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure } from '../../state/ui.ts';
import { LinkedChangeRequests } from '../change-requests/LinkedChangeRequests.tsx';

interface Props {
  n: number;
  item: AgendaItem;
  projectId: string;
  people: readonly ProjectMember[];
  onChanged: () => void;
}

const NOBODY = '';

function ActionRow({ action, people, onChanged }: { action: Requirement; people: readonly ProjectMember[]; onChanged: () => void }) {
  const t = useT();
  const update = (patch: Omit<Parameters<typeof api<'requirements.update'>>[1], 'id'>) => api('requirements.update', { id: action.id, ...patch }).then(onChanged);
  const number = formatNumber(action.number);
  return (
    <tr>
      <th scope="row">
        <a href={`#/project/${action.projectId}/checklist/${action.id}`}>{number}</a>
      </th>
      <td className="action-what">
        <AutoText compact multiline label={t('actions.whatOf', { number })} saved={action.title} save={(title) => update({ title })} />
      </td>
      <td>
        <AutoSelect
          compact
          label={t('actions.ownerOf', { number })}
          saved={action.responsibleId ?? NOBODY}
          options={[{ value: NOBODY, label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))]}
          save={(v) => update({ responsibleId: emptyToNull(v) })}
        />
      </td>
      <td>
        <AutoSelect
          compact
          label={t('actions.sideOf', { number })}
          saved={action.ownerSide ?? NOBODY}
          options={[{ value: NOBODY, label: '–' }, ...SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))]}
          save={(v) => update({ ownerSide: emptyToNull(v) as Side | null })}
        />
      </td>
      <td>
        <AutoDate compact label={t('actions.dueOf', { number })} saved={action.dueDate ?? ''} save={(v) => update({ dueDate: emptyToNull(v) })} />
      </td>
      <td>
        <AutoSelect
          compact
          label={t('actions.statusOf', { number })}
          saved={action.status}
          options={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(`requirementStatus.${s}`) }))}
          save={(v) => update({ status: v as Requirement['status'] })}
        />
      </td>
    </tr>
  );
}

function NewAction({ item, projectId, people, onChanged }: Omit<Props, 'n'>) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(NOBODY);
  const [side, setSide] = useState(NOBODY);
  const [due, setDue] = useState('');
  const { busy, error, run } = useSubmit();
  const chooseOwner = (id: string) => {
    setOwner(id);
    // The owner's organisation side is the usual answer; it can still be changed.
    const person = people.find((m) => m.person.id === id)?.person;
    if (person) setSide(person.side);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await trackSave(
        api('requirements.create', {
          projectId,
          agendaItemId: item.id,
          title,
          responsibleId: emptyToNull(owner),
          ownerSide: emptyToNull(side) as Side | null,
          dueDate: emptyToNull(due),
        }),
      );
      setTitle('');
      setDue('');
      onChanged();
    });
  };
  return (
    <form className="add-item action-form" onSubmit={add} aria-label={t('actions.newOf', { item: item.title || '…' })}>
      <div data-new-action>
        <TextField label={t('actions.new')} value={title} onChange={setTitle} error={errorFor(t, error, 'title')} />
      </div>
      <SelectField
        label={t('actions.owner')}
        value={owner}
        options={[{ value: NOBODY, label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))]}
        onChange={chooseOwner}
      />
      <SelectField label={t('actions.side')} value={side} options={[{ value: NOBODY, label: '–' }, ...SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))]} onChange={setSide} />
      <DateField label={t('actions.due')} value={due} onChange={setDue} error={errorFor(t, error, 'dueDate')} />
      <button type="submit" disabled={busy}>
        {t('actions.add')}
      </button>
    </form>
  );
}

function NewDecision({ item, onChanged }: Pick<Props, 'item' | 'onChanged'>) {
  const t = useT();
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await trackSave(api('agenda.decide', { agendaItemId: item.id, text }));
      setText('');
      onChanged();
    });
  };
  return (
    <form className="add-item" onSubmit={add}>
      <div data-new-decision>
        <TextField label={t('meetings.newDecision')} value={text} onChange={setText} error={errorFor(t, error, 'text')} />
      </div>
      <button type="submit" disabled={busy}>
        {t('workshops.addDecision')}
      </button>
    </form>
  );
}

export function AgendaItemEditor({ n, item, projectId, people, onChanged }: Props) {
  const t = useT();
  const update = (patch: { title?: string; notes?: string }) => api('agenda.update', { id: item.id, ...patch });
  const remove = () => void reportFailure(api('agenda.remove', { id: item.id }).then(onChanged));
  return (
    <section className="agenda-item" data-agenda-item={item.id} aria-label={t('meetings.agendaItemN', { n, title: item.title })}>
      <div data-agenda-title>
        <AutoText label={t('meetings.agendaTitle', { n })} saved={item.title} save={(title) => update({ title }).then(onChanged)} />
      </div>
      <AutoText label={t('meetings.notesOf', { n })} multiline saved={item.notes} save={(notes) => update({ notes })} />

      <h4>{t('workshops.decisions')}</h4>
      <ul className="items">
        {item.decisions.map((d, i) => (
          <li key={d.id} className="item">
            <AutoText label={t('meetings.decisionN', { n, i: i + 1 })} saved={d.text} save={(text) => api('agenda.updateDecision', { id: d.id, text })} />
            <button type="button" className="link-button small" onClick={() => void reportFailure(api('agenda.removeDecision', { id: d.id }).then(onChanged))}>
              {t('workshops.removeDecision')}
            </button>
            <LinkedChangeRequests projectId={projectId} source={{ decisionId: d.id }} name={t('meetings.decisionN', { n, i: i + 1 })} />
          </li>
        ))}
      </ul>
      <NewDecision item={item} onChanged={onChanged} />

      <h4>{t('actions.heading')}</h4>
      {item.actions.length > 0 && (
        <table className="action-items">
          <caption className="visually-hidden">{t('actions.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('requirements.column.number')}</th>
              <th scope="col">{t('actions.what')}</th>
              <th scope="col">{t('actions.owner')}</th>
              <th scope="col">{t('actions.side')}</th>
              <th scope="col">{t('actions.due')}</th>
              <th scope="col">{t('requirements.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {item.actions.map((a) => (
              <ActionRow key={a.id} action={a} people={people} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}
      <NewAction item={item} projectId={projectId} people={people} onChanged={onChanged} />
      <button type="button" className="link-button small" onClick={remove}>
        {t('meetings.removeAgenda')}
      </button>
    </section>
  );
}
