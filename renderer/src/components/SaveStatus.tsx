// "Saving…" / "All changes saved" in the header, announced politely to screen readers.
import { useT } from '../i18n.ts';
import { useSaveStatus } from '../state/saving.ts';

export function SaveStatus() {
  const t = useT();
  const { inFlight, waiting, failed } = useSaveStatus();
  const text = inFlight + waiting > 0 ? t('save.saving') : failed ? t('save.failed') : t('save.saved');
  return (
    <p className={failed ? 'save-status save-failed' : 'save-status'} role="status" aria-live="polite">
      {text}
    </p>
  );
}
