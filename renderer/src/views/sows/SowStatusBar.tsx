// Where a version of an SOW stands and what can happen to it: the versions side by side, its
// status with who and when, and the steps of its life (send, record a signature or a rejection,
// start the next version). Asking to change a sent version offers the next version instead.
import { useState } from 'react';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { SIGNING_SIDES, sowNumber, type SowDetail, type SowVersion } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { formatDate, useT } from '../../i18n.ts';
import { reportFailure, useUi } from '../../state/ui.ts';

interface Props {
  detail: SowDetail;
  projectId: string;
  onChanged: () => Promise<void>;
}

const open = (projectId: string, id: string) => {
  window.location.hash = `#/project/${projectId}/sows/${id}`;
};

/** The draft of the series, if one is being written. */
const draftOf = (versions: readonly SowVersion[]) => versions.find((v) => v.status === 'draft');

export function SowStatusBar({ detail, projectId, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [dialog, setDialog] = useState<'sign' | 'reject' | null>(null);
  const { sow, versions, totals } = detail;
  const day = (date: string | null) => formatDate(language, date) ?? '–';
  const draft = draftOf(versions);
  const next = Math.max(...versions.map((v) => v.version)) + 1;

  const facts = [
    sow.sentOn && t('sow.sentOnBy', { date: day(sow.sentOn), by: sow.sentBy || '–' }),
    sow.customerSignedOn && t('sow.signedBy', { side: t('side.customer'), name: sow.customerSignedBy, date: day(sow.customerSignedOn) }),
    sow.consultancySignedOn && t('sow.signedBy', { side: t('side.consultancy'), name: sow.consultancySignedBy, date: day(sow.consultancySignedOn) }),
    sow.rejectedOn && t('sow.rejectedOnBy', { date: day(sow.rejectedOn), by: sow.rejectedBy || '–', reason: sow.rejectionReason || '–' }),
    sow.supersededOn && t('sow.supersededOn', { date: day(sow.supersededOn), version: versions.find((v) => v.id === sow.supersededById)?.version ?? '?' }),
  ].filter((f): f is string => Boolean(f));

  const send = () => void reportFailure(api('sows.send', { id: sow.id }).then(onChanged));
  const startNext = () =>
    void reportFailure(
      api('sows.newVersion', { id: sow.id }).then(async (created) => {
        await onChanged();
        open(projectId, created.sow.id);
      }),
    );

  return (
    <section className="sow-status" aria-label={t('sow.statusHeading')}>
      <nav aria-label={t('sow.versions')}>
        <ul className="sessions-bar">
          {versions.map((v) => (
            <li key={v.id}>
              <a className="button" href={`#/project/${projectId}/sows/${v.id}`} aria-current={v.id === sow.id ? 'page' : undefined}>
                {t('sow.versionStatus', { version: v.version, status: t(`sowStatus.${v.status}`) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <strong>{t('sow.versionStatus', { version: sow.version, status: t(`sowStatus.${sow.status}`) })}</strong>
        {facts.length > 0 && ` · ${facts.join(' · ')}`}
      </p>
      {sow.status !== 'draft' && (
        <p className="hint hint-info">
          {t('sow.frozenNote', { number: sowNumber(sow.number), version: sow.version })}{' '}
          {draft ? (
            <a className="button" href={`#/project/${projectId}/sows/${draft.id}`}>
              {t('sow.openDraft', { version: draft.version })}
            </a>
          ) : (
            <button type="button" onClick={startNext}>
              {t('sow.startVersion', { version: next })}
            </button>
          )}
        </p>
      )}
      <div className="button-row">
        {sow.status === 'draft' && (
          <button type="button" className="primary" onClick={send} disabled={totals.paymentBasisPoints !== 10_000} aria-describedby="sow-send-hint">
            {t('sow.send')}
          </button>
        )}
        {sow.status === 'sent' && (
          <>
            <button type="button" className="primary" onClick={() => setDialog('sign')}>
              {t('sow.recordSignature')}
            </button>
            <button type="button" onClick={() => setDialog('reject')}>
              {t('sow.recordRejection')}
            </button>
          </>
        )}
      </div>
      {sow.status === 'draft' && (
        <p id="sow-send-hint" className="muted small">
          {t('sow.sendHint')}
        </p>
      )}
      {dialog === 'sign' && <SignDialog detail={detail} onClose={() => setDialog(null)} onChanged={onChanged} />}
      {dialog === 'reject' && <RejectDialog detail={detail} onClose={() => setDialog(null)} onChanged={onChanged} />}
    </section>
  );
}

interface DialogProps {
  detail: SowDetail;
  onClose: () => void;
  onChanged: () => Promise<void>;
}

function SignDialog({ detail, onClose, onChanged }: DialogProps) {
  const t = useT();
  const { sow } = detail;
  const [side, setSide] = useState<(typeof SIGNING_SIDES)[number]>(sow.customerSignedOn ? 'consultancy' : 'customer');
  const [name, setName] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const { busy, error, run } = useSubmit();
  const submit = () =>
    void run(async () => {
      await api('sows.sign', { id: sow.id, side, name, date });
      await onChanged();
      onClose();
    });
  return (
    <Dialog title={t('sow.recordSignature')} onCancel={onClose} onSubmit={submit} submitLabel={t('sow.sign')} cancelLabel={t('common.cancel')} busy={busy}>
      <SelectField label={t('sow.signingSide')} value={side} options={SIGNING_SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))} onChange={(v) => setSide(v as (typeof SIGNING_SIDES)[number])} />
      <TextField label={t('sow.signedByName')} value={name} onChange={setName} required autoFocus error={errorFor(t, error, 'name')} />
      <DateField label={t('sow.signedOnDate')} value={date} onChange={setDate} required error={errorFor(t, error, 'date')} />
    </Dialog>
  );
}

function RejectDialog({ detail, onClose, onChanged }: DialogProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = () =>
    void run(async () => {
      await api('sows.reject', { id: detail.sow.id, name, date, reason });
      await onChanged();
      onClose();
    });
  return (
    <Dialog title={t('sow.recordRejection')} onCancel={onClose} onSubmit={submit} submitLabel={t('sow.reject')} cancelLabel={t('common.cancel')} busy={busy}>
      <TextField label={t('sow.rejectedByName')} value={name} onChange={setName} autoFocus error={errorFor(t, error, 'name')} />
      <DateField label={t('sow.rejectedOnDate')} value={date} onChange={setDate} required error={errorFor(t, error, 'date')} />
      <TextField label={t('sow.rejectionReason')} value={reason} onChange={setReason} multiline error={errorFor(t, error, 'reason')} />
    </Dialog>
  );
}

/** Asked when someone tries to change a version that was sent: it stays as it is; change the next version. */
export function NewVersionDialog({ detail, projectId, onClose, onChanged }: { detail: SowDetail; projectId: string; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { sow, versions } = detail;
  const draft = draftOf(versions);
  const next = Math.max(...versions.map((v) => v.version)) + 1;
  const { busy, run } = useSubmit();
  const when = formatDate(language, sow.sentOn) ?? '–';
  const submit = () =>
    void run(async () => {
      const id = draft ? draft.id : (await api('sows.newVersion', { id: sow.id })).sow.id;
      onChanged();
      onClose();
      open(projectId, id);
    });
  return (
    <Dialog
      title={t('sow.frozenTitle', { number: sowNumber(sow.number), version: sow.version })}
      onCancel={onClose}
      onSubmit={submit}
      submitLabel={draft ? t('sow.openDraft', { version: draft.version }) : t('sow.startVersion', { version: next })}
      cancelLabel={t('common.cancel')}
      busy={busy}
    >
      <p>{t(`sow.frozenBody.${sow.status === 'draft' ? 'sent' : sow.status}`, { number: sowNumber(sow.number), version: sow.version, date: when })}</p>
      <p>{draft ? t('sow.frozenDraft', { version: draft.version }) : t('sow.frozenNext', { version: next })}</p>
    </Dialog>
  );
}
