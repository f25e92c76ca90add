import type { Locator, Page } from '@playwright/test';
import { addMeetings, ok } from './feedback-seed';
import { apiCall, expect, SEED, seedGroup, test } from './fixtures';
import { choosePin, PIN } from './pin';

/**
 * Pass-the-device is locked with the facilitator's PIN: while the laptop goes round, the
 * respondents' screens are all there is. No button, browser history, reload or shortcut leads
 * anywhere else; the facilitator leaves with the PIN, and wrong PINs meet the wait the store sets.
 * Anonymous answers come back in no order that follows the table.
 */
test.use({ locale: 'fi-FI' });

const USEFUL = 'Tapaaminen oli minulle hyödyllinen.';
const KEEP = 'Yksi asia, joka kannattaa säilyttää';

async function startLockedRound(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Palaute ja arviointi' }).click();
  await page.getByRole('button', { name: 'Aloita kierros – tapaaminen 1' }).click();
  await page.getByRole('button', { name: 'Aloita', exact: true }).click();
  await choosePin(page);
}

async function answer(device: Locator, score: string, keep: string) {
  await device.getByRole('button', { name: 'Aloita vastaaminen' }).click();
  await device.getByRole('radiogroup', { name: USEFUL }).getByText(score, { exact: true }).click();
  if (keep) await device.getByLabel(KEEP).fill(keep);
  await device.getByRole('button', { name: 'Tallenna vastaukseni' }).click();
  await expect(device.getByRole('heading', { name: /^Kiitos!/ })).toBeVisible();
}

async function unlock(page: Page, device: Locator, pin: string) {
  await device.getByRole('button', { name: 'Fasilitaattori: poistu PIN-koodilla' }).click();
  await device.getByLabel('PIN-koodi', { exact: true }).fill(pin);
  await device.getByRole('button', { name: 'Avaa', exact: true }).click();
}

test('a respondent cannot leave pass-the-device without the facilitator; the facilitator can, with the PIN', async ({ page, app }) => {
  test.setTimeout(120_000);
  await seedGroup(page, app);
  await addMeetings(page);
  const nav = page.getByRole('navigation');

  // The PIN is asked twice before anything starts; a short or mistyped one starts nothing.
  await nav.getByRole('button', { name: 'Palaute ja arviointi' }).click();
  await page.getByRole('button', { name: 'Aloita kierros – tapaaminen 1' }).click();
  await page.getByRole('button', { name: 'Aloita', exact: true }).click();
  const lock = page.getByRole('dialog', { name: 'Lukitse kiertonäkymä PIN-koodilla' });
  await lock.getByLabel('Fasilitaattorin PIN-koodi').fill('12');
  await lock.getByRole('button', { name: 'Lukitse ja anna kone vastaajalle' }).click();
  await expect(lock.getByText('PIN-koodissa on oltava 4–8 numeroa.')).toBeVisible();
  await lock.getByLabel('Fasilitaattorin PIN-koodi').fill(PIN);
  await lock.getByLabel('Sama PIN-koodi uudelleen').fill('4812');
  await lock.getByRole('button', { name: 'Lukitse ja anna kone vastaajalle' }).click();
  await expect(lock.getByText('PIN-koodit eivät täsmää. Kirjoita sama koodi kahdesti.')).toBeVisible();
  expect(await ok(page, 'feedback.surveys', { instrument: 'round' })).toEqual([]);
  await lock.getByLabel('Sama PIN-koodi uudelleen').fill(PIN);
  await lock.getByRole('button', { name: 'Lukitse ja anna kone vastaajalle' }).click();

  const device = page.getByRole('dialog', { name: 'Palaute tapaamisesta 1' });
  await expect(device.getByRole('heading', { name: 'Anna tietokone seuraavalle vastaajalle' })).toBeVisible();
  await expect(nav).toHaveCount(0);
  // The only buttons: answering, and the facilitator's way out.
  await expect(page.getByRole('button')).toHaveText(['Aloita vastaaminen', 'Fasilitaattori: poistu PIN-koodilla']);
  await answer(device, '4', 'Rauhallinen tahti');

  // Shortcuts: the app's meeting-mode keys, Escape, the browser's own history keys.
  for (const key of ['Escape', 'Alt+Digit1', 'Alt+Digit5', 'Alt+KeyT', 'Alt+KeyN', 'Alt+KeyA', 'Alt+KeyI', 'Alt+ArrowLeft', 'Alt+ArrowRight']) {
    await page.keyboard.press(key);
    await expect(device, key).toBeVisible();
    await expect(nav, key).toHaveCount(0);
  }

  // Browser back and forward stay here.
  await page.goBack();
  await expect(device).toBeVisible();
  await expect(nav).toHaveCount(0);
  await page.goForward();
  await expect(device).toBeVisible();
  await expect(page.getByText('Rauhallinen tahti')).toHaveCount(0);

  // A reload comes straight back to the locked round (named by its kind, the meeting is not asked
  // for), and the app's navigation is never on the page meanwhile, not even for a moment.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('nav')) (window as unknown as { navSeen: boolean }).navSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  const again = page.getByRole('dialog', { name: 'Palautekierros' });
  await expect(again.getByRole('status')).toHaveText('1 vastaus tallennettu');
  await expect(nav).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { navSeen?: boolean }).navSeen ?? false)).toBe(false);
  // The page itself cannot ask the store for anything else either.
  expect(await apiCall(page, 'members.list')).toMatchObject({ ok: false, error: { code: 'round_locked' } });
  expect(await apiCall(page, 'storage.backups')).toMatchObject({ ok: false, error: { code: 'round_locked' } });

  // Wrong PINs: said so; after the third, the wait the store answers, and Open waits with it.
  await unlock(page, again, '0000');
  await expect(again.getByRole('alert')).toHaveText('PIN-koodi oli väärä.');
  for (const wrong of ['1111', '2222']) {
    const field = again.getByLabel('PIN-koodi', { exact: true });
    await expect(field).toHaveValue(''); // the previous answer has come
    await field.fill(wrong);
    await again.getByRole('button', { name: 'Avaa', exact: true }).click();
  }
  await expect(again.getByRole('alert')).toHaveText(/^PIN-koodi oli väärä\. Voit yrittää uudelleen 1[0-5] sekunnin kuluttua\.$/);
  await expect(again.getByRole('button', { name: 'Avaa', exact: true })).toBeDisabled();
  // Going back and trying at once changes nothing: the store keeps the wait, even for the right PIN.
  await again.getByRole('button', { name: 'Takaisin vastaamiseen' }).click();
  await unlock(page, again, PIN);
  await expect(again.getByRole('alert')).toHaveText(/Voit yrittää uudelleen \d+ sekunnin kuluttua\./);
  await expect(nav).toHaveCount(0);

  // Once the wait is over, the facilitator's PIN opens it.
  await expect(again.getByRole('button', { name: 'Avaa', exact: true })).toBeEnabled({ timeout: 20_000 });
  await again.getByLabel('PIN-koodi', { exact: true }).fill(PIN);
  await again.getByRole('button', { name: 'Avaa', exact: true }).click();
  await expect(again.getByRole('heading', { name: 'Kierros on keskeytetty' })).toBeVisible();
  await again.getByRole('button', { name: 'Palaa sovellukseen (kierros jää auki)' }).click();
  await expect(nav).toBeVisible();

  // Back in the app (it starts anew after the reload): the round is still collecting, and no partial result is shown.
  await nav.getByRole('button', { name: 'Palaute ja arviointi' }).click();
  await page.getByRole('button', { name: 'Avaa kierros – tapaaminen 1' }).click();
  const panel = page.getByRole('region', { name: 'Palaute tapaamisesta 1' });
  await expect(panel.getByRole('status')).toHaveText('Vastauksia kerätään. Tulokset näytetään vasta, kun kierros on päättynyt.');
  await expect(panel.getByRole('region', { name: 'Tulokset' })).toHaveCount(0);
  await expect(page.getByText('Rauhallinen tahti')).toHaveCount(0);
});

test('after an anonymous round nothing on screen tells who answered what, or in which order', async ({ page, app }) => {
  test.setTimeout(90_000);
  await seedGroup(page, app);
  await addMeetings(page);
  await startLockedRound(page);
  const device = page.getByRole('dialog', { name: 'Palaute tapaamisesta 1' });
  // The order the laptop went round the table, and what each person wrote.
  const order = ['Vuoropuhelu toimi', 'Aloitetaan ajallaan', 'Konkreettiset esimerkit', 'Enemmän aikaa omille tapauksille'];
  for (const [index, keep] of order.entries()) await answer(device, String(2 + index), keep);

  // The facilitator's screens in between show a count, nothing more.
  await unlock(page, device, PIN);
  await expect(device.getByText('4 vastausta tallennettu.', { exact: false })).toBeVisible();
  for (const keep of order) await expect(page.getByText(keep)).toHaveCount(0);
  await device.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();
  await expect(device).toHaveCount(0);

  const panel = page.getByRole('region', { name: 'Palaute tapaamisesta 1' });
  const comments = panel.getByRole('listitem').filter({ hasText: KEEP }).locator('.fb-comment-text');
  // Alphabetical, not the order of the table; and no name anywhere near an answer.
  await expect(comments).toHaveText([...order].sort((a, b) => a.localeCompare(b, 'fi')));
  expect([...order].sort((a, b) => a.localeCompare(b, 'fi'))).not.toEqual(order);
  for (const member of SEED.members) await expect(panel.getByText(member.name)).toHaveCount(0);
  // The scores are a distribution (one each of 2, 3, 4, 5), never a list per person.
  await expect(panel.getByRole('listitem').filter({ hasText: USEFUL }).getByRole('img', { name: /1: 0, 2: 1, 3: 1, 4: 1, 5: 1/ })).toBeVisible();
  const survey = await ok<{ respondedMemberIds: number[] }[]>(page, 'feedback.surveys', { instrument: 'round' });
  expect(survey[0]!.respondedMemberIds).toEqual([]);
});
