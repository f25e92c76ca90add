import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addMeetings, anonymousSession } from './feedback-seed';
import { expect, seedGroup, test } from './fixtures';
import { choosePin, unlockDevice } from './pin';

/**
 * The feedback screens in both languages, with data in them: axe finds no WCAG 2 A/AA violations,
 * and a screenshot of each goes to test-results/screens/ for a person to look at.
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

async function seedFeedback(page: Page) {
  const [m1, m2, m3] = await addMeetings(page);
  await anonymousSession(page, { instrument: 'round', meetingId: m1 }, [
    { usefulness: 3, dialogue: 4, keep: 'Rauhallinen tahti', change: 'Enemmän aikaa omille tapauksille' },
    { usefulness: 4, dialogue: 4, keep: 'Kaikki pääsivät ääneen' },
    { usefulness: 4, dialogue: 3, change: 'Aloitetaan ajallaan' },
    { usefulness: 3, dialogue: 5 },
  ]);
  await anonymousSession(page, { instrument: 'round', meetingId: m2 }, [
    { usefulness: 5, dialogue: 5, keep: 'Konkreettiset esimerkit arjesta' },
    { usefulness: 4, dialogue: 5 },
  ]);
  await anonymousSession(page, { instrument: 'round', meetingId: m3 }, [
    { usefulness: 5, dialogue: 4 },
    { usefulness: 4, dialogue: 5 },
    { usefulness: 5, dialogue: 5, keep: 'Kävelypalaveri toimi hyvin' },
    { usefulness: 4, dialogue: 4 },
  ]);
  await anonymousSession(page, { instrument: 'selfcheck', phase: 'start' }, [
    { know: 5, can: 6, able: 4, want: 7 },
    { know: 6, can: 7, able: 5, want: 7 },
    { know: 4, can: 6, able: 3, want: 8 },
    { know: 5, can: 7, able: 4, want: 6 },
  ]);
  await anonymousSession(page, { instrument: 'selfcheck', phase: 'end' }, [
    { know: 7, can: 7, able: 6, want: 8 },
    { know: 8, can: 7, able: 5, want: 8 },
    { know: 7, can: 8, able: 5, want: 9 },
  ]);
  await anonymousSession(page, { instrument: 'evaluation' }, [
    { wellbeing: 4, peerLearning: 5, atmosphere: 5, again: 'yes', continuation: 'regular', learned: 'Muillakin on samoja haasteita.' },
    { wellbeing: 4, peerLearning: 4, atmosphere: 5, again: 'yes', continuation: 'informal', mostValuable: 'Luottamus ryhmässä.' },
    { wellbeing: 3, peerLearning: 4, atmosphere: 4, again: 'maybe', continuation: 'regular' },
    { wellbeing: 5, peerLearning: 5, atmosphere: 5, again: 'yes', continuation: 'regular', changedWork: 'Kysyn enemmän ja neuvon vähemmän.' },
  ]);
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`feedback screens (${language})`, () => {
    test.use({ locale });
    const t = {
      nav: language === 'fi' ? 'Palaute ja arviointi' : 'Feedback and evaluation',
      selfcheck: language === 'fi' ? 'Hyvinvoinnin itsearviointi' : 'Well-being self-check',
      evaluation: language === 'fi' ? 'Loppuarviointi' : 'Final evaluation',
      open1: language === 'fi' ? 'Avaa kierros – tapaaminen 1' : 'Open the round – meeting 1',
      start4: language === 'fi' ? 'Aloita kierros – tapaaminen 4' : 'Start a round – meeting 4',
      startButton: language === 'fi' ? 'Aloita' : 'Start',
      startAnswering: language === 'fi' ? 'Aloita vastaaminen' : 'Start answering',
      back: language === 'fi' ? 'Takaisin tapaamisiin' : 'Back to meetings',
    };

    test('rounds, results, self-check change, evaluation, pass-the-device', async ({ page, app }) => {
      await seedGroup(page, app);
      await seedFeedback(page);
      await page.getByRole('navigation').getByRole('button', { name: t.nav }).click();
      await expect(page.locator('.fb-chart')).toBeVisible();
      await check(page, `${language}-feedback-rounds`);

      await page.getByRole('button', { name: t.open1 }).click();
      await expect(page.locator('.fb-result').first()).toBeVisible();
      await check(page, `${language}-feedback-round-results`);
      await page.getByRole('button', { name: t.back }).click();

      await page.getByRole('button', { name: t.start4 }).click();
      await page.getByRole('button', { name: t.startButton, exact: true }).click();
      await choosePin(page, language);
      await expect(page.getByRole('button', { name: t.startAnswering })).toBeVisible();
      await check(page, `${language}-feedback-device-handover`);
      await page.getByRole('button', { name: t.startAnswering }).click();
      await check(page, `${language}-feedback-device-form`);
      await page.keyboard.press('Escape'); // does not close the pass-round screen
      await expect(page.locator('.fb-device-answer')).toBeVisible();
      await page.getByRole('button', { name: language === 'fi' ? 'Peruuta' : 'Cancel' }).click();
      await unlockDevice(page.getByRole('dialog'), language);
      await page.getByRole('button', { name: language === 'fi' ? 'Palaa sovellukseen (kierros jää auki)' : 'Return to the app (the round stays open)' }).click();

      await page.getByRole('tab', { name: t.selfcheck }).click();
      await expect(page.locator('.fb-change-table')).toBeVisible();
      await check(page, `${language}-feedback-selfcheck`);

      await page.getByRole('tab', { name: t.evaluation }).click();
      await expect(page.locator('.fb-result').first()).toBeVisible();
      await check(page, `${language}-feedback-evaluation`);
    });
  });
}
