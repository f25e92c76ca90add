import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { contract, CALL_NAMES } from '@shared/contract';
import { call, expectOk, removeTempDirs, type TestBackend } from '../helpers';
import { expectRefused, plannedGroup } from './helpers';

/**
 * Issue 15, point 6: text is refused consistently. NUL and lone surrogates (which SQLite would
 * keep as U+FFFD) in every text field, with the same message; names and other one-line fields
 * without line breaks or control characters, and never made only of invisible characters.
 */
interface Leaf {
  path: string;
  schema: z.ZodType;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; format?: string; checks?: { _zod: { def: { check: string } } }[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Free text: a string with no format (date, e-mail…) and no pattern (a clock time, a month). */
const isFreeText = (def: Def) =>
  def.type === 'string' && def.format === undefined && !(def.checks ?? []).some((check) => check._zod.def.check === 'string_format');

/** Every free-text field of a schema, found by walking it: what a new field gets checked by without a test of its own. */
function textLeaves(schema: z.ZodType, path: string): Leaf[] {
  const def = defOf(schema);
  if (isFreeText(def)) return [{ path, schema }];
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([key, value]) => textLeaves(value, path ? `${path}.${key}` : key));
  if (def.type === 'array') return textLeaves(def.element!, `${path}.0`);
  if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') return textLeaves(def.innerType!, path);
  if (def.type === 'pipe') return textLeaves(def.in!, path);
  if (def.type === 'union') return def.options!.flatMap((option) => textLeaves(option, path));
  return [];
}

/**
 * Not stored text: a search query holding NUL finds nothing (see below) instead of being refused, and
 * an export file's bytes (base64) are refused by their own pattern as not a file.
 */
const NOT_STORED = new Set(['search.query:query', 'storage.importFile:base64']);
const LEAVES = CALL_NAMES.flatMap((name) => textLeaves(contract[name].input, '').map((leaf) => ({ name, ...leaf }))).filter(
  (leaf) => !NOT_STORED.has(`${leaf.name}:${leaf.path}`),
);

/** The fields that may hold several lines: long texts typed in a text area. Every other text field is one line. */
const MULTILINE = [
  'agreement.updatePracticalities:workingTime',
  'agreement.updatePracticalities:costs',
  'agreement.updatePracticalities:contact',
  'agreement.updatePracticalities:tasks',
  'agreement.updatePracticalities:confidentiality',
  'agreement.addGoal:text',
  'agreement.updateGoal:text',
  'agreement.addRule:text',
  'agreement.updateRule:text',
  'agreement.restoreGoal:text',
  'agreement.restoreRule:text',
  'meetings.saveNotes:notes',
  'feedback.submit:answers.0.text',
  'feedback.share:sharedText',
  'evaluation.saveDecision:rationale',
  'summary.saveSettings:conclusions',
].sort();

const firstMessage = (schema: z.ZodType, value: string) => schema.safeParse(value).error?.issues[0]?.message;

describe('every text field of every call', () => {
  it('is found: the walk sees the fields the issue names', () => {
    const names = LEAVES.map((leaf) => `${leaf.name}:${leaf.path}`);
    expect(names).toEqual(expect.arrayContaining(['members.add:name', 'programme.setup:members.0.name', 'summary.saveSettings:conclusions', 'meetings.saveNotes:notes']));
    expect(names.length).toBeGreaterThanOrEqual(37);
  });

  it.each(['a\u0000b', '\u0000', 'a\uD800b', 'a\uDC00', '\uDBFF'])('refuses %j with the same message', (value) => {
    const wrong = LEAVES.filter((leaf) => firstMessage(leaf.schema, value) !== 'unsupportedCharacter').map((leaf) => `${leaf.name}:${leaf.path}`);
    expect(wrong).toEqual([]);
  });

  it('keeps characters outside the basic plane (a surrogate pair is one character)', () => {
    const emoji = 'Kiitos 🙂 𝄞';
    const textRule = (message: string | undefined) => ['unsupportedCharacter', 'singleLine', 'noVisibleText'].includes(message ?? '');
    expect(LEAVES.filter((leaf) => textRule(firstMessage(leaf.schema, emoji))).map((leaf) => `${leaf.name}:${leaf.path}`)).toEqual([]);
  });

  it('refuses line breaks and control characters except in the long texts', () => {
    const multiline = LEAVES.filter((leaf) => leaf.schema.safeParse('Ensimmäinen rivi\nToinen rivi\ttabulaattori').success).map((leaf) => `${leaf.name}:${leaf.path}`);
    expect(multiline.sort()).toEqual(MULTILINE);
    for (const value of ['Jää\nMäkelä', 'Jää\rMäkelä', 'Jää\tMäkelä', 'Jää\u0085Mäkelä', 'Jää\u2028Mäkelä', '\u0007\u0008']) {
      const wrong = LEAVES.filter((leaf) => !MULTILINE.includes(`${leaf.name}:${leaf.path}`) && firstMessage(leaf.schema, value) !== 'singleLine');
      expect(wrong.map((leaf) => `${leaf.name}:${leaf.path}`), JSON.stringify(value)).toEqual([]);
    }
  });
});

describe('through the boundary', () => {
  let backend: TestBackend;
  let meetingId: number;
  beforeEach(() => {
    const group = plannedGroup();
    backend = group.backend;
    meetingId = group.meetings.past1;
  });
  afterEach(() => {
    backend.close();
    removeTempDirs();
    vi.useRealTimers();
  });

  it('refuses NUL in the summary conclusions and in meeting notes, keeping what was saved', () => {
    const settings = call(backend, 'summary.settings', undefined);
    call(backend, 'summary.saveSettings', { ...settings, conclusions: 'Ryhmä suosittelee jatkoa.' });
    call(backend, 'meetings.saveNotes', { id: meetingId, notes: 'Muistiinpano' });
    expectRefused(backend, 'summary.saveSettings', { ...settings, conclusions: 'Ryhmä\u0000 suosittelee' }, { path: 'conclusions', message: 'unsupportedCharacter' });
    expectRefused(backend, 'meetings.saveNotes', { id: meetingId, notes: 'Muistiinpano\u0000' }, { path: 'notes', message: 'unsupportedCharacter' });
    expect(call(backend, 'summary.settings', undefined).conclusions).toBe('Ryhmä suosittelee jatkoa.');
  });

  it('refuses a lone surrogate instead of storing U+FFFD', () => {
    expectRefused(backend, 'members.add', { name: 'Jää\uD83D', role: '', email: '' }, { path: 'name', message: 'unsupportedCharacter' });
    expectRefused(backend, 'ideas.add', { meetingId, text: 'Perehdytys \uDE00' }, { path: 'text', message: 'unsupportedCharacter' });
  });

  it('refuses names made only of zero-width or control characters, or with newlines', () => {
    expectRefused(backend, 'members.add', { name: '\u200B\u200D\uFEFF\u2060', role: '', email: '' }, { path: 'name', message: 'noVisibleText' });
    expectRefused(backend, 'members.add', { name: '\u0001\u0002', role: '', email: '' }, { path: 'name', message: 'singleLine' });
    expectRefused(backend, 'members.add', { name: 'Jää\nMäkelä', role: '', email: '' }, { path: 'name', message: 'singleLine' });
    expectRefused(backend, 'themes.addToMeeting', { meetingId, name: '\u200C\u200B' }, { path: 'name', message: 'noVisibleText' });
    const programme = call(backend, 'programme.get', undefined)!;
    expectRefused(backend, 'programme.update', { ...programme, facilitatorName: 'Päivi\r\nÖhman' }, { path: 'facilitatorName', message: 'singleLine' });
  });

  it('keeps a name with a zero-width joiner inside it, and multi-line notes as typed', () => {
    expect(call(backend, 'members.add', { name: 'Aino 👩\u200D💻 Väänänen', role: '', email: '' }).name).toBe('Aino 👩\u200D💻 Väänänen');
    call(backend, 'meetings.saveNotes', { id: meetingId, notes: '  Rivi yksi\n\tRivi kaksi\n' });
    expect(call(backend, 'meetings.get', { id: meetingId }).notes).toBe('  Rivi yksi\n\tRivi kaksi\n');
  });

  it('answers a search holding NUL or a lone surrogate with no hits, not an internal error', () => {
    call(backend, 'meetings.saveNotes', { id: meetingId, notes: 'kehityskeskustelu' });
    expect(call(backend, 'search.query', { query: 'kehitys' }).total).toBe(1);
    for (const query of ['kehitys\u0000', '\u0000', 'kehitys \uD800']) {
      expect(expectOk(backend.dispatch('search.query', { query }))).toEqual({ total: 0, groups: [] });
    }
    expect(backend.logged).toEqual([]);
  });
});
