import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The facilitator's PIN in the end-to-end tests. */
export const PIN = '4821';

const TEXT = {
  fi: {
    dialog: 'Lukitse kiertonäkymä PIN-koodilla',
    pin: 'Fasilitaattorin PIN-koodi',
    repeat: 'Sama PIN-koodi uudelleen',
    lock: 'Lukitse ja anna kone vastaajalle',
    leave: 'Fasilitaattori: poistu PIN-koodilla',
    field: 'PIN-koodi',
    open: 'Avaa',
    paused: 'Kierros on keskeytetty',
  },
  en: {
    dialog: 'Lock the pass-round screen with a PIN',
    pin: "Facilitator's PIN",
    repeat: 'The same PIN again',
    lock: 'Lock and hand over',
    leave: 'Facilitator: leave with the PIN',
    field: 'PIN',
    open: 'Unlock',
    paused: 'The round is paused',
  },
} as const;

/** Answers the PIN dialog that starting (or opening) a pass-the-device round asks first. */
export async function choosePin(page: Page, language: 'fi' | 'en' = 'fi', pin = PIN): Promise<void> {
  const t = TEXT[language];
  const dialog = page.getByRole('dialog', { name: t.dialog });
  await dialog.getByLabel(t.pin).fill(pin);
  await dialog.getByLabel(t.repeat).fill(pin);
  await dialog.getByRole('button', { name: t.lock }).click();
  await expect(dialog).toHaveCount(0);
}

/** The facilitator leaves the respondents' screen with the PIN; the round is then paused. */
export async function unlockDevice(device: Locator, language: 'fi' | 'en' = 'fi', pin = PIN): Promise<void> {
  const t = TEXT[language];
  await device.getByRole('button', { name: t.leave }).click();
  await device.getByLabel(t.field, { exact: true }).fill(pin);
  await device.getByRole('button', { name: t.open, exact: true }).click();
  await expect(device.getByRole('heading', { name: t.paused })).toBeVisible();
}
