// A project's test accounts and credentials: secrets masked until revealed (shown for a while, or
// until hidden), copied to the clipboard, each reveal and copy noted in the account's history; a
// secret typed in a password field with a toggle to show it. When this installation's key is
// missing or not the one secrets were encrypted with, a banner says so and everything else stays
// usable.
import { useEffect, useId, useRef, useState } from 'react';
import type { Credential, CredentialHistoryEntry, CredentialList } from '../../../../shared/credentials/types.ts';
import { ApiError } from '../../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { deviceText } from '../../components/device-name.ts';
import { failureText, localDateTime } from '../../components/error-text.ts';
import { errorFor, FieldFrame, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT, type Translate } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';

/** How long a revealed secret stays on screen unless hidden sooner. */
const SHOWN_MS = 30_000;
const MASK = '••••••';

export function CredentialsPanel({ projectId }: { projectId: string }) {
  const t = useT();
  const { detail } = useOpenProject();
  const list = useQuery('credentials.list', { projectId });
  const [editing, setEditing] = useState<Credential | 'new' | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  if (!detail || detail.project.id !== projectId || !list.data) return <p>{t('app.loading')}</p>;
  const data = list.data;

  return (
    <section className="credentials" aria-labelledby="credentials-heading">
      <ProjectNav projectId={projectId} current="credentials" />
      <h1 id="credentials-heading">{`${t('credentials.heading')}: ${detail.project.name}`}</h1>
      <KeyBanner t={t} list={data} />
      <p className="muted">{t('credentials.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('credentials.add')}
        </button>
      </div>
      <p role="status" className="muted">
        {said}
      </p>
      {data.credentials.length === 0 ? (
        <p className="muted">{t('credentials.none')}</p>
      ) : (
        <table className="credentials-table">
          <caption className="visually-hidden">{t('credentials.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('credentials.service')}</th>
              <th scope="col">{t('credentials.host')}</th>
              <th scope="col">{t('credentials.userName')}</th>
              <th scope="col">{t('credentials.secret')}</th>
              <th scope="col">{t('credentials.notes')}</th>
              <th scope="col">{t('credentials.history')}</th>
            </tr>
          </thead>
          <tbody>
            {data.credentials.map((c) => (
              <CredentialRow key={c.id} credential={c} onChanged={list.reload} onEdit={() => setEditing(c)} onSaid={setSaid} />
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <CredentialDialog
          projectId={projectId}
          credential={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await list.reload();
          }}
        />
      )}
    </section>
  );
}

/** What is wrong with the key, if anything: the rest of the screen and the app stay usable. */
function KeyBanner({ t, list }: { t: Translate; list: CredentialList }) {
  const { key, otherKeyIds } = list;
  let text: string | null = null;
  if (key.state === 'unusable') text = t('credentials.keyUnusable', { problem: key.problem });
  else if (key.state === 'none' && otherKeyIds.length > 0) text = t('credentials.keyMissing', { keyIds: otherKeyIds.join(', ') });
  else if (key.state === 'ready' && otherKeyIds.length > 0) text = t('credentials.keyOther', { keyIds: otherKeyIds.join(', '), keyId: key.keyId });
  if (!text) return null;
  return <p className="hint hint-warning">{text}</p>;
}

interface RowProps {
  credential: Credential;
  onChanged: () => Promise<void>;
  onEdit: () => void;
  onSaid: (text: string) => void;
}

function CredentialRow({ credential: c, onChanged, onEdit, onSaid }: RowProps) {
  const t = useT();
  const [shown, setShown] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hide = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setShown(null);
  };
  useEffect(() => hide, []);

  /** The secret from the core (noted there as revealed), or why it does not open. */
  const fetchSecret = async (): Promise<string | null> => {
    try {
      return (await api('credentials.reveal', { id: c.id })).secret;
    } catch (error) {
      onSaid(error instanceof ApiError && error.code === 'credential_key' ? errorFor(t, error) ?? error.message : failureText(error, useUi.getState().language));
      return null;
    }
  };

  const reveal = async () => {
    const secret = await fetchSecret();
    await onChanged();
    if (secret === null) return;
    setShown(secret);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(hide, SHOWN_MS);
  };

  const copy = async () => {
    const secret = shown ?? (await fetchSecret());
    if (secret === null) return onChanged();
    try {
      await navigator.clipboard.writeText(secret);
      await api('credentials.copied', { id: c.id });
      onSaid(t('credentials.copiedNote', { service: c.service }));
    } catch (error) {
      onSaid(failureText(error, useUi.getState().language));
    }
    await onChanged();
  };

  const remove = () => {
    if (!window.confirm(t('credentials.removeConfirm', { service: c.service }))) return;
    void reportFailure(api('credentials.remove', { id: c.id }).then(onChanged));
  };

  const openable = c.secret === 'open';
  return (
    <tr>
      <th scope="row">{c.service}</th>
      <td>{c.host}</td>
      <td>{c.userName}</td>
      <td>
        <SecretCell t={t} credential={c} shown={shown} />
        <div className="row-actions">
          {openable && shown === null && (
            <button type="button" aria-label={t('credentials.revealLabel', { service: c.service })} onClick={() => void reveal()}>
              {t('credentials.reveal')}
            </button>
          )}
          {shown !== null && (
            <button type="button" aria-label={t('credentials.hideLabel', { service: c.service })} onClick={hide}>
              {t('credentials.hide')}
            </button>
          )}
          {openable && (
            <button type="button" aria-label={t('credentials.copyLabel', { service: c.service })} onClick={() => void copy()}>
              {t('credentials.copy')}
            </button>
          )}
        </div>
      </td>
      <td>{c.notes}</td>
      <td>
        <History t={t} credential={c} />
        <div className="row-actions">
          <button type="button" aria-label={t('credentials.editLabel', { service: c.service })} onClick={onEdit}>
            {t('credentials.edit')}
          </button>
          <button type="button" aria-label={t('credentials.removeLabel', { service: c.service })} onClick={remove}>
            {t('credentials.remove')}
          </button>
        </div>
      </td>
    </tr>
  );
}

function SecretCell({ t, credential: c, shown }: { t: Translate; credential: Credential; shown: string | null }) {
  if (shown !== null) return <code className="secret">{shown}</code>;
  switch (c.secret) {
    case 'none':
      return <span className="muted">{t('credentials.noSecret')}</span>;
    case 'open':
      return (
        <span>
          <span aria-hidden="true">{MASK}</span>
          <span className="visually-hidden">{t('credentials.masked')}</span>
        </span>
      );
    case 'noKey':
      return <span className="muted">{`${MASK} (${t('credentials.state.noKey')})`}</span>;
    case 'otherKey':
      return <span className="muted">{`${MASK} (${t('credentials.state.otherKey', { keyId: c.secretKeyId ?? '' })})`}</span>;
    case 'damaged':
      return <span className="muted">{t('credentials.state.damaged')}</span>;
  }
}

function entryText(t: Translate, e: CredentialHistoryEntry): string {
  if (e.kind !== 'change') return t(e.kind === 'revealed' ? 'credentials.entryRevealed' : 'credentials.entryCopied');
  if (e.field === 'secret') return t('credentials.entrySecret');
  const label = { service: 'credentials.service', host: 'credentials.host', userName: 'credentials.userName', notes: 'credentials.notes' } as const;
  return t('credentials.entryField', { field: t(label[e.field]), from: e.from || '–', to: e.to || '–' });
}

function History({ t, credential: c }: { t: Translate; credential: Credential }) {
  const language = useUi((s) => s.language);
  return (
    <details>
      <summary aria-label={t('credentials.historyOf', { service: c.service })}>{t('credentials.history')}</summary>
      {c.history.length === 0 ? (
        <p className="muted">{t('credentials.historyEmpty')}</p>
      ) : (
        <ul className="credential-history">
          {[...c.history].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>{t('credentials.entryBy', { what: entryText(t, e), who: deviceText(t, e.by), when: localDateTime(e.at, language) })}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

interface DialogProps {
  projectId: string;
  credential: Credential | null;
  onClose: () => void;
  onSaved: () => Promise<void>;
}

/** Adding or editing an account; the secret is sent only when typed (or removed), never shown back. */
function CredentialDialog({ projectId, credential, onClose, onSaved }: DialogProps) {
  const t = useT();
  const [service, setService] = useState(credential?.service ?? '');
  const [host, setHost] = useState(credential?.host ?? '');
  const [userName, setUserName] = useState(credential?.userName ?? '');
  const [notes, setNotes] = useState(credential?.notes ?? '');
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [showTyped, setShowTyped] = useState(false);
  const [startNewKey, setStartNewKey] = useState(false);
  const { busy, error, run } = useSubmit();
  const toggleId = useId();

  const submit = () =>
    void run(async () => {
      const newKey = startNewKey ? { startNewKey: true } : {};
      if (credential) {
        const typed = removeSecret ? { secret: '' } : secret !== '' ? { secret } : {};
        await api('credentials.update', { id: credential.id, service, host, userName, notes, ...typed, ...newKey });
      } else {
        await api('credentials.create', { projectId, service, host, userName, notes, ...(secret !== '' ? { secret } : {}), ...newKey });
      }
      await onSaved();
    });

  const keyRefusal = error?.field === 'startNewKey' ? errorFor(t, error, 'startNewKey') : null;
  return (
    <Dialog
      title={t(credential ? 'credentials.editTitle' : 'credentials.addTitle')}
      onCancel={onClose}
      onSubmit={submit}
      submitLabel={t('credentials.save')}
      cancelLabel={t('credentials.cancel')}
      busy={busy}
    >
      <TextField label={t('credentials.service')} value={service} onChange={setService} required autoFocus error={errorFor(t, error, 'service')} />
      <TextField label={t('credentials.host')} value={host} onChange={setHost} error={errorFor(t, error, 'host')} />
      <TextField label={t('credentials.userName')} value={userName} onChange={setUserName} error={errorFor(t, error, 'userName')} />
      <FieldFrame label={t('credentials.secret')} hint={credential && credential.secret !== 'none' ? t('credentials.secretKeep') : undefined} error={errorFor(t, error, 'secret')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type={showTyped ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            value={secret}
            disabled={removeSecret}
            aria-describedby={describedBy}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </FieldFrame>
      <label className="checkbox" htmlFor={toggleId}>
        <input id={toggleId} type="checkbox" checked={showTyped} onChange={(e) => setShowTyped(e.target.checked)} />
        {t('credentials.showSecret')}
      </label>
      {credential && credential.secret !== 'none' && (
        <label className="checkbox">
          <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} />
          {t('credentials.removeSecret')}
        </label>
      )}
      <TextField label={t('credentials.notes')} value={notes} onChange={setNotes} multiline error={errorFor(t, error, 'notes')} />
      {keyRefusal && (
        <>
          <p className="field-error" role="alert">
            {keyRefusal}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={startNewKey} onChange={(e) => setStartNewKey(e.target.checked)} />
            {t('credentials.startNewKey')}
          </label>
        </>
      )}
    </Dialog>
  );
}
