// Where sync stands, in the header beside the save status: when the last sync went through, how
// many changes wait to be sent, whether the folder can be reached, and open conflicts. A link to
// the sync screen; read out politely when it changes.
import type { Language } from '../../../shared/i18n/index.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { useT } from '../i18n.ts';
import { useSync } from '../state/sync.ts';
import { useUi } from '../state/ui.ts';
import { localDateTime } from './error-text.ts';

/** 14:32 for a moment today, else the date with the time, as the UI language writes them. */
function syncTime(iso: string, language: Language, now = new Date()): string {
  const moment = new Date(iso);
  if (localIsoDate(moment) !== localIsoDate(now)) return localDateTime(iso, language);
  return `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
}

export function SyncIndicator() {
  const t = useT();
  const language = useUi((s) => s.language);
  const { status, running, failure } = useSync();
  if (!status) return null;
  const parts: string[] = [];
  if (!status.sharePath) parts.push(t('sync.status.off'));
  else if (running) parts.push(t('sync.running'));
  else parts.push(status.lastSync ? t('sync.status.syncedAt', { time: syncTime(status.lastSync.at, language) }) : t('sync.status.never'));
  if (status.sharePath && failure) parts.push(t('sync.status.failed'));
  if (status.reachable === false) parts.push(t('sync.status.unreachable'));
  if (status.sharePath && status.waiting > 0) parts.push(status.waiting === 1 ? t('sync.status.waitingOne') : t('sync.status.waiting', { count: status.waiting }));
  if (status.conflicts > 0) parts.push(status.conflicts === 1 ? t('sync.status.conflictsOne') : t('sync.status.conflicts', { count: status.conflicts }));
  const troubled = Boolean(failure) || status.reachable === false || status.conflicts > 0;
  return (
    <p className={troubled ? 'sync-status sync-troubled' : 'sync-status'} role="status" aria-live="polite">
      <a href="#/sync">{parts.join(' · ')}</a>
    </p>
  );
}
