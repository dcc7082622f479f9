// One edited value with autosave: the field shows the draft at once, the save follows after a
// typing pause (or at once on blur and before the page goes away), saves of one field run in
// order, and a refused value stays in the field with the reason beside it: typing is never lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/errors.ts';
import { clearWaiting, markWaiting, trackSave } from './saving.ts';

export const TYPING_PAUSE_MS = 400;

export interface Draft<T> {
  value: T;
  /** Set a new value; saved after the typing pause. */
  change(value: T): void;
  /** Set a new value and save it now (selects, checkboxes). */
  commit(value: T): void;
  /** Save a waiting value now (on blur). */
  flush(): Promise<void>;
  /** Why the last save was refused, with the offending field as the API named it. */
  error: ApiError | null;
}

export function useDraft<T>(saved: T, save: (value: T) => Promise<unknown>): Draft<T> {
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(value);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** Saves of this value sent and not yet answered. */
  const inFlight = useRef(0);
  const saveRef = useRef(save);
  saveRef.current = save;
  const savedRef = useRef(saved);
  savedRef.current = saved;

  // A value saved elsewhere (a reload, another window) shows unless this one is being edited or
  // saved: a reload answered before our own save would otherwise put old text under the cursor.
  const adoptSaved = useCallback(() => {
    if (dirty.current || inFlight.current > 0) return;
    latest.current = savedRef.current;
    setValue(savedRef.current);
  }, []);
  // Bumped after each answered save, so the adoption runs once the answer has rendered.
  const [answered, setAnswered] = useState(0);
  useEffect(adoptSaved, [saved, answered, adoptSaved]);

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    clearWaiting(flushRef.current);
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const toSave = latest.current;
    inFlight.current += 1;
    chain.current = chain.current.then(async () => {
      try {
        await trackSave(saveRef.current(toSave));
        setError(null);
        inFlight.current -= 1;
        // Then shows the value as stored (trimmed, say), unless the user typed on meanwhile.
        setAnswered((n) => n + 1);
      } catch (e) {
        inFlight.current -= 1;
        // The refused value stays in the field (until the user corrects it) instead of the stored one.
        dirty.current = true;
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      }
    });
    return chain.current;
  }, []);
  flushRef.current = flush;

  const change = useCallback(
    (next: T) => {
      latest.current = next;
      dirty.current = true;
      setValue(next);
      markWaiting(flushRef.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), TYPING_PAUSE_MS);
    },
    [flush],
  );

  const commit = useCallback(
    (next: T) => {
      latest.current = next;
      dirty.current = true;
      setValue(next);
      void flush();
    },
    [flush],
  );

  // Leaving the screen saves what was typed.
  useEffect(() => () => void flush(), [flush]);

  return { value, change, commit, flush, error };
}
