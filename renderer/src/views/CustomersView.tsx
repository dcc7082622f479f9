// Customers: find, create, edit, archive.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { errorFor, TextField } from '../components/fields.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useT } from '../i18n.ts';
import { useQuery } from '../state/use-query.ts';
import { useUi } from '../state/ui.ts';
import { CustomerEditor } from './CustomerEditor.tsx';
import { MasterDetail } from './MasterDetail.tsx';

function NewCustomerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(async () => {
      const customer = await api('customers.create', { name });
      onClose();
      onCreated(customer.id);
    });
  return (
    <Dialog
      title={t('customers.new')}
      onCancel={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.create')}
      cancelLabel={t('common.cancel')}
      busy={busy}
    >
      <TextField label={t('customers.name')} value={name} onChange={setName} error={errorFor(t, error, 'name')} required autoFocus />
    </Dialog>
  );
}

export function CustomersView({ selectedId }: { selectedId: string | null }) {
  const t = useT();
  const navigate = useUi((s) => s.navigate);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const customers = useQuery('customers.list', { ...(search ? { search } : {}), includeArchived: showArchived });

  const list =
    customers.data && customers.data.length === 0 ? (
      <p className="muted">{t('customers.none')}</p>
    ) : (
      <ul className="entry-list">
        {(customers.data ?? []).map((c) => (
          <li key={c.id}>
            <a href={`#/customers/${c.id}`} aria-current={c.id === selectedId ? 'true' : undefined}>
              {c.name}
              {c.archived && <span className="badge">{t('customers.archived')}</span>}
            </a>
          </li>
        ))}
      </ul>
    );

  return (
    <MasterDetail
      heading={t('customers.heading')}
      headingId="customers-heading"
      searchLabel={t('customers.search')}
      search={search}
      onSearch={setSearch}
      tools={
        <>
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('customers.showArchived')}
          </label>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('customers.new')}
          </button>
          {creating && (
            <NewCustomerDialog
              onClose={() => setCreating(false)}
              onCreated={(id) => {
                void customers.reload();
                navigate({ view: 'customers', id });
              }}
            />
          )}
        </>
      }
      listLabel={t('customers.list')}
      list={list}
      detail={
        selectedId ? (
          <CustomerEditor key={selectedId} id={selectedId} onChanged={() => void customers.reload()} />
        ) : (
          <p className="muted">{t('customers.select')}</p>
        )
      }
    />
  );
}
