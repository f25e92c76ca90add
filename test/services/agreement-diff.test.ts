import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffLines } from '../../electron/main/services/agreement/diff';
import { call, createTestBackend, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

describe('diffLines', () => {
  const line = (key: string, text: string) => ({ key, text });

  it('matches lines by key: same, changed (with word parts), removed and added, in order', () => {
    const before = [line('a', 'Luottamus ensin'), line('b', 'Puhumme asioista'), line('c', 'Saa olla hiljaa')];
    const after = [line('a', 'Luottamus ensin'), line('b', 'Puhumme asioista, emme ihmisistä'), line('d', 'Tasavertaisuus')];
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: 'Luottamus ensin' },
      {
        kind: 'changed',
        text: 'Puhumme asioista, emme ihmisistä',
        oldText: 'Puhumme asioista',
        parts: [
          { kind: 'same', text: 'Puhumme asioista' },
          { kind: 'added', text: ', emme ihmisistä' },
        ],
      },
      { kind: 'removed', text: 'Saa olla hiljaa' },
      { kind: 'added', text: 'Tasavertaisuus' },
    ]);
  });

  it('a line rewritten almost entirely is shown as the old line removed and the new one added, whole', () => {
    const [line1] = diffLines([line('g', 'Jokainen vie ainakin yhden idean mukanaan.')], [line('g', 'Kokeilemme uusia työtapoja kuukausittain.')]);
    expect(line1).toEqual({
      kind: 'changed',
      text: 'Kokeilemme uusia työtapoja kuukausittain.',
      oldText: 'Jokainen vie ainakin yhden idean mukanaan.',
      parts: [
        { kind: 'removed', text: 'Jokainen vie ainakin yhden idean mukanaan.' },
        { kind: 'added', text: 'Kokeilemme uusia työtapoja kuukausittain.' },
      ],
    });
  });

  it('two equal lists give only same lines; empty to something gives only additions', () => {
    const lines = [line('x', 'Yksi'), line('y', 'Kaksi')];
    expect(diffLines(lines, lines).every((l) => l.kind === 'same')).toBe(true);
    expect(diffLines([], lines)).toEqual([
      { kind: 'added', text: 'Yksi' },
      { kind: 'added', text: 'Kaksi' },
    ]);
    expect(diffLines(lines, [])).toEqual([
      { kind: 'removed', text: 'Yksi' },
      { kind: 'removed', text: 'Kaksi' },
    ]);
  });

  it('a moved line shows as removed at its old place and added at its new one', () => {
    const before = [line('a', 'A'), line('b', 'B'), line('c', 'C')];
    const after = [line('c', 'C'), line('a', 'A'), line('b', 'B')];
    const kinds = diffLines(before, after).map((l) => `${l.kind}:${l.text}`);
    expect(kinds.filter((k) => !k.startsWith('same'))).toEqual(['added:C', 'removed:C']);
  });
});

describe('comparing versions section by section', () => {
  let backend: TestBackend;
  beforeEach(() => {
    backend = createTestBackend(makeTempDir());
    call(backend, 'programme.setup', validSetup());
    call(backend, 'agreement.start', { template: 'fi' });
  });
  afterEach(() => {
    backend.close();
    removeTempDirs();
  });

  it('finds exactly what changed between two agreed versions, and between a version and the draft', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    const state = call(backend, 'agreement.get', undefined)!;
    const groupGoal = state.goals.find((g) => g.kind === 'group')!;
    call(backend, 'agreement.updateGoal', { id: groupGoal.id, text: 'Jokainen kokeilee yhtä uutta työtapaa kuukaudessa.' });
    call(backend, 'agreement.removeRule', { id: state.rules[6]!.id });
    call(backend, 'agreement.addRule', { text: 'Aloitamme ja lopetamme ajallaan.' });
    call(backend, 'agreement.updatePracticalities', { ...state.practicalities, meetingMinutes: 90 });
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-10', note: 'Tavoite tarkennettu' });
    call(backend, 'agreement.addGoal', { kind: 'member', text: 'Luonnoksessa vain' });

    const { sections } = call(backend, 'agreement.compare', { from: 1, to: 2, language: 'fi' });
    const changed = Object.fromEntries(sections.map((s) => [s.section, s.lines.filter((l) => l.kind !== 'same')]));
    expect(sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['groupGoals', 'rules', 'practicalities']);
    expect(changed['groupGoals']).toEqual([
      expect.objectContaining({ kind: 'changed', text: 'Jokainen kokeilee yhtä uutta työtapaa kuukaudessa.', oldText: groupGoal.text }),
    ]);
    expect(changed['rules']).toEqual([
      { kind: 'removed', text: state.rules[6]!.text },
      { kind: 'added', text: 'Aloitamme ja lopetamme ajallaan.' },
    ]);
    expect(changed['practicalities']).toEqual([
      expect.objectContaining({ kind: 'changed', oldText: 'Tapaamisen pituus: 2 h', text: 'Tapaamisen pituus: 1 h 30 min' }),
    ]);
    expect(changed['memberGoals']).toEqual([]);

    // version 2 against the draft: only the draft's new goal; and the reverse direction removes it
    const toDraft = call(backend, 'agreement.compare', { from: 2, to: null, language: 'en' }).sections;
    expect(toDraft.filter((s) => s.changed).map((s) => s.section)).toEqual(['memberGoals']);
    const back = call(backend, 'agreement.compare', { from: null, to: 2, language: 'en' }).sections;
    expect(back.find((s) => s.section === 'memberGoals')!.lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Luonnoksessa vain' },
    ]);
    // a version compared with itself has no changes
    expect(call(backend, 'agreement.compare', { from: 1, to: 1, language: 'fi' }).sections.some((s) => s.changed)).toBe(false);
  });

  it('an unknown version is not found', () => {
    expect(backend.dispatch('agreement.compare', { from: 3, to: null, language: 'fi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
