import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { MeetingDetail } from '@shared/domain';
import { apiCall, expect, seedGroup, test } from './fixtures';
import { seedPlan } from './meeting-seed';

/**
 * The screens issue 15 changed, in both languages, with axe: editable agreed actions, the notice
 * that offers Undo after a removal, refusals marked at the field, the app's own e-mail message,
 * and an agreed version that cannot be saved twice. Screenshots go to test-results/screens/.
 */
const T = {
  fi: {
    meetings: 'Tapaamiset',
    open: 'Avaa tapaaminen 1',
    action: 'Toimi 1',
    remove: 'Poista toimi: Kokeillaan kävelypalaveria',
    notices: 'Ilmoitukset',
    undo: 'Kumoa',
    removed: /Toimi poistettiin/,
    details: 'Perustiedot',
    minutes: /^Kesto \(min\)/,
    minutesMessage: 'Anna kesto minuutteina (15–600).',
    newMember: 'Uusi jäsen',
    name: /^Nimi/,
    email: /^Sähköposti/,
    addMember: 'Lisää jäsen',
    emailMessage: 'Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.',
    agreement: 'Sopimus',
    versions: 'Versiot ja hyväksyntä',
    saveVersion: 'Tallenna sovittuna versiona',
    same: /Luonnos on sama kuin versio 1/,
  },
  en: {
    meetings: 'Meetings',
    open: 'Open meeting 1',
    action: 'Action 1',
    remove: 'Remove action: Kokeillaan kävelypalaveria',
    notices: 'Notices',
    undo: 'Undo',
    removed: /Action removed/,
    details: 'Details',
    minutes: /^Length \(min\)/,
    minutesMessage: 'Enter the length in minutes (15–600).',
    newMember: 'New member',
    name: /^Name/,
    email: /^E-mail/,
    addMember: 'Add member',
    emailMessage: 'Check the e-mail address, for example name@example.com.',
    agreement: 'Agreement',
    versions: 'Versions and acceptance',
    saveVersion: 'Save as agreed version',
    same: /The draft is the same as version 1/,
  },
} as const;

const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

async function meeting(page: Page, id: number): Promise<MeetingDetail> {
  const result = await apiCall(page, 'meetings.get', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MeetingDetail;
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  const t = T[language];
  test.describe(`data screens (${language})`, () => {
    test.use({ locale });

    test('editable actions; removing one with a key press offers Undo, which restores it exactly', async ({ page, app }) => {
      await seedGroup(page, app);
      const [m1, m2] = await seedPlan(page);
      await apiCall(page, 'actions.add', { meetingId: m1, text: 'Kokeillaan kävelypalaveria', ownerMemberId: 2, dueDate: '2026-10-01' });
      await apiCall(page, 'actions.add', { meetingId: m1, text: 'Luetaan artikkeli palautteesta', ownerMemberId: null, dueDate: null });
      await apiCall(page, 'actions.setStatus', { id: 1, status: 'done', reviewedInId: m2 });
      const before = (await meeting(page, m1!)).actions;
      await page.getByRole('navigation').getByRole('button', { name: t.meetings, exact: true }).click();
      await page.getByRole('button', { name: t.open }).click();
      await expect(page.getByRole('region', { name: t.action })).toBeVisible();
      await page.getByRole('region', { name: t.action }).scrollIntoViewIfNeeded();
      await check(page, `${language}-meeting-editable-actions`);

      await page.getByRole('button', { name: t.remove }).focus();
      await page.keyboard.press('Enter');
      const notice = page.getByRole('region', { name: t.notices });
      await expect(notice.getByRole('status')).toHaveText(t.removed);
      await expect(notice.getByRole('button', { name: t.undo })).toBeFocused(); // the keyboard is not lost
      expect((await meeting(page, m1!)).actions).toHaveLength(1);
      await check(page, `${language}-undo-notice`);

      await page.keyboard.press('Enter');
      await expect(notice.getByRole('status')).toHaveCount(0);
      await expect.poll(async () => (await meeting(page, m1!)).actions).toEqual(before);
    });

    test('a refused save marks its field; an e-mail address gets the app’s own message', async ({ page, app }) => {
      await seedGroup(page, app);
      await seedPlan(page);
      await page.getByRole('navigation').getByRole('button', { name: t.meetings, exact: true }).click();
      await page.getByRole('button', { name: t.open }).click();
      const details = page.getByRole('region', { name: t.details });
      await details.getByRole('textbox', { name: t.minutes }).fill('700');
      await details.getByRole('textbox', { name: t.minutes }).press('Tab');
      await expect(details.getByText(t.minutesMessage)).toBeVisible();
      await expect(details.getByRole('textbox', { name: t.minutes })).toHaveAttribute('aria-invalid', 'true');
      await check(page, `${language}-field-refused`);

      await page.getByRole('navigation').getByRole('button').first().click();
      const add = page.getByRole('form', { name: t.newMember });
      await add.getByRole('textbox', { name: t.name }).fill('Eero Ek');
      await add.getByRole('textbox', { name: t.email }).fill('eero(at)example');
      await add.getByRole('textbox', { name: t.email }).press('Enter');
      await expect(add.getByText(t.emailMessage)).toBeVisible();
      expect(await add.getByRole('textbox', { name: t.email }).evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('');
      await check(page, `${language}-email-message`);
    });

    test('an agreed version identical to the latest cannot be saved, and the screen says why', async ({ page, app }) => {
      await seedGroup(page, app);
      await apiCall(page, 'agreement.start', { template: language });
      await apiCall(page, 'agreement.saveVersion', { agreedOn: '2026-09-08', note: '' });
      await page.getByRole('navigation').getByRole('button', { name: t.agreement, exact: true }).click();
      await page.getByRole('tab', { name: t.versions }).click();
      const save = page.getByRole('button', { name: t.saveVersion });
      await expect(save).toBeDisabled();
      await expect(page.getByRole('note')).toHaveText(t.same);
      await check(page, `${language}-version-unchanged`);
    });
  });
}
