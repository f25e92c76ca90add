import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validationSentences } from './helpers';

/**
 * Every message key a service rule can answer with (fieldError, ruleError, the meeting rules'
 * keys, the text rules) has a sentence in both languages: a rule added later cannot reach the
 * user as a bare key.
 */
const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

function keysUsed(): Set<string> {
  const services = sources(resolve('electron/main/services')).join('\n');
  const fields = readFileSync(resolve('shared/domain/fields.ts'), 'utf8');
  const programme = readFileSync(resolve('electron/main/services/programme/service.ts'), 'utf8');
  const found = [
    ...services.matchAll(/fieldError\(\s*[^,]+,\s*'([a-zA-Z]+)'/g),
    ...services.matchAll(/ruleError\(\s*'([a-zA-Z]+)'/g),
    ...services.matchAll(/'([a-zA-Z]+InFuture)'/g),
    ...programme.matchAll(/key: '([a-zA-Z]+)'/g),
    ...fields.matchAll(/return '([a-zA-Z]+)';/g),
  ];
  return new Set(found.map((match) => match[1]!));
}

describe('the messages of the rules', () => {
  const used = keysUsed();

  it('are found in the code', () => {
    for (const key of ['dueBeforeMeeting', 'meetingCancelled', 'heldInFuture', 'roundInFuture', 'meetingsOutsidePeriod', 'unsupportedCharacter', 'surveyExists']) {
      expect(used, key).toContain(key);
    }
  });

  it.each(['fi', 'en'] as const)('each read as a sentence in %s', (language) => {
    const sentences = validationSentences(language);
    expect([...used].filter((key) => !sentences[key])).toEqual([]);
  });
});
