// One customer: name, address, notes and logo saved as typed; archive and restore; its projects.
import { useId, useState } from 'react';
import type { MethodInput } from '../../../shared/api.ts';
import { api } from '../api/client.ts';
import { AutoText } from '../components/fields.tsx';
import { FileButton } from '../components/FileButton.tsx';
import { useT } from '../i18n.ts';
import { trackSave } from '../state/saving.ts';
import { useQuery } from '../state/use-query.ts';
import { reportFailure } from '../state/ui.ts';
import { readLogo } from './read-logo.ts';

type Patch = Omit<MethodInput<'customers.update'>, 'id'>;

export function CustomerEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const customer = useQuery('customers.get', { id });
  const projects = useQuery('projects.list', { customerId: id }).data ?? [];
  const [logoError, setLogoError] = useState<string | null>(null);
  const logoInput = useId();
  const c = customer.data;
  if (!c) return <p>{t('app.loading')}</p>;

  const saveAndReload = async (write: Promise<unknown>) => {
    await write;
    await customer.reload();
    onChanged();
  };
  const update = (patch: Patch) => saveAndReload(api('customers.update', { id, ...patch }));

  const chooseLogo = async (file: File) => {
    const read = await readLogo(file);
    if ('problem' in read) {
      setLogoError(t(read.problem === 'type' ? 'customers.logoWrongType' : 'customers.logoTooLarge'));
      return;
    }
    setLogoError(null);
    await reportFailure(trackSave(update({ logo: read.dataUrl })));
  };

  return (
    <article aria-labelledby="customer-heading">
      <h2 id="customer-heading">{c.name}</h2>
      <AutoText label={t('customers.name')} saved={c.name} save={(name) => update({ name })} />
      <AutoText label={t('customers.address')} multiline saved={c.address} save={(address) => update({ address })} />
      <AutoText label={t('customers.notes')} multiline saved={c.notes} save={(notes) => update({ notes })} />

      <fieldset className="logo">
        <legend>{t('customers.logo')}</legend>
        {c.logo && <img src={c.logo} alt={t('customers.logoAlt', { name: c.name })} />}
        <p className="field-hint" id={`${logoInput}-hint`}>
          {t('customers.logoHint')}
        </p>
        <FileButton label={t('customers.logoChoose')} accept="image/png,image/jpeg" describedBy={`${logoInput}-hint`} onFile={(file) => void chooseLogo(file)} />
        {c.logo && (
          <button type="button" onClick={() => void reportFailure(trackSave(update({ logo: null })))}>
            {t('customers.logoRemove')}
          </button>
        )}
        {logoError && (
          <p className="field-error" role="alert">
            {logoError}
          </p>
        )}
      </fieldset>

      <p>
        <button type="button" onClick={() => void reportFailure(trackSave(saveAndReload(api('customers.archive', { id, archived: !c.archived }))))}>
          {c.archived ? t('customers.restore') : t('customers.archive')}
        </button>
      </p>

      <h3>{t('customers.projects')}</h3>
      {projects.length === 0 ? (
        <p className="muted">{t('customers.noProjects')}</p>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.id}>
              <a href={`#/project/${p.id}`}>{p.name}</a> · {t(`phase.${p.phase}`)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
