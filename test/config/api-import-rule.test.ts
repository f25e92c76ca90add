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

  it('passes for a type', async () => {
    expect(await lint('renderer/src/features/meetings/Typed.tsx', "import type { ApiError } from '../../api';\nexport type E = ApiError;\n")).toEqual([]);
  });
});

/**
 * No older answer over newer text: a store reads with `fresh` and writes with `write` or
 * `writeSnapshot` (lib/calls.ts); `call` itself, which would let an overtaken answer into the
 * snapshot, fails lint in every store, the app's included. Only lib/calls.ts wraps it.
 */
const STORE = `import { call } from '../../api';

export const load = async () => call('meetings.overview');
`;

describe('the raw call in stores', { timeout: 60_000 }, () => {
  it("fails lint in a feature's store and in the app's store", async () => {
    const messages = await lint('renderer/src/features/meetings/store.ts', STORE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/lib\/calls\.ts/);
    expect(await lint('renderer/src/features/newfeature/store.ts', STORE)).toHaveLength(1);
    expect(await lint('renderer/src/app/store.ts', STORE.replace('../../api', '../api'))).toHaveLength(1);
  });

  it('passes for the fresh read and the writes of lib/calls.ts, for ApiError, and in lib/calls.ts itself', async () => {
    const fresh = `import { fresh } from '../../lib/calls';\nimport { ApiError } from '../../api';\nexport const load = () => fresh((read) => read('meetings.overview'));\nexport const E = ApiError;\n`;
    expect(await lint('renderer/src/features/meetings/store.ts', fresh)).toEqual([]);
    expect(await lint('renderer/src/lib/calls.ts', STORE.replace('../../api', '../api'))).toEqual([]);
  });
});
