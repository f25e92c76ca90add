import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Confidentiality by construction, checked on the code itself: the summary's read model names
 * no confidential table or column, and imports nothing but its shareable doors. (ESLint enforces
 * the same import rule while editing; this test keeps it true even if the lint config changes.)
 */
const dir = resolve('electron/main/services/summary');
const readModel = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'archive.ts') // archive.ts deletes confidential data; it reads none
  .map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));

const CONFIDENTIAL = [/\bnotes\b/, /absence_reason/, /\baction\b/, /\btask\b/, /feedback_answer/, /feedback_response/, /shared_text/];

describe('the summary read model', () => {
  it('has files to check', () => {
    expect(readModel.map((f) => f.file)).toEqual(expect.arrayContaining(['document.ts', 'sources.ts', 'handlers.ts']));
  });

  it('names no confidential table or column in its SQL', () => {
    for (const { file, source } of readModel) {
      const sql = [...source.matchAll(/`([^`]*\b(?:SELECT|FROM|JOIN)\b[^`]*)`/g)].map((m) => m[1]!).join('\n');
      for (const pattern of CONFIDENTIAL) expect(sql, `${file}: ${pattern}`).not.toMatch(pattern);
    }
  });

  it('imports other features only through their shareable doors', () => {
    const allowed = new Set(['../feedback/shareable', '../feedback/decision', '../agreement/goals']);
    for (const { file, source } of readModel) {
      for (const [, path] of source.matchAll(/from '(\.\.\/(?:meetings|members|feedback|agreement)[^']*)'/g)) {
        expect(allowed.has(path!), `${file} imports ${path}`).toBe(true);
      }
    }
  });
});
