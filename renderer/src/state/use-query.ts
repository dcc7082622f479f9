// Reads one API method for a screen, again whenever its input changes or reload() is called.
// Failures go to the notice line; the screen keeps showing what it had.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/api.ts';
import { api } from '../api/client.ts';
import { failureText } from '../components/error-text.ts';
import { newestWins } from './newest-wins.ts';
import { useUi } from './ui.ts';

export interface Query<T> {
  data: T | null;
  reload: () => Promise<void>;
}

export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>): Query<MethodResult<M>> {
  const [data, setData] = useState<MethodResult<M> | null>(null);
  const key = JSON.stringify(input);
  // Answers to an older input must not overwrite a newer one (fast typing in a search box).
  const latestKey = useRef(key);
  latestKey.current = key;
  // Nor may an older reload's answer overwrite a newer one's (a reload after a save, answered
  // before the reload sent just ahead of that save).
  const inOrder = useMemo(newestWins, []);

  const reload = useCallback(async () => {
    try {
      await inOrder(
        () => api(method, JSON.parse(key) as MethodInput<M>),
        (result) => {
          if (latestKey.current === key) setData(result);
        },
      );
    } catch (error) {
      useUi.getState().showNotice(failureText(error, useUi.getState().language));
    }
  }, [method, key, inOrder]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, reload };
}
