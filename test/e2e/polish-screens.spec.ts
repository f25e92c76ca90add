import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { apiCall, expect, fillDate, test } from './fixtures';
import { buildLeakFixture, type Caller } from '../services/summary-fixture';

/**
 * Rough edges of issue 11's screens, each measured, and a screenshot of each in both languages in
 * test-results/screens/ for a person to look at: the export log fits its card, the evaluation's
 * bar labels stay in their card, the group page opens at the top after set-up, and a selected
 * radio button is a round dot.
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');
const shot = async (page: Page, name: string) => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
};

const T = {
  fi: { feedback: 'Palaute ja arviointi', evaluation: 'Loppuarviointi', summary: 'Yhteenveto johdolle', pdf: 'Vie PDF', next: 'Seuraava', create: 'Perusta ryhmä', members: 'Jäsenet' },
  en: { feedback: 'Feedback and evaluation', evaluation: 'Final evaluation', summary: 'Management summary', pdf: 'Export PDF', next: 'Next', create: 'Create the group', members: 'Members' },
} as const;

const SETUP = {
  fi: { name: 'Ohjelman nimi', organisation: 'Organisaatio', facilitator: 'Fasilitaattori', start: 'Alkaa', end: 'Päättyy', member: 'Nimi', add: 'Lisää jäsen' },
  en: { name: 'Programme name', organisation: 'Organisation', facilitator: 'Facilitator', start: 'Starts', end: 'Ends', member: 'Name', add: 'Add member' },
} as const;

/** How far every scrolled box of the page is scrolled down (none should be). */
const scrolled = (page: Page) =>
  page.evaluate(() =>
    [document.scrollingElement!, ...document.querySelectorAll('*')].filter((el) => el.scrollTop > 0).map((el) => `${el.tagName}.${el.className}: ${el.scrollTop}`),
  );

async function seed(page: Page, language: 'fi' | 'en') {
  const call: Caller = async <T,>(name: string, input?: unknown) => {
    const result = await apiCall(page, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  await buildLeakFixture(call, 3);
  const settings = await call<Record<string, unknown>>('summary.settings');
  await call('summary.saveSettings', { ...settings, language });
  await page.reload();
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`polished screens (${language})`, () => {
    test.use({ locale });
    const t = T[language];

    test('the group page opens at the top after set-up', async ({ page, app }) => {
      const s = SETUP[language];
      await page.setViewportSize({ width: 1280, height: 600 });
      await app.open();
      await page.getByLabel(s.name).fill('Esihenkilöiden vertaismentorointi');
      await page.getByLabel(s.organisation).fill('Itä-Suomen virasto');
      await page.getByLabel(s.facilitator).fill('Päivi Äijälä');
      await fillDate(page, s.start, '2026-09-01');
      await fillDate(page, s.end, '2027-02-28');
      await page.getByRole('button', { name: t.next }).click();
      // Enough members that the set-up page scrolls down to its last button.
      for (const name of ['Önni Mäkelä', 'Sari Järvinen', 'Jukka Kärkkäinen', 'Liisa Öhman', 'Aino Väänänen', 'Matti Ylä-Anttila', 'Eeva Åkerlund', 'Kalle Östman', 'Tiina Hyvärinen', 'Pekka Mäenpää', 'Ritva Kääriäinen', 'Ville Nykänen']) {
        await page.getByLabel(s.member, { exact: true }).fill(name);
        await page.getByRole('button', { name: s.add }).click();
      }
      await page.getByRole('button', { name: t.create }).click();
      await expect(page.getByRole('heading', { level: 2, name: t.members })).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENS_DIR, `${language}-polish-group-after-setup.png`) });
      expect(await scrolled(page)).toEqual([]);
      // Nor does a section open where the last one was scrolled to.
      await page.mouse.wheel(0, 500);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      const nav = page.getByRole('navigation').getByRole('button');
      await nav.nth(1).click();
      await expect(page.locator('main h1')).toBeVisible();
      await nav.nth(0).click();
      await expect(page.getByRole('heading', { level: 2, name: t.members })).toBeVisible();
      await page.waitForTimeout(300);
      expect(await scrolled(page)).toEqual([]);
    });

    test('the evaluation: bar labels stay in their card, the chosen decision is a round dot', async ({ page, app }) => {
      await app.open();
      await seed(page, language);
      await page.getByRole('navigation').getByRole('button', { name: t.feedback, exact: true }).click();
      await page.getByRole('tab', { name: t.evaluation }).click();
      const labels = page.locator('.fb-bars-label');
      await expect(labels.first()).toBeVisible();
      await shot(page, `${language}-polish-evaluation`);
      const choiceCard = page.locator('.fb-result', { has: labels.filter({ hasText: /\p{L}{4,} \p{L}{4,}/u }) }).first();
      await choiceCard.screenshot({ path: join(SCREENS_DIR, `${language}-polish-evaluation-choice.png`) });
      await page.locator('.radio[data-selected]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENS_DIR, `${language}-polish-radio.png`) });
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.fb-bars-label')].flatMap((label) => {
          const card = label.closest('.fb-result')!.getBoundingClientRect();
          const box = label.getBoundingClientRect();
          return box.left < card.left || box.right > card.right ? [`${label.textContent}: ${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(card.left)}–${Math.round(card.right)}`] : [];
        }),
      );
      expect(outside).toEqual([]);
      // The circle of each radio button: its outer size (borders included) and its ring.
      const circles = await page.evaluate(() =>
        [...document.querySelectorAll('.fb-decision .radio')].map((radio) => {
          const style = getComputedStyle(radio, '::before');
          const px = (v: string) => Number.parseFloat(v);
          const border = style.boxSizing === 'border-box' ? 0 : px(style.borderTopWidth) * 2;
          return { selected: radio.hasAttribute('data-selected'), width: px(style.width) + border, height: px(style.height) + border, ring: px(style.borderTopWidth) };
        }),
      );
      const selected = circles.find((c) => c.selected)!;
      const other = circles.find((c) => !c.selected)!;
      expect(selected.width).toBe(selected.height); // round, not an oval
      expect(selected.width).toBe(other.width); // the same size as the others: a dot appears, the circle does not swell
      expect(selected.ring).toBeLessThanOrEqual(3); // a thin ring around a dot, not a thick band
    });

    test('the export log shows all its columns', async ({ page, app }) => {
      await app.open();
      await seed(page, language);
      await page.getByRole('navigation').getByRole('button', { name: t.summary, exact: true }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: t.pdf }).click();
      await download;
      const wrap = page.locator('.summary-log-wrap');
      await expect(wrap.locator('tbody tr').first()).toBeVisible();
      await wrap.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENS_DIR, `${language}-polish-export-log.png`) });
      const fit = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    });
  });
}
