import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, vi } from 'vitest';
import type { CallInput, CallName } from '@shared/contract';
import type { ErrorCode, FieldIssue } from '@shared/envelope';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, validSetup, type TestBackend } from '../helpers';

type Tree = { [key: string]: string | Tree };

/** Every `validation.*` sentence of one language, from all of its locale files. */
export function validationSentences(language: 'fi' | 'en'): Record<string, string> {
  const dir = resolve('renderer/src/locales', language);
  const sentences: Record<string, string> = {};
  for (const file of readdirSync(dir)) {
    const tree = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Tree;
    const validation = tree.validation;
    if (typeof validation === 'object') Object.assign(sentences, validation);
  }
  return sentences;
}

const FI = validationSentences('fi');
const EN = validationSentences('en');

/**
 * The call is refused with `issue` (the field's path and the key of its message), the message
 * reads as a sentence in both languages, and the store is exactly as it was.
 */
export function expectRefused<K extends CallName>(
  backend: TestBackend,
  name: K,
  input: CallInput<K>,
  issue: FieldIssue,
  code: ErrorCode = 'invalid_input',
): void {
  const before = dumpDatabase(backend.databasePath);
  const error = expectFail(backend.dispatch(name, input), code);
  expect(error.issues?.[0], `${name}: ${error.message}`).toEqual(issue);
  expect(FI[issue.message], `validation.${issue.message} in Finnish`).toBeTruthy();
  expect(EN[issue.message], `validation.${issue.message} in English`).toBeTruthy();
  expect(dumpDatabase(backend.databasePath), 'nothing changed').toEqual(before);
}

/** Pretends today is `day` (local time) for the services' "not in the future" rules. */
export function todayIs(day: string): void {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(year, month - 1, date, 12, 0, 0));
}

/**
 * The group of the service tests (programme 2025-01-13 – 2025-06-15, three members) with four
 * meetings: two past (3 Feb, 3 Mar), one ahead (7 Apr) and one planned for May by month only.
 * Today is 15 March 2025.
 */
export function plannedGroup() {
  todayIs('2025-03-15');
  const backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  const add = (number: number, plannedDate: string | null, plannedMonth: string | null = null) =>
    call(backend, 'plan.add', { number, plannedDate, plannedMonth, plannedTheme: `Teema ${number}`, place: '', format: null }).id;
  const meetings = { past1: add(1, '2025-02-03'), past2: add(2, '2025-03-03'), ahead: add(3, '2025-04-07'), may: add(4, null, '2025-05') };
  const [a, b, c] = call(backend, 'members.list', undefined).map((m) => m.id) as [number, number, number];
  return { backend, meetings, members: { a, b, c } };
}
