import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * One owner for data from main: a feature's store is the only caller of the API, so a component
 * that imports the API module fails lint (the rule in eslint.config.js).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

async function lint(path: string, source: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(source, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const COMPONENT = `import { call } from '../../api';

export function Offending() {
  void call('meetings.overview');
  return null;
}
`;

describe('the API module in feature components', { timeout: 60_000 }, () => {
  it('fails lint in a component that imports it', async () => {
    const messages = await lint('renderer/src/features/meetings/Offending.tsx', COMPONENT);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/store/);
    expect(await lint('renderer/src/features/meetings/parts/Offending.tsx', COMPONENT.replace('../../api', '../../../api'))).toHaveLength(1);
  });

  it("passes in the feature's store, and for a type", async () => {
    expect(await lint('renderer/src/features/meetings/store.ts', COMPONENT)).toEqual([]);
    expect(await lint('renderer/src/features/meetings/Typed.tsx', "import type { ApiError } from '../../api';\nexport type E = ApiError;\n")).toEqual([]);
  });
});
