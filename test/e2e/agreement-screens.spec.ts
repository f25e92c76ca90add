import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, seedGroup, test } from './fixtures';

/**
 * The agreement's screens in both languages: no WCAG 2 A/AA violations found by axe, keyboard
 * operation of the tabs, and screenshots (plus the first page of the printed PDF) in
 * test-results/screens/ for a person to look at.
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

const ok = async <T>(page: Page, name: string, input?: unknown): Promise<T> => {
  const result = await apiCall(page, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
};

const TEXT = {
  fi: { nav: 'Sopimus', tabs: ['Luonnos', 'Versiot ja hyväksyntä', 'Vertaa versioita', 'Tulosta ja vie'], save: 'Tallenna tiedosto', goal: 'Jokainen kokeilee yhtä uutta työtapaa kuukaudessa ja kertoo siitä ryhmälle.' },
  en: { nav: 'Agreement', tabs: ['Draft', 'Versions and acceptance', 'Compare versions', 'Print and export'], save: 'Save file', goal: 'Each of us tries one new way of working a month and tells the group how it went.' },
} as const;

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`agreement screens (${language})`, () => {
    test.use({ locale });

    test('start, editor, versions, comparison, export and the printed page', async ({ page, app }) => {
      const text = TEXT[language];
      await seedGroup(page, app);
      await page.getByRole('navigation').getByRole('button', { name: text.nav }).click();
      await expect(page.getByRole('radio').first()).toBeVisible();
      await check(page, `${language}-agreement-start`);

      await ok(page, 'agreement.start', { template: language });
      const started = await ok<{ goals: { id: number; kind: string }[] }>(page, 'agreement.get');
      const v1 = await ok<{ id: number }>(page, 'agreement.saveVersion', { agreedOn: '2026-09-08', note: language === 'fi' ? 'Käyty läpi 1. tapaamisessa' : 'Reviewed in meeting 1' });
      await ok(page, 'agreement.setAcceptance', { versionId: v1.id, memberId: 1, acceptedOn: '2026-09-08' });
      await ok(page, 'agreement.setAcceptance', { versionId: v1.id, memberId: 2, acceptedOn: '2026-09-10' });
      const groupGoal = started.goals.find((g) => g.kind === 'group')!;
      await ok(page, 'agreement.updateGoal', { id: groupGoal.id, text: text.goal });
      const plan = await ok<{ id: number; number: number; plannedTheme: string; place: string; format: string | null }[]>(page, 'plan.list');
      const fourth = plan.find((p) => p.number === 4)!;
      await ok(page, 'plan.update', { ...fourth, plannedDate: '2026-12-09', plannedMonth: null, place: 'Ravintola Kivijärvi' });
      await ok(page, 'plan.cancel', { id: plan.find((p) => p.number === 5)!.id, cancelled: true });

      await page.reload();
      await page.getByRole('navigation').getByRole('button', { name: text.nav }).click();
      await expect(page.getByRole('tab', { name: text.tabs[0] })).toBeVisible();
      await check(page, `${language}-agreement-editor`);

      // the tabs work from the keyboard: arrows move between tabs
      await page.getByRole('tab', { name: text.tabs[0] }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: text.tabs[1] })).toBeFocused();
      await expect(page.getByRole('tab', { name: text.tabs[1] })).toHaveAttribute('aria-selected', 'true');
      await check(page, `${language}-agreement-versions`);

      await page.keyboard.press('ArrowRight');
      await expect(page.locator('[data-kind="changed"]').first()).toBeVisible();
      await check(page, `${language}-agreement-compare`);

      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('button', { name: text.save })).toBeVisible();
      await check(page, `${language}-agreement-export`);

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: text.save }).click();
      const file = join(SCREENS_DIR, `${language}-agreement.pdf`);
      await (await downloading).saveAs(file);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENS_DIR, `${language}-agreement-pdf`)]);
    });
  });
}
