// The sync screen: the shared folder (saved as typed), "Sync now" with the work under way, what the
// last sync did, and the conflicts to answer: both values side by side, who set each and when, and
// "Keep this" under each.
import { useEffect, useId } from 'react';
import type { Language, MessageKey } from '../../../shared/i18n/index.ts';
import type { ConflictValue, SkippedFile, SyncConflict, SyncResult, SyncStatus } from '../../../shared/sync.ts';
import type { Progress } from '../../../shared/task-progress.ts';
import { api } from '../api/client.ts';
import { failureText, localDateTime } from '../components/error-text.ts';
import { AutoText } from '../components/fields.tsx';
import { useT, type Translate } from '../i18n.ts';
import { cancelSync, refreshSyncStatus, syncChanged, syncNow, useSync } from '../state/sync.ts';
import { reportFailure, useUi } from '../state/ui.ts';
import { useQuery } from '../state/use-query.ts';
import { deviceText } from '../components/device-name.ts';

/** Where the UI already names an entity's fields, those names; other fields go by their own. */
const FIELD_KEYS: Record<string, (field: string) => string> = {
  customer: (field) => `customers.${field}`,
  project: (field) => `project.${field}`,
  person: (field) => `person.${field}`,
};

function hasKey(t: Translate, key: string): key is MessageKey {
  // translate answers undefined for an unknown key; a known one always has text.
  return typeof t(key as MessageKey) === 'string';
}

/** "Customer · Notes", or "membership · role" where the UI has no words for it. */
function conflictTitle(conflict: Pick<SyncConflict, 'entity' | 'field'>, t: Translate): string {
  const entityKey = `sync.entity.${conflict.entity}`;
  const fieldKey = FIELD_KEYS[conflict.entity]?.(conflict.field);
  const entity = hasKey(t, entityKey) ? t(entityKey) : conflict.entity;
  const field = fieldKey && hasKey(t, fieldKey) ? t(fieldKey) : conflict.field;
  return `${entity} · ${field}`;
}

function ShownValue({ value, t }: { value: ConflictValue['value']; t: Translate }) {
  if (value === null || value === '') return <span className="muted">{t('sync.empty')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('sync.yes') : t('sync.no')}</>;
  if (typeof value === 'string' && /^data:image\/(png|jpeg);base64,/.test(value)) return <img className="conflict-image" src={value} alt="" />;
  return <>{String(value)}</>;
}

function ValueColumn({ label, value, onKeep, busy }: { label: string; value: ConflictValue; onKeep: () => void; busy: boolean }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const id = useId();
  return (
    <section className="conflict-value" aria-labelledby={`${id}-label`}>
      <h4 id={`${id}-label`}>{label}</h4>
      <div className="conflict-text">
        <ShownValue value={value.value} t={t} />
      </div>
      <p id={`${id}-by`} className="muted">
        {t('sync.by', { by: deviceText(t, value.by), time: localDateTime(value.at, language) })}
      </p>
      <button type="button" onClick={onKeep} disabled={busy} aria-describedby={`${id}-label ${id}-by`}>
        {t('sync.keep')}
      </button>
    </section>
  );
}

function ConflictList() {
  const t = useT();
  const version = useSync((s) => s.version);
  const { data: conflicts, reload } = useQuery('conflicts.list', {});
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  const keep = async (conflict: SyncConflict, choice: 'current' | 'other') => {
    if (await reportFailure(api('conflicts.resolve', { stamp: conflict.other.stamp, keep: choice }))) {
      syncChanged();
    }
  };

  return (
    <section className="panel" aria-labelledby="sync-conflicts-heading">
      <h2 id="sync-conflicts-heading">{t('sync.conflicts')}</h2>
      {!conflicts ? (
        <p>{t('app.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p>{t('sync.noConflicts')}</p>
      ) : (
        <>
          <p className="muted">{t('sync.conflictsIntro')}</p>
          <ul className="conflict-list">
            {conflicts.map((c) => (
              <li key={c.other.stamp}>
                <ConflictItem conflict={c} onKeep={(choice) => void keep(c, choice)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictItem({ conflict, onKeep }: { conflict: SyncConflict; onKeep: (choice: 'current' | 'other') => void }) {
  const t = useT();
  const id = useId();
  return (
    <article className="conflict" aria-labelledby={`${id} ${id}-row`}>
      <h3 id={id} className="conflict-title">
        {conflictTitle(conflict, t)}
      </h3>
      {(conflict.row.label ?? conflict.row.project) !== null && (
        <p id={`${id}-row`} className="muted">{[conflict.row.label, conflict.row.project && t('sync.inProject', { project: conflict.row.project })].filter(Boolean).join(' · ')}</p>
      )}
      <div className="conflict-values">
        <ValueColumn label={t('sync.current')} value={conflict.current} onKeep={() => onKeep('current')} busy={false} />
        <ValueColumn label={t('sync.other')} value={conflict.other} onKeep={() => onKeep('other')} busy={false} />
      </div>
    </article>
  );
}

function skipReason(file: SkippedFile, t: Translate): string {
  return t(`sync.skip.${file.reason}`);
}

function LastSync({ result, language }: { result: SyncResult; language: Language }) {
  const t = useT();
  const rows: [string, number][] = [
    [t('sync.sentChanges'), result.sent.changes],
    [t('sync.receivedChanges'), result.received.changes],
    [t('sync.applied'), result.received.applied],
    [t('sync.superseded'), result.received.superseded],
    [t('sync.duplicates'), result.received.duplicates],
    [t('sync.keptBack'), result.keptBack.newerSchema + result.keptBack.clockAhead],
  ];
  const number = new Intl.NumberFormat(language);
  return (
    <>
      <p>{t('sync.lastAt', { time: localDateTime(result.at, language), share: result.share })}</p>
      {result.newDeviceId && <p className="sync-warning">{t('sync.newDeviceId', { id: result.newDeviceId.current })}</p>}
      <dl className="sync-counts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      {result.skipped.length > 0 && (
        <>
          <h3>{t('sync.skipped')}</h3>
          <ul className="sync-skipped">
            {result.skipped.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code>: {skipReason(file, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The bar and the words for where the running sync is: sending changes, then reading the others' files. */
function SyncProgress({ progress, language }: { progress: Progress | null; language: Language }) {
  const t = useT();
  if (!progress || !('done' in progress)) {
    return (
      <>
        <progress aria-label={t('sync.progress')} /> {t('sync.running')}
      </>
    );
  }
  const number = new Intl.NumberFormat(language);
  const counts = { done: number.format(progress.done), total: number.format(progress.total) };
  return (
    <>
      <progress aria-label={t('sync.progress')} value={progress.done} max={Math.max(progress.total, 1)} />{' '}
      {progress.stage === 'send' ? t('sync.sending', counts) : t('sync.receiving', counts)}
    </>
  );
}

function FolderState({ status }: { status: SyncStatus }) {
  const t = useT();
  if (!status.sharePath) return <p className="muted">{t('sync.notSetUp')}</p>;
  return <p className={status.reachable ? 'muted' : 'sync-warning'}>{status.reachable ? t('sync.reachable') : t('sync.unreachable')}</p>;
}

export function SyncView() {
  const t = useT();
  const language = useUi((s) => s.language);
  const { status, running, progress, failure } = useSync();
  useEffect(() => {
    void refreshSyncStatus();
  }, []);

  const saveFolder = async (sharePath: string) => {
    const next = await api('sync.configure', { sharePath });
    useSync.setState({ status: next });
  };

  return (
    <>
      <section className="panel" aria-labelledby="sync-heading" aria-busy={running}>
        <h1 id="sync-heading">{t('sync.heading')}</h1>
        <p className="muted">{t('sync.intro')}</p>
        {!status ? (
          <p>{t('app.loading')}</p>
        ) : (
          <>
            <AutoText label={t('sync.folder')} hint={t('sync.folderHint')} saved={status.sharePath} save={saveFolder} />
            <FolderState status={status} />
            <div className="sync-actions">
              <button type="button" className="primary" onClick={() => void syncNow()} disabled={running || !status.sharePath} aria-busy={running}>
                {t('sync.now')}
              </button>
              {running && (
                <button type="button" onClick={cancelSync}>
                  {t('common.cancel')}
                </button>
              )}
              <p role="status" className="sync-progress">
                {running && <SyncProgress progress={progress} language={language} />}
              </p>
            </div>
            {failure !== null && !running && (
              <p className="field-error" role="alert">
                {t('sync.failed', { message: failureText(failure, language) })}
              </p>
            )}
            <h2>{t('sync.last')}</h2>
            {status.lastSync ? <LastSync result={status.lastSync} language={language} /> : <p>{t('sync.never')}</p>}
          </>
        )}
      </section>
      <ConflictList />
    </>
  );
}
