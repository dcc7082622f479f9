// The consultancy's branding for every document: name and address on the cover, its logo, the
// accent colour of headings and tables, a footer line and a confidentiality line. Saved as typed.
import { useState } from 'react';
import type { Branding } from '../../../../shared/documents/frame.ts';
import { api } from '../../api/client.ts';
import { errorFor, FieldFrame } from '../../components/fields.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { useT } from '../../i18n.ts';
import { useDraft } from '../../state/use-draft.ts';
import { useQuery } from '../../state/use-query.ts';
import { readLogo } from '../read-logo.ts';

function BrandingForm({ saved }: { saved: Branding }) {
  const t = useT();
  const draft = useDraft<Branding>(saved, (branding) => api('branding.save', branding));
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const value = draft.value;
  const error = (field: keyof Branding) => errorFor(t, draft.error, field);
  const text = (field: 'consultancyName' | 'footerText' | 'confidentiality', label: string, hint?: string) => (
    <FieldFrame label={label} hint={hint} error={error(field)}>
      {({ id, describedBy }) => (
        <input id={id} aria-describedby={describedBy} value={value[field]} onChange={(e) => draft.change({ ...value, [field]: e.target.value })} onBlur={() => void draft.flush()} />
      )}
    </FieldFrame>
  );
  const chooseLogo = async (file: File) => {
    const read = await readLogo(file);
    if ('problem' in read) return setLogoProblem(t(read.problem === 'type' ? 'customers.logoWrongType' : 'customers.logoTooLarge'));
    setLogoProblem(null);
    draft.commit({ ...value, logo: read.dataUrl });
  };
  return (
    <div className="form-grid branding-form">
      {text('consultancyName', t('branding.name'))}
      <FieldFrame label={t('branding.accent')} error={error('accent')}>
        {({ id, describedBy }) => (
          <input id={id} type="color" aria-describedby={describedBy} value={value.accent} onChange={(e) => draft.commit({ ...value, accent: e.target.value })} />
        )}
      </FieldFrame>
      <FieldFrame label={t('branding.address')} error={error('address')}>
        {({ id, describedBy }) => (
          <textarea id={id} rows={3} aria-describedby={describedBy} value={value.address} onChange={(e) => draft.change({ ...value, address: e.target.value })} onBlur={() => void draft.flush()} />
        )}
      </FieldFrame>
      {text('footerText', t('branding.footer'), t('branding.footerHint'))}
      {text('confidentiality', t('branding.confidentiality'), t('branding.confidentialityHint'))}
      <fieldset className="logo">
        <legend>{t('branding.logo')}</legend>
        {value.logo && <img src={value.logo} alt={t('branding.logoAlt')} />}
        <FileButton label={t('customers.logoChoose')} accept="image/png,image/jpeg" onFile={(file) => void chooseLogo(file)} />
        {value.logo && (
          <button type="button" onClick={() => draft.commit({ ...value, logo: null })}>
            {t('customers.logoRemove')}
          </button>
        )}
        {(logoProblem ?? error('logo')) && (
          <p className="field-error" role="alert">
            {logoProblem ?? error('logo')}
          </p>
        )}
      </fieldset>
    </div>
  );
}

export function BrandingView() {
  const t = useT();
  const branding = useQuery('branding.get', {});
  return (
    <section className="panel" aria-labelledby="branding-heading">
      <h1 id="branding-heading">{t('branding.heading')}</h1>
      <p className="muted">{t('branding.intro')}</p>
      {branding.data ? <BrandingForm saved={branding.data} /> : <p>{t('app.loading')}</p>}
    </section>
  );
}
