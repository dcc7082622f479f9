// One edited value with autosave: the field shows the draft at once, the save follows after a
// typing pause (or at once on blur and before the page goes away), saves of one field run in
// order, and a refused value stays in the field with the reason beside it: typing is never lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/errors.ts';
import { clearWaiting, markWaiting, trackSave } from './saving.ts';

export const TYPING_PAUSE_MS = 400;
/** How many of its own saves a field recognises when they are read back late. */
const MAX_ECHOES = 50;

export interface Draft<T> {
  value: T;
  /** Set a new value; saved after the typing pause. */
  change: (value: T) => void;
  /** Set a new value and save it now (selects, checkboxes). */
  commit: (value: T) => void;
  /** Save a waiting value now (on blur). */
  flush: () => Promise<void>;
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

  // A stored value that is new to this field (saved elsewhere, reloaded, or the stored form of
  // what was typed, trimmed say) shows, unless the field is being edited or saved. A stored value
  // the field has already seen never shows again: a whole-record form whose `saved` is the record
  // as first loaded would otherwise snap back to it after every save, and its next save would
  // send the old values of the other fields.
  const adopted = useRef(saved);
  // What this field sent, oldest first. A stored value equal to one sent before the last is the
  // echo of an earlier save, read back late (the reload after saving "Type" answering once
  // "Typed" was saved): showing it would drop what was typed since.
  const sent = useRef<T[]>([]);
  const adoptSaved = useCallback(() => {
    if (dirty.current || inFlight.current > 0) return;
    const next = savedRef.current;
    if (sameValue(next, adopted.current)) return;
    adopted.current = next;
    if (sent.current.slice(0, -1).some((value) => sameValue(value, next))) return;
    latest.current = next;
    setValue(next);
  }, []);
  // Bumped after each answered save, so a stored value that arrived during the save shows then.
  const [answered, setAnswered] = useState(0);
  useEffect(adoptSaved, [saved, answered, adoptSaved]);

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    clearWaiting(flushRef.current);
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const toSave = latest.current;
    sent.current = [...sent.current.slice(1 - MAX_ECHOES), toSave];
    inFlight.current += 1;
    chain.current = chain.current.then(async () => {
      try {
        await trackSave(saveRef.current(toSave));
        setError(null);
        inFlight.current -= 1;
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

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}
