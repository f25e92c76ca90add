import { diffArrays, diffWordsWithSpace } from 'diff';
import { SECTION_KEYS, type AgreementLanguage, type AgreementSnapshot, type DiffLine, type DiffPart, type SectionDiff } from '@shared/domain';
import { sectionLines, type SectionLine } from './sections';

/**
 * Compares two lists of lines. Lines are matched by key (a goal's id, a meeting's id, a field), so
 * an edited goal is one changed line with its words highlighted, not a removal and an addition.
 */
export function diffLines(before: SectionLine[], after: SectionLine[]): DiffLine[] {
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(
    before.map((line) => line.key),
    after.map((line) => line.key),
  )) {
    const count = change.count ?? change.value.length;
    for (let n = 0; n < count; n += 1) {
      if (change.removed) {
        result.push({ kind: 'removed', text: before[i++]!.text });
      } else if (change.added) {
        result.push({ kind: 'added', text: after[j++]!.text });
      } else {
        const old = before[i++]!.text;
        const text = after[j++]!.text;
        if (old === text) {
          result.push({ kind: 'same', text });
        } else {
          result.push({ kind: 'changed', text, oldText: old, parts: wordParts(old, text) });
        }
      }
    }
  }
  return result;
}

/**
 * The words that changed within a line. When most of the line was rewritten, word-level marks
 * would be noise: the old line is then shown removed and the new one added, whole.
 */
export function wordParts(old: string, text: string): DiffPart[] {
  const parts = diffWordsWithSpace(old, text).map((part) => ({
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
    text: part.value,
  }));
  const kept = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.trim().length, 0);
  if (kept < 0.4 * Math.max(old.trim().length, text.trim().length)) {
    return [
      { kind: 'removed', text: old },
      { kind: 'added', text },
    ];
  }
  return parts;
}

/** Section by section: what changed from `before` to `after`, in the printed wording. */
export function diffSnapshots(before: AgreementSnapshot, after: AgreementSnapshot, language: AgreementLanguage): SectionDiff[] {
  const a = sectionLines(before, language);
  const b = sectionLines(after, language);
  return SECTION_KEYS.map((section) => {
    const lines = diffLines(a[section], b[section]);
    return { section, lines, changed: lines.some((line) => line.kind !== 'same') };
  });
}
