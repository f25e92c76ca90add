import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, seedGroup, test } from './fixtures';

/**
 * Every screen, in both languages: no WCAG 2 A/AA violations found by axe (labels, contrast,
 * roles), and a screenshot in test-results/screens/ for a person to look at.
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`screens (${language})`, () => {
    test.use({ locale });

    test('set-up', async ({ page, app }) => {
      await app.open();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, `${language}-setup-1-programme`);
      await page.getByRole('button', { name: language === 'fi' ? 'Seuraava' : 'Next' }).click();
      await check(page, `${language}-setup-1-programme-errors`);
    });

    test('group, members and settings', async ({ page, app }) => {
      await seedGroup(page, app);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, `${language}-group`);
      await page.getByRole('navigation').getByRole('button').nth(1).click();
      await expect(page.getByTestId('data-folder')).toBeVisible();
      await check(page, `${language}-settings`);
    });

    test('store problem', async ({ page, app }) => {
      await app.open();
      await app.restart(async () => writeFileSync(join(app.dataDir, 'vertaistuki.sqlite'), 'not a database'));
      await expect(page.getByRole('alert')).toBeVisible();
      await check(page, `${language}-store-problem`);
    });
  });
}
