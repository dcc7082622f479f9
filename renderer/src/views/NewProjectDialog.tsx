// Creating a project: for a customer already known, or a new one typed in the same dialog.
import { useState } from 'react';
import { DEFAULT_PRODUCT } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { errorFor, SelectField, TextField } from '../components/fields.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useT } from '../i18n.ts';
import { useQuery } from '../state/use-query.ts';

const NEW_CUSTOMER = 'new';

interface Props {
  onClose: () => void;
  onCreated: (projectId: string) => void;
}

export function NewProjectDialog({ onClose, onCreated }: Props) {
  const t = useT();
  const customers = useQuery('customers.list', {});
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customerName, setCustomerName] = useState('');
  const [name, setName] = useState('');
  const [product, setProduct] = useState(DEFAULT_PRODUCT);
  const { busy, error, run } = useSubmit();

  // Until the user picks, the first known customer (or a new one, when there is none).
  const chosen = customerId ?? customers.data?.[0]?.id ?? NEW_CUSTOMER;

  const submit = () =>
    run(async () => {
      let forCustomer = chosen;
      if (forCustomer === NEW_CUSTOMER) {
        forCustomer = (await api('customers.create', { name: customerName })).id;
        // Should the project be refused, the customer exists now: a retry must not make another.
        setCustomerId(forCustomer);
        await customers.reload();
      }
      const detail = await api('projects.create', { customerId: forCustomer, name, product });
      onClose();
      onCreated(detail.project.id);
    });

  return (
    <Dialog
      title={t('newProject.title')}
      onCancel={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.create')}
      cancelLabel={t('common.cancel')}
      busy={busy}
    >
      <SelectField
        label={t('newProject.customer')}
        value={chosen}
        options={[...(customers.data ?? []).map((c) => ({ value: c.id, label: c.name })), { value: NEW_CUSTOMER, label: t('newProject.newCustomerOption') }]}
        onChange={setCustomerId}
        error={errorFor(t, error, 'customerId')}
      />
      {chosen === NEW_CUSTOMER && (
        <TextField label={t('newProject.customerName')} value={customerName} onChange={setCustomerName} error={errorFor(t, error, 'name')} required />
      )}
      <TextField
        label={t('newProject.name')}
        value={name}
        onChange={setName}
        error={chosen === NEW_CUSTOMER ? null : errorFor(t, error, 'name')}
        required
        autoFocus
      />
      <TextField label={t('newProject.product')} value={product} onChange={setProduct} error={errorFor(t, error, 'product')} />
    </Dialog>
  );
}
