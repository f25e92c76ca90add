import type { Locator, Page } from '@playwright/test';
import type { MeetingDetail, Survey } from '@shared/domain';
import { apiCall, expect, seedGroup, test } from './fixtures';
import { seedPlan } from './meeting-seed';

/**
 * Meeting mode with the keyboard alone (issue 11): attendance, a theme, notes, an action with its
 * owner and due date added with Enter, and the feedback round. After every step the focus is on
 * something the facilitator can see is focused, never dropped to the page body.
 */
const LABELS = {
  fi: {
    locale: 'fi-FI',
    meetings: 'Tapaamiset',
    open: 'Avaa tapaaminen 1',
    start: 'Aloita tapaamistila',
    checkin: /Alkukierros/,
    present: 'Paikalla',
    absent: 'Poissa',
    absenceReason: /Poissaolon syy/,
    theme: 'Teema',
    themes: 'Käsitellyt teemat',
    notes: 'Muistiinpanot',
    addAction: 'Lisää toimi',
    what: 'Mitä',
    who: 'Kuka',
    byWhen: 'Mihin mennessä',
    action1: 'Toimi 1',
    mode: 'Miten vastaukset kerätään?',
    named: 'Fasilitaattori kirjaa',
    startRound: 'Aloita',
    record: 'Kirjaa vastaukset: Önni Mäkelä',
    correct: 'Korjaa vastauksia: Önni Mäkelä',
    useful: 'Tapaaminen oli minulle hyödyllinen.',
    saveAnswers: 'Tallenna vastaukset',
    text: {
      reason: 'Koulutuspäivä',
      theme: 'Työhyvinvointi',
      notes: 'Puhuimme palautteen antamisesta.',
      action: 'Kokeillaan kävelypalaveria',
    },
  },
  en: {
    locale: 'en-GB',
    meetings: 'Meetings',
    open: 'Open meeting 1',
    start: 'Start meeting mode',
    checkin: /Check-in/,
    present: 'Present',
    absent: 'Absent',
    absenceReason: /Reason for absence/,
    theme: 'Theme',
    themes: 'Themes discussed',
    notes: 'Notes',
    addAction: 'Add action',
    what: 'What',
    who: 'Who',
    byWhen: 'By when',
    action1: 'Action 1',
    mode: 'How are the answers collected?',
    named: 'The facilitator records',
    startRound: 'Start',
    record: 'Record answers: Önni Mäkelä',
    correct: 'Correct answers: Önni Mäkelä',
    useful: 'The meeting was useful to me.',
    saveAnswers: 'Save the answers',
    text: {
      reason: 'Training day',
      theme: 'Well-being at work',
      notes: 'We talked about giving feedback.',
      action: 'Try a walking meeting',
    },
  },
} as const;

/** Presses Tab until the target has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Focus is on an element of the page (not the body) and drawn: the element, or the part of the
 * widget that shows its focus (a radio's label, a date segment), has an outline, a ring or the
 * focused colour.
 */
async function expectVisibleFocus(page: Page, step: string) {
  const state = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'on the page body';
    const shown = el.closest('[data-focus-visible], [data-focused]') ?? el;
    const style = getComputedStyle(shown);
    const box = shown.getBoundingClientRect();
    const drawn =
      (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
      style.boxShadow !== 'none' ||
      shown.matches('.date-segment[data-focused]');
    if (box.width === 0 || box.height === 0) return `on something not shown: ${el.outerHTML.slice(0, 160)}`;
    return drawn ? 'visible' : `not drawn: ${el.outerHTML.slice(0, 160)}`;
  });
  expect(state, `focus after: ${step}`).toBe('visible');
}

async function meeting(page: Page, id: number): Promise<MeetingDetail> {
  const result = await apiCall(page, 'meetings.get', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MeetingDetail;
}

for (const language of ['fi', 'en'] as const) {
  const L = LABELS[language];
  test.describe(`meeting mode by keyboard (${language})`, () => {
    test.use({ locale: L.locale });

    test('attendance, a theme, notes, an action with owner and due date, the feedback round', async ({ page, app }) => {
      await seedGroup(page, app);
      const [m1] = await seedPlan(page);

      await tabTo(page, page.getByRole('navigation').getByRole('button', { name: L.meetings }));
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('button', { name: L.open }));
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('button', { name: L.start }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('tab', { name: L.checkin, selected: true })).toBeVisible();
      await expectVisibleFocus(page, 'starting meeting mode');

      // Attendance: Önni present; Sari absent with a reason.
      await tabTo(page, page.getByRole('radiogroup', { name: 'Önni Mäkelä' }).getByRole('radio', { name: L.present }));
      await page.keyboard.press('Space');
      await expect(page.getByRole('radiogroup', { name: 'Önni Mäkelä' }).getByRole('radio', { name: L.present })).toBeChecked();
      await expectVisibleFocus(page, 'marking Önni present');
      await tabTo(page, page.getByRole('radiogroup', { name: 'Sari Järvinen' }).getByRole('radio', { name: L.present }));
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radiogroup', { name: 'Sari Järvinen' }).getByRole('radio', { name: L.absent })).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('textbox', { name: L.absenceReason })).toBeFocused();
      await page.keyboard.type(L.text.reason);
      await expectVisibleFocus(page, 'typing the reason for absence');

      // Alt+T: a theme, added with Enter.
      await page.keyboard.press('Alt+KeyT');
      await expect(page.getByLabel(L.theme, { exact: true })).toBeFocused();
      await page.keyboard.type(L.text.theme);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('list', { name: L.themes })).toContainText(L.text.theme);
      await expectVisibleFocus(page, 'adding a theme');

      // Alt+N: notes.
      await page.keyboard.press('Alt+KeyN');
      await expect(page.getByRole('textbox', { name: L.notes })).toBeFocused();
      await page.keyboard.type(L.text.notes);
      await expectVisibleFocus(page, 'typing notes');

      // Alt+A: an action; who from the list, by when typed, and Enter in the date adds it.
      const adder = page.getByRole('form', { name: L.addAction });
      await page.keyboard.press('Alt+KeyA');
      await expect(adder.getByLabel(L.what)).toBeFocused();
      await page.keyboard.type(L.text.action);
      await page.keyboard.press('Tab');
      await expect(adder.getByRole('button', { name: new RegExp(L.who) })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('option', { name: 'Sari Järvinen' })).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('option', { name: 'Sari Järvinen' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(adder.getByRole('button', { name: new RegExp(L.who) })).toBeFocused();
      await expect(adder.getByRole('button', { name: new RegExp(L.who) })).toContainText('Sari Järvinen');
      await expectVisibleFocus(page, 'choosing who');
      await page.keyboard.press('Tab');
      await expect(adder.getByRole('spinbutton').first()).toBeFocused();
      await expect(adder.getByRole('spinbutton').first()).toHaveAccessibleName(new RegExp(L.byWhen));
      await page.keyboard.type('20102026');
      await expectVisibleFocus(page, 'typing the due date');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: L.action1 }).getByLabel(L.what)).toHaveValue(L.text.action);
      await expect(adder.getByLabel(L.what)).toBeFocused();
      await expectVisibleFocus(page, 'adding the action with Enter');

      // Alt+5: the feedback round, recorded by the facilitator.
      await page.keyboard.press('Alt+Digit5');
      await expectVisibleFocus(page, 'going to the feedback step');
      // A radio group is one Tab stop (on the choice made); the arrow keys move the choice.
      await tabTo(page, page.getByRole('radiogroup', { name: L.mode }).getByRole('radio', { checked: true }));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: L.named })).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: L.startRound, exact: true }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: L.record })).toBeVisible();
      await expectVisibleFocus(page, 'starting the round');
      await tabTo(page, page.getByRole('button', { name: L.record }));
      await page.keyboard.press('Enter');
      const useful = page.getByRole('radiogroup', { name: L.useful });
      await expect(useful.getByRole('radio').first()).toBeFocused();
      await expectVisibleFocus(page, 'opening the answer form');
      await page.keyboard.press('ArrowRight');
      await expect(useful.getByRole('radio', { name: '2' })).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: L.saveAnswers }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: L.correct })).toBeFocused();
      await expectVisibleFocus(page, 'saving the answers');

      const held = await meeting(page, m1!);
      expect(held.attendance.map((a) => [a.present, a.absenceReason])).toEqual([
        [true, ''],
        [false, L.text.reason],
      ]);
      expect(held.themes.map((t) => t.name)).toEqual([L.text.theme]);
      await expect.poll(async () => (await meeting(page, m1!)).notes).toBe(L.text.notes);
      expect(held.actions.map((a) => [a.text, a.ownerMemberId, a.dueDate])).toEqual([[L.text.action, 2, '2026-10-20']]);
      const surveys = await apiCall(page, 'feedback.surveys', { instrument: 'round' });
      expect(surveys.ok && (surveys.value as Survey[]).map((s) => s.respondedMemberIds)).toEqual([[1]]);
    });
  });
}
