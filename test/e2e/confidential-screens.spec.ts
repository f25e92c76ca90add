import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { buildLeakFixture, type Caller } from '../services/summary-fixture';
import { addMeetings } from './feedback-seed';
import { apiCall, expect, openStore, seedGroup, test } from './fixtures';
import { choosePin, PIN } from './pin';

/**
 * The screens of closing the programme, the closed programme and the locked pass-the-device round,
 * in both languages: axe finds no WCAG 2 A/AA violation, and a screenshot of each goes to
 * test-results/screens/ for a person to look at.
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  // Under a dialog the viewport is what the user sees; a full page would stretch the fixed overlay.
  const dialogOpen = (await page.locator('.modal-overlay').count()) > 0;
  // From the top, so that the sticky sidebar is drawn where it stands.
  if (!dialogOpen) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: !dialogOpen });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

/** Ticks a box by keyboard, as the closing dialog's own focus leads there (its input is visually hidden). */
async function tick(page: Page, box: Locator) {
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

const caller =
  (page: Page): Caller =>
  async <T,>(name: string, input?: unknown) => {
    const result = await apiCall(page, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

const TEXT = {
  fi: {
    feedback: 'Palaute ja arviointi',
    summary: 'Yhteenveto johdolle',
    group: 'Ryhmä ja jäsenet',
    agreement: 'Sopimus',
    meetings: 'Tapaamiset',
    openMeeting: 'Avaa tapaaminen 1',
    meetingHeading: 'Tapaaminen 1',
    closeButton: 'Päätä ohjelma ja poista luottamukselliset tiedot',
    confirm: 'Poista lopullisesti',
    understand: /Ymmärrän/,
    archive: /^Päätetty ja arkistoitu/,
    planDetails: 'Mitä poistettiin ja mitä säilyi',
    deleteBackups: 'Poista ennen päättämistä tehdyt varmuuskopiot',
    finish: 'Vie tiedoston siivous loppuun',
    wiped: /tiedosto siivottu/,
    startRound: 'Aloita kierros – tapaaminen 1',
    openRound: 'Avaa kierros – tapaaminen 1',
    start: 'Aloita',
    pinDialog: 'Lukitse kiertonäkymä PIN-koodilla',
    pin: 'Fasilitaattorin PIN-koodi',
    repeat: 'Sama PIN-koodi uudelleen',
    lock: 'Lukitse ja anna kone vastaajalle',
    device: 'Palaute tapaamisesta 1',
    leave: 'Fasilitaattori: poistu PIN-koodilla',
    pinField: 'PIN-koodi',
    paused: 'Kierros on keskeytetty',
    wait: /Voit yrittää uudelleen \d+ sekunnin kuluttua/,
    open: 'Avaa',
    returnToApp: 'Palaa sovellukseen (kierros jää auki)',
    openDevice: 'Avaa kiertonäkymä',
  },
  en: {
    feedback: 'Feedback and evaluation',
    summary: 'Management summary',
    group: 'Group and members',
    agreement: 'Agreement',
    meetings: 'Meetings',
    openMeeting: 'Open meeting 1',
    meetingHeading: 'Meeting 1',
    closeButton: 'Close the programme and delete confidential data',
    confirm: 'Delete for good',
    understand: /I understand/,
    archive: /^Closed and archived on/,
    planDetails: 'What was deleted and what remains',
    deleteBackups: 'Delete the backups made before closing',
    finish: 'Finish wiping the data file',
    wiped: /data file wiped clean/,
    startRound: 'Start a round – meeting 1',
    openRound: 'Open the round – meeting 1',
    start: 'Start',
    pinDialog: 'Lock the pass-round screen with a PIN',
    pin: "Facilitator's PIN",
    repeat: 'The same PIN again',
    lock: 'Lock and hand over',
    device: 'Feedback on meeting 1',
    leave: 'Facilitator: leave with the PIN',
    pinField: 'PIN',
    paused: 'The round is paused',
    wait: /You can try again in \d+ seconds?/,
    open: 'Unlock',
    returnToApp: 'Return to the app (the round stays open)',
    openDevice: 'Open the pass-round screen',
  },
} as const;

/** A programme with confidential material in three meetings, its summary exported, in the language. */
async function closable(page: Page, app: { open: () => Promise<void> }, language: 'fi' | 'en') {
  await app.open();
  const call = caller(page);
  await buildLeakFixture(call, 3);
  await call('settings.update', { language });
  await call('summary.export', { format: 'pdf' });
  await page.reload();
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`confidentiality screens (${language})`, () => {
    test.use({ locale });
    const t = TEXT[language];
    /** Opens a section and waits for its heading (sections load lazily). */
    const go = async (page: Page, name: string) => {
      await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    };

    test('closing the programme, and the closed programme', async ({ page, app }) => {
      test.setTimeout(180_000);
      await closable(page, app, language);
      await go(page, t.summary);
      await page.getByRole('button', { name: t.closeButton }).click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog.getByRole('listitem').first()).toBeVisible();
      await check(page, `${language}-closing-dialog`);
      await dialog.getByRole('button', { name: t.confirm }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await check(page, `${language}-closing-unticked`);

      await tick(page, dialog.getByRole('checkbox', { name: t.understand }));
      let release: () => void = () => undefined;
      const held = new Promise<void>((done) => (release = done));
      await page.route('**/summary.archive', async (route) => {
        await held;
        await route.continue();
      });
      await dialog.getByRole('button', { name: t.confirm }).click();
      await expect(dialog.getByRole('status')).toBeVisible();
      await check(page, `${language}-closing-progress`);
      release();
      const archive = page.getByRole('region', { name: t.archive });
      await expect(archive.getByText(t.wiped)).toBeVisible();
      await page.unroute('**/summary.archive');
      await archive.getByText(t.planDetails).click();
      await check(page, `${language}-closed-summary`);

      await archive.getByRole('button', { name: t.deleteBackups }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await check(page, `${language}-closed-backups-confirm`);
      await page.getByRole('alertdialog').getByRole('button', { name: t.confirm }).click();
      await expect(archive.getByRole('status').last()).toBeVisible();
      await check(page, `${language}-closed-backups-deleted`);

      await go(page, t.group);
      await check(page, `${language}-closed-group`);
      await go(page, t.agreement);
      await check(page, `${language}-closed-agreement`);
      await go(page, t.meetings);
      await page.getByRole('button', { name: t.openMeeting }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(t.meetingHeading);
      await check(page, `${language}-closed-meeting`);
      await go(page, t.feedback);
      await check(page, `${language}-closed-feedback`);
      await page.getByRole('button', { name: t.openRound }).click();
      await expect(page.getByRole('region', { name: t.device })).toBeVisible();
      await check(page, `${language}-closed-round`);
    });

    test('a wipe another application kept from finishing', async ({ page, app }) => {
      test.setTimeout(120_000);
      await closable(page, app, language);
      await go(page, t.summary);
      await page.getByRole('button', { name: t.closeButton }).click();
      const dialog = page.getByRole('alertdialog');
      await tick(page, dialog.getByRole('checkbox', { name: t.understand }));
      // Another program reading the data file keeps the write-ahead log from being emptied.
      const reader = openStore(app.dataDir);
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM meeting').get();
      const archive = page.getByRole('region', { name: t.archive });
      try {
        await dialog.getByRole('button', { name: t.confirm }).click();
        await expect(archive.getByRole('button', { name: t.finish })).toBeVisible({ timeout: 30_000 });
        await check(page, `${language}-closed-wipe-pending`);
      } finally {
        reader.exec('COMMIT');
        reader.close();
      }
      await archive.getByRole('button', { name: t.finish }).click();
      await expect(archive.getByText(t.wiped)).toBeVisible();
    });

    test('the pass-the-device round locked with a PIN', async ({ page, app }) => {
      test.setTimeout(120_000);
      await seedGroup(page, app);
      await caller(page)('settings.update', { language });
      await addMeetings(page);
      await page.reload();
      await go(page, t.feedback);
      await page.getByRole('button', { name: t.startRound }).click();
      await page.getByRole('button', { name: t.start, exact: true }).click();
      const pinDialog = page.getByRole('dialog', { name: t.pinDialog });
      await expect(pinDialog.getByLabel(t.pin)).toBeFocused();
      await check(page, `${language}-device-pin-set`);
      await pinDialog.getByLabel(t.pin).fill(PIN);
      await pinDialog.getByLabel(t.repeat).fill('1234');
      await pinDialog.getByRole('button', { name: t.lock }).click();
      await expect(pinDialog.getByLabel(t.repeat)).toHaveAttribute('aria-invalid', 'true');
      await check(page, `${language}-device-pin-mismatch`);
      await pinDialog.getByLabel(t.repeat).fill(PIN);
      await pinDialog.getByRole('button', { name: t.lock }).click();

      const device = page.getByRole('dialog', { name: t.device });
      await expect(device.getByRole('button', { name: t.leave })).toBeVisible();
      await check(page, `${language}-device-locked`);
      await device.getByRole('button', { name: t.leave }).click();
      await device.getByLabel(t.pinField, { exact: true }).fill('0000');
      await device.getByRole('button', { name: t.open, exact: true }).click();
      await expect(device.getByRole('alert')).toBeVisible();
      await check(page, `${language}-device-pin-wrong`);
      await device.getByLabel(t.pinField, { exact: true }).fill(PIN);
      await device.getByRole('button', { name: t.open, exact: true }).click();
      await expect(device.getByRole('heading', { name: t.paused })).toBeVisible();
      await check(page, `${language}-device-paused`);
      await device.getByRole('button', { name: t.returnToApp }).click();
      await expect(page.getByRole('navigation')).toBeVisible();
      await check(page, `${language}-round-collecting`);

      // Locked again; three wrong PINs: the wait the store sets.
      await page.getByRole('button', { name: t.openDevice }).click();
      await choosePin(page, language);
      await device.getByRole('button', { name: t.leave }).click();
      for (const wrong of ['0000', '1111', '2222']) {
        const field = device.getByLabel(t.pinField, { exact: true });
        await expect(field).toHaveValue('');
        await field.fill(wrong);
        await device.getByRole('button', { name: t.open, exact: true }).click();
      }
      await expect(device.getByRole('alert')).toContainText(t.wait);
      await expect(device.getByRole('button', { name: t.open, exact: true })).toBeDisabled();
      await check(page, `${language}-device-pin-wait`);
    });
  });
}
