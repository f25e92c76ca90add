import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../api';
import { toApiError } from './errors';
import { registerSaver } from './saveRegistry';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: ApiError };

export const AUTOSAVE_DELAY_MS = 600;

/**
 * Saves a form shortly after typing stops, at once when focus leaves a field, when the view
 * closes and when the window is hidden. Invalid values are never sent (the field says why),
 * saves never overlap, and a failed save keeps the text in the form and says so.
 */
export function useAutosave<T extends FieldValues>(
  form: UseFormReturn<T>,
  save: (values: T) => Promise<unknown>,
  delay = AUTOSAVE_DELAY_MS,
) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const run = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    if (!(await form.trigger())) {
      setState({ kind: 'invalid' });
      return;
    }
    dirty.current = false;
    setState({ kind: 'saving' });
    inFlight.current = saveRef
      .current(form.getValues())
      .then(
        () => setState(dirty.current ? { kind: 'pending' } : { kind: 'saved' }),
        (error: unknown) => {
          dirty.current = true;
          setState({ kind: 'failed', error: toApiError(error) });
        },
      )
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, [form]);

  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type !== 'change') return;
      dirty.current = true;
      setState({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), delay);
    });
    return () => subscription.unsubscribe();
  }, [form, run, delay]);

  useEffect(
    () => registerSaver({ flush: run, hasUnsaved: () => dirty.current || inFlight.current !== null }),
    [run],
  );

  useEffect(() => {
    const flushHidden = () => {
      if (document.visibilityState === 'hidden') void run();
    };
    const flushNow = () => void run();
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', flushHidden);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', flushHidden);
      void run();
    };
  }, [run]);

  return { state, flush: run };
}
