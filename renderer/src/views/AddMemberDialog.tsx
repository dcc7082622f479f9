// Adding someone to the project: a person already known (from any project) or a new one.
import { useState } from 'react';
import type { Side } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { errorFor, SelectField, TextField } from '../components/fields.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { useQuery } from '../state/use-query.ts';
import { sideOptions } from './options.ts';

const NEW_PERSON = 'new';

interface Props {
  projectId: string;
  /** People already on the project, not offered again. */
  memberIds: readonly string[];
  onClose: () => void;
}

export function AddMemberDialog({ projectId, memberIds, onClose }: Props) {
  const t = useT();
  const people = useQuery('people.list', {});
  const known = (people.data ?? []).filter((p) => !memberIds.includes(p.id));
  const [personId, setPersonId] = useState(NEW_PERSON);
  const [person, setPerson] = useState({ name: '', organisation: '', side: 'customer' as Side, email: '', phone: '' });
  const [role, setRole] = useState('');
  const [responsibilities, setResponsibilities] = useState('');
  const { busy, error, run } = useSubmit();
  const edit = (patch: Partial<typeof person>) => setPerson((p) => ({ ...p, ...patch }));

  const submit = () =>
    run(async () => {
      let id = personId;
      if (id === NEW_PERSON) {
        id = (await api('people.create', person)).id;
        // Should the membership be refused, the person exists now: a retry must not make another.
        setPersonId(id);
        await people.reload();
      }
      await writeAndRefresh(api('members.add', { projectId, personId: id, role, responsibilities }));
      onClose();
    });

  return (
    <Dialog
      title={t('addMember.title')}
      onCancel={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.add')}
      cancelLabel={t('common.cancel')}
      busy={busy}
    >
      <SelectField
        label={t('addMember.person')}
        value={personId}
        options={[
          { value: NEW_PERSON, label: t('addMember.newPersonOption') },
          ...known.map((p) => ({ value: p.id, label: p.organisation ? `${p.name} (${p.organisation})` : p.name })),
        ]}
        onChange={setPersonId}
        error={errorFor(t, error, 'personId')}
      />
      {personId === NEW_PERSON && (
        <fieldset>
          <legend>{t('addMember.newPersonOption')}</legend>
          <TextField label={t('person.name')} value={person.name} onChange={(name) => edit({ name })} error={errorFor(t, error, 'name')} required autoFocus />
          <TextField
            label={t('person.organisation')}
            value={person.organisation}
            onChange={(organisation) => edit({ organisation })}
            error={errorFor(t, error, 'organisation')}
          />
          <SelectField label={t('person.side')} value={person.side} options={sideOptions(t)} onChange={(side) => edit({ side: side as Side })} />
          <TextField label={t('person.email')} type="email" value={person.email} onChange={(email) => edit({ email })} error={errorFor(t, error, 'email')} />
          <TextField label={t('person.phone')} type="tel" value={person.phone} onChange={(phone) => edit({ phone })} error={errorFor(t, error, 'phone')} />
        </fieldset>
      )}
      <TextField label={t('addMember.role')} value={role} onChange={setRole} error={errorFor(t, error, 'role')} />
      <TextField
        label={t('addMember.responsibilities')}
        value={responsibilities}
        onChange={setResponsibilities}
        error={errorFor(t, error, 'responsibilities')}
        multiline
      />
    </Dialog>
  );
}
