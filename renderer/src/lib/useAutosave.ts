import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../api';
import type { z } from 'zod';
import { toApiError } from './errors';
import {
  attachField,
  changed,
  draftOf,
  dropDraft,
  flushField,
  isUnsaved,
  keepDraft,
  stateOf,
  subscribeField,
  typed,
  unsavedValues,
  type SaveState,
} from './saveRegistry';

export type { SaveState } from './saveRegistry';

export const AUTOSAVE_DELAY_MS = 600;

interface AutosaveOptions<T extends FieldValues> {
  /** What the form saves, e.g. `meeting:12:notes`: two views of one field share it. */
  key: string;
  schema: z.ZodType<unknown, T>;
  /** The store's current values, in the form's shape. */
  values: T;
  /** A store action: it writes through the contract and brings the store's snapshot up to date. */
  save: (values: T) => Promise<unknown>;
  delay?: number;
  /** Where an issue the store reports (a path in the call's input) shows in the form, when the names differ. */
  fields?: Record<string, string>;
}

/** A copy of the form's values that later edits of the form cannot change (strings are shared, as they cannot change). */
const copy = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(copy)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]))
      : value;

/** Same content, whatever the key order. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * A form that saves itself: shortly after typing stops, at once when focus leaves it (`flush`),
 * when the view closes and when the window is hidden or closed. Invalid values are never sent
 * (the field says why); a save the store refuses marks the field it names, in the app's words;
 * a failed save keeps the text and says so.
 *
 * The form starts from what was typed and not yet stored, else from the store's values, and
 * follows the store when it changes while nothing typed here is unsaved: so a remount, another
 * view of the same field, or a store re-read never shows older text, and never saves it back.
 */
export function useAutosavedForm<T extends FieldValues>({ key, schema, values, save, delay = AUTOSAVE_DELAY_MS, fields }: AutosaveOptions<T>) {
  const form = useForm<T>({
    resolver: zodResolver(schema as never) as unknown as Resolver<T>,
    defaultValues: ((unsavedValues(key) as T | null) ?? values) as DefaultValues<T>,
  });
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  useEffect(
    () => attachField(key, { send: (v) => saveRef.current(v as T), accepts: (v) => schema.safeParse(v).success, read: () => copy(form.getValues()) }),
    [key, schema, form],
  );

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ type }) => {
          if (type === 'change') typed(key, copy(form.getValues()), delay);
          else changed(key, copy(form.getValues()));
        },
      }),
    [form, key, delay],
  );

  // Leaving the view saves what it holds.
  useEffect(() => () => void flushField(key), [key]);

  const subscribe = useCallback((listener: () => void) => subscribeField(key, listener), [key]);
  const state = useSyncExternalStore(subscribe, () => stateOf(key));

  const storeValues = stable(values);
  // Also once a save has landed: a value typed one way ("9/2026") comes back as the store shows it ("syyskuu 2026").
  const settled = state.kind === 'saved';
  useEffect(() => {
    if (isUnsaved(key)) return;
    const current = form.getValues();
    const parsed = schema.safeParse(current);
    if (stable(current) === storeValues || (parsed.success && stable(parsed.data) === storeValues)) return;
    form.reset(JSON.parse(storeValues) as T);
  }, [key, storeValues, form, schema, settled]);
  // A stable description of the form's fields, so the effect below runs once per state.
  const shape = JSON.stringify({ names: Object.keys(values), fields: fields ?? {} });
  const refusedAtField = state.kind === 'failed' && fieldIssues(state.error, shape).length > 0;

  useEffect(() => {
    if (state.kind === 'invalid') void form.trigger();
    if (state.kind === 'saving') form.clearErrors();
    if (state.kind !== 'failed') return;
    for (const { field, message } of fieldIssues(state.error, shape)) form.setError(field as Path<T>, { type: 'server', message });
  }, [state, shape, form]);

  const flush = useCallback(() => flushField(key), [key]);
  // A refusal the field explains reads like an invalid value: "correct the marked field".
  const shown: SaveState = refusedAtField ? { kind: 'invalid' } : state;
  return { form, state: shown, flush };
}

/** The store's complaints that name a field of this form (`shape`: its field names and the renames). */
function fieldIssues(error: ApiError, shape: string): { field: string; message: string }[] {
  const { names, fields } = JSON.parse(shape) as { names: string[]; fields: Record<string, string> };
  return toApiError(error).issues.flatMap((issue) => {
    const field = fields[issue.path] ?? issue.path;
    return names.includes(field.split('.')[0] ?? '') ? [{ field, message: issue.message }] : [];
  });
}

/**
 * An "add" form's typed text survives the view going away (another step, another tab) until it is
 * added; nothing is saved. With no key nothing is kept. Returns the function to call once the
 * item was added (or the form deliberately given up).
 */
export function useKeptDraft<T extends FieldValues>(form: UseFormReturn<T>, key: string | null): () => void {
  useEffect(() => {
    if (key === null) return;
    const draft = draftOf(key);
    if (draft) form.reset(draft as T, { keepDefaultValues: true });
    const subscription = form.watch(() => keepDraft(key, form.getValues()));
    return () => subscription.unsubscribe();
  }, [form, key]);
  return useCallback(() => {
    if (key !== null) dropDraft(key);
  }, [key]);
}
