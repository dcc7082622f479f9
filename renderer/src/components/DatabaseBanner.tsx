// What the window says about the database under its header: that it is being checked (changes
// wait meanwhile), or that it is open read-only and why; for a damaged database, with the button
// that puts the newest backup in its place.
import { useState } from 'react';
import type { AppInfo } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { useUi } from '../state/ui.ts';
import { failureText, localDateTime, readOnlyReason } from './error-text.ts';

export function DatabaseBanner({ info }: { info: AppInfo }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [restoring, setRestoring] = useState(false);

  if (info.checking) {
    return (
      <p className="banner banner-note" role="status">
        {t('app.checking')}
      </p>
    );
  }
  if (!info.readOnly) return null;

  const backup = info.damaged ? info.newestBackup : null;
  const restore = async (file: string) => {
    setRestoring(true);
    try {
      await api('database.restoreBackup', { file });
      // Every screen shows the restored data from the start.
      window.location.reload();
    } catch (error) {
      useUi.getState().showNotice(failureText(error, useUi.getState().language));
      setRestoring(false);
    }
  };
  return (
    <div className="banner banner-warning" role="status">
      <span>
        {t('app.readOnly', { reason: info.readOnlyCause ? readOnlyReason(info.readOnlyCause, language) : '' })}
        {backup && ` ${t('app.restoreNote')}`}
      </span>
      {backup && (
        <button type="button" onClick={() => void restore(backup.file)} disabled={restoring} aria-busy={restoring}>
          {restoring ? t('app.restoring') : t('app.restoreBackup', { time: localDateTime(backup.time, language) })}
        </button>
      )}
    </div>
  );
}
