// People on all sides, across projects: find, create, edit.
import { useState } from 'react';
import type { Side } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { AutoSelect, AutoText, errorFor, SelectField, TextField } from '../components/fields.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useT } from '../i18n.ts';
import { useQuery } from '../state/use-query.ts';
import { useUi } from '../state/ui.ts';
import { MasterDetail } from './MasterDetail.tsx';
import { sideOptions } from './options.ts';
import type { MethodInput } from '../../../shared/api.ts';

type Patch = Omit<MethodInput<'people.update'>, 'id'>;

function NewPersonDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('customer');
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(async () => {
      const person = await api('people.create', { name, side });
      onClose();
      onCreated(person.id);
    });
  return (
    <Dialog
      title={t('people.new')}
      onCancel={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.create')}
      cancelLabel={t('common.cancel')}
      busy={busy}
    >
      <TextField label={t('person.name')} value={name} onChange={setName} error={errorFor(t, error, 'name')} required autoFocus />
      <SelectField label={t('person.side')} value={side} options={sideOptions(t)} onChange={(v) => setSide(v as Side)} />
    </Dialog>
  );
}

function PersonEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const { data, reload } = useQuery('people.get', { id });
  if (!data) return <p>{t('app.loading')}</p>;
  const { person, projects } = data;

  const update = async (patch: Patch) => {
    await api('people.update', { id, ...patch });
    await reload();
    onChanged();
  };

  return (
    <article aria-labelledby="person-heading">
      <h2 id="person-heading">{person.name}</h2>
      <AutoText label={t('person.name')} saved={person.name} save={(name) => update({ name })} />
      <div className="form-grid">
        <AutoText label={t('person.organisation')} saved={person.organisation} save={(organisation) => update({ organisation })} />
        <AutoSelect label={t('person.side')} saved={person.side} options={sideOptions(t)} save={(side) => update({ side: side as Side })} />
        <AutoText label={t('person.email')} type="email" saved={person.email} save={(email) => update({ email })} />
        <AutoText label={t('person.phone')} type="tel" saved={person.phone} save={(phone) => update({ phone })} />
      </div>
      <h3>{t('people.projects')}</h3>
      {projects.length === 0 ? (
        <p className="muted">{t('people.noProjects')}</p>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.membershipId}>
              <a href={`#/project/${p.projectId}`}>{p.projectName}</a> · {p.customerName}
              {p.role && ` · ${p.role}`}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function PeopleView({ selectedId }: { selectedId: string | null }) {
  const t = useT();
  const navigate = useUi((s) => s.navigate);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const people = useQuery('people.list', search ? { search } : {});

  const list =
    people.data && people.data.length === 0 ? (
      <p className="muted">{t('people.none')}</p>
    ) : (
      <ul className="entry-list">
        {(people.data ?? []).map((p) => (
          <li key={p.id}>
            <a href={`#/people/${p.id}`} aria-current={p.id === selectedId ? 'true' : undefined}>
              {p.name}
              <span className="muted"> · {p.organisation || t(`side.${p.side}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    );

  return (
    <MasterDetail
      heading={t('people.heading')}
      headingId="people-heading"
      searchLabel={t('people.search')}
      search={search}
      onSearch={setSearch}
      tools={
        <>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('people.new')}
          </button>
          {creating && (
            <NewPersonDialog
              onClose={() => setCreating(false)}
              onCreated={(id) => {
                void people.reload();
                navigate({ view: 'people', id });
              }}
            />
          )}
        </>
      }
      listLabel={t('people.list')}
      list={list}
      detail={selectedId ? <PersonEditor key={selectedId} id={selectedId} onChanged={() => void people.reload()} /> : <p className="muted">{t('people.select')}</p>}
    />
  );
}
