import type { Page } from '@playwright/test';
import { apiCall, expect, test } from './fixtures';
import { buildLeakFixture, type Caller } from '../services/summary-fixture';

/**
 * No screen shows a date or a month the way the database keeps it ("2026-09-15", "2026-05"):
 * a programme with dated and month-only meetings, actions with due dates, agreement versions,
 * feedback rounds and an export, walked section by section and tab by tab, in both languages.
 */
const RAW = /\b\d{4}-\d{2}(-\d{2})?\b/g;
/** File names are shown as they are on disk (the export log), where a sortable date belongs. */
const FILE_NAME = /\S+\.(pdf|docx|ics|json|csv|sqlite|zip)\b/gi;

/** The main area's text once it has stopped changing (the data arrives after the page is drawn). */
async function settledText(page: Page): Promise<string> {
  let before = '';
  let now = await page.locator('main').innerText();
  for (let i = 0; i < 20 && now !== before; i++) {
    await page.waitForTimeout(250);
    before = now;
    now = await page.locator('main').innerText();
  }
  return now;
}

async function expectNoRawDates(page: Page, where: string) {
  const main = page.locator('main');
  await expect(main).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const text = (await settledText(page)).replace(FILE_NAME, '‹file›');
  const found = [...text.matchAll(RAW)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' '));
  expect(found, `raw ISO dates on ${where}`).toEqual([]);
}

const walked: string[] = [];

/** Every tab of the section's tab lists, one after the other. */
async function walkTabs(page: Page, where: string) {
  const tabs = page.locator('main').getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    walked.push(where);
    const name = (await tabs.nth(i).innerText()).trim();
    await tabs.nth(i).click();
    await expectNoRawDates(page, `${where} › ${name}`);
  }
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`no raw dates on screen (${language})`, () => {
    test.use({ locale });

    test('every section and tab', async ({ page, app }) => {
      test.setTimeout(180_000);
      await app.open();
      const call: Caller = async <T,>(name: string, input?: unknown) => {
        const result = await apiCall(page, name, input);
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        return result.value as T;
      };
      const { meetingIds } = await buildLeakFixture(call, 4);
      await call('plan.add', { plannedDate: null, plannedMonth: '2026-05', plannedTheme: 'Kuukausi ilman päivää', place: '', format: null });
      const members = await call<{ id: number }[]>('members.list');
      await call('actions.add', { meetingId: meetingIds[0], text: 'Toimi, jolla on määräpäivä', ownerMemberId: members[0]!.id, dueDate: '2026-05-20' });
      await call('agreement.saveVersion', { agreedOn: '2025-09-10', note: '' });
      await call('agreement.addRule', { text: 'Aloitamme ajallaan.' }).catch(() => undefined);
      await call('agreement.saveVersion', { agreedOn: '2025-10-08', note: '' });
      const settings = await call<Record<string, unknown>>('summary.settings');
      await call('summary.saveSettings', { ...settings, language });
      await page.reload();

      const nav = page.getByRole('navigation').getByRole('button');
      await expect(nav.first()).toBeVisible();
      const sections = await nav.count();
      for (let i = 0; i < sections; i++) {
        const name = (await nav.nth(i).innerText()).trim();
        await nav.nth(i).click();
        await expect(page.locator('main h1')).toBeVisible();
        await expectNoRawDates(page, name);
        await walkTabs(page, name);
      }

      // The summary's export log, once there is an export in it.
      await nav.filter({ hasText: language === 'fi' ? 'Yhteenveto johdolle' : 'Management summary' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: language === 'fi' ? 'Vie PDF' : 'Export PDF' }).click();
      await download;
      await expectNoRawDates(page, 'summary after an export');

      // A meeting, and meeting mode step by step.
      await nav.filter({ hasText: language === 'fi' ? 'Tapaamiset' : 'Meetings' }).click();
      await page.getByRole('button', { name: language === 'fi' ? 'Avaa tapaaminen 1' : 'Open meeting 1' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoRawDates(page, 'meeting 1');
      await page.getByRole('button', { name: language === 'fi' ? 'Aloita tapaamistila' : 'Start meeting mode' }).click();
      await expect(page.getByRole('timer').first()).toBeVisible();
      await walkTabs(page, 'meeting mode');
      // The walk really went through the app: all sections, and the tabs of the agreement,
      // feedback and meeting mode.
      expect(sections).toBeGreaterThanOrEqual(7);
      expect(new Set(walked).size).toBeGreaterThanOrEqual(3);
    });
  });
}
