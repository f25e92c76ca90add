import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, seedGroup, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { buildLeakFixture, type Caller } from '../services/summary-fixture';
import { seedPlan } from './meeting-seed';

/**
 * Every screen, in both languages: no WCAG 2 A/AA violations found by axe (labels, contrast,
 * roles), and a screenshot in test-results/screens/ for a person to look at.
 */
const NAV = {
  fi: { meetings: 'Tapaamiset', actions: 'Sovitut toimet', summary: 'Yhteenveto johdolle', settings: 'Asetukset ja tiedot' },
  en: { meetings: 'Meetings', actions: 'Agreed actions', summary: 'Management summary', settings: 'Settings and about' },
} as const;

const go = (page: Page, language: 'fi' | 'en', section: keyof (typeof NAV)['fi']) =>
  page.getByRole('navigation').getByRole('button', { name: NAV[language][section], exact: true }).click();

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
      await go(page, language, 'settings');
      await expect(page.getByTestId('data-folder')).toBeVisible();
      await check(page, `${language}-settings`);
    });

    test('meetings: overview, a meeting, meeting mode, actions', async ({ page, app }) => {
      await seedGroup(page, app);
      const [m1] = await seedPlan(page);
      await apiCall(page, 'meetings.saveNotes', { id: m1, notes: 'Keskustelimme jaksamisesta ja kehityskeskusteluista.' });
      await apiCall(page, 'themes.addToMeeting', { meetingId: m1, name: 'Työhyvinvointi' });
      await apiCall(page, 'actions.add', { meetingId: m1, text: 'Kokeillaan kävelypalaveria', ownerMemberId: 1, dueDate: '2026-10-01' });
      await apiCall(page, 'ideas.add', { meetingId: m1, text: 'Yhteinen perehdytyspäivä uusille esihenkilöille' });
      await apiCall(page, 'meetings.setAttendance', { meetingId: m1, memberId: 1, present: true, absenceReason: '' });
      await apiCall(page, 'meetings.setAttendance', { meetingId: m1, memberId: 2, present: false, absenceReason: 'Koulutus' });
      await apiCall(page, 'meetings.setHeld', { id: m1, held: true });
      await page.reload();
      await go(page, language, 'meetings');
      await expect(page.getByRole('table')).toBeVisible();
      await page.getByRole('searchbox').fill('kehitys');
      await page.keyboard.press('Enter');
      await expect(page.locator('mark').first()).toBeVisible();
      await check(page, `${language}-meetings-overview`);
      await page.getByRole('button', { name: language === 'fi' ? 'Avaa tapaaminen 2' : 'Open meeting 2' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, `${language}-meeting`);
      await page.getByRole('button', { name: language === 'fi' ? 'Aloita tapaamistila' : 'Start meeting mode' }).click();
      await expect(page.getByRole('timer').first()).toBeVisible();
      await check(page, `${language}-live-checkin`);
      await page.keyboard.press('Alt+Digit3');
      await check(page, `${language}-live-actions`);
      await page.keyboard.press('Alt+Digit6');
      await page.getByRole('button', { name: language === 'fi' ? 'Lopeta tapaamistila' : 'Leave meeting mode' }).click();
      await go(page, language, 'actions');
      await expect(page.getByRole('table')).toBeVisible();
      await check(page, `${language}-actions`);
    });

    test('management summary and a page of its PDF', async ({ page, app }) => {
      test.setTimeout(90_000);
      await app.open();
      const call: Caller = async <T,>(name: string, input?: unknown) => {
        const result = await apiCall(page, name, input);
        if (!result.ok) throw new Error(result.error.message);
        return result.value as T;
      };
      await buildLeakFixture(call, 6);
      const settings = await call<Record<string, unknown>>('summary.settings');
      await call('summary.saveSettings', { ...settings, language, conclusions: language === 'fi' ? 'Ryhmä toimi hyvin; suosittelen jatkoa.' : 'The group worked well; I recommend continuing.' });
      await page.reload();
      await go(page, language, 'summary');
      await expect(page.getByRole('article')).toBeVisible();
      await check(page, `${language}-summary`);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: language === 'fi' ? 'Vie PDF' : 'Export PDF' }).click();
      const pdf = (await (await download).path())!;
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SCREENS_DIR, `${language}-summary-pdf`)]);
    });

    test('store problem', async ({ page, app }) => {
      await app.open();
      await app.restart(async () => writeFileSync(join(app.dataDir, 'vertaistuki.sqlite'), 'not a database'));
      await expect(page.getByRole('alert')).toBeVisible();
      await check(page, `${language}-store-problem`);
    });
  });
}
