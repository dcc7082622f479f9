// Running a form's action (the create dialogs): busy while it runs; an error naming a field is
// kept for that field, any other goes to the notice line.
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/errors.ts';
import { useUi } from '../state/ui.ts';
import { failureText } from './error-text.ts';

export interface Submit {
  busy: boolean;
  error: ApiError | null;
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.field) setError(e);
      else useUi.getState().showNotice(failureText(e, useUi.getState().language));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
