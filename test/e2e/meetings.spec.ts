import type { Locator, Page } from '@playwright/test';
import type { MeetingDetail } from '@shared/domain';
import { apiCall, expect, openStore, seedGroup, stopServer, test } from './fixtures';
import { seedPlan } from './meeting-seed';

test.use({ locale: 'fi-FI' });

/** Presses Tab until the target has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function meeting(page: Page, id: number): Promise<MeetingDetail> {
  const result = await apiCall(page, 'meetings.get', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MeetingDetail;
}

async function openMeeting(page: Page, number: number) {
  await page.getByRole('navigation').getByRole('button', { name: 'Tapaamiset' }).click();
  await page.getByRole('button', { name: `Avaa tapaaminen ${number}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Tapaaminen ${number}`) })).toBeVisible();
}

test('meeting 1 is held in meeting mode with the keyboard alone', async ({ page, app }) => {
  await seedGroup(page, app);
  const [m1] = await seedPlan(page);
  await apiCall(page, 'agreement.start', { template: null });
  await apiCall(page, 'agreement.addRule', { text: 'Luottamuksellisuus: mitä täällä puhutaan, jää tänne.' });

  // From the navigation to meeting mode without the mouse.
  await tabTo(page, page.getByRole('navigation').getByRole('button', { name: 'Tapaamiset' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Avaa tapaaminen 1' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Aloita tapaamistila' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Alkukierros/, selected: true })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0); // focus mode: nothing else on screen
  await expect(page.getByRole('region', { name: 'Pelisäännöt' })).toContainText('Luottamuksellisuus: mitä täällä puhutaan, jää tänne.');

  // Check-in: Önni present, Sari absent (arrow key moves the choice).
  await tabTo(page, page.getByRole('radiogroup', { name: 'Önni Mäkelä' }).getByRole('radio', { name: 'Paikalla' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('radiogroup', { name: 'Sari Järvinen' }).getByRole('radio', { name: 'Paikalla' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radiogroup', { name: 'Sari Järvinen' }).getByRole('radio', { name: 'Poissa' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /Poissaolon syy/ })).toBeFocused();
  await page.keyboard.type('Koulutuspäivä');
  await page.keyboard.press('Tab');

  // Alt+T: two themes.
  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByRole('tab', { name: /Teema/, selected: true })).toBeVisible();
  await expect(page.getByLabel('Teema', { exact: true })).toBeFocused();
  await page.keyboard.type('Työhyvinvointi');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Käsitellyt teemat' })).toContainText('Työhyvinvointi');
  await page.keyboard.type('Esihenkilön jaksaminen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Käsitellyt teemat' })).toContainText('Esihenkilön jaksaminen');

  // Alt+N: notes.
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByRole('textbox', { name: 'Muistiinpanot' })).toBeFocused();
  await page.keyboard.type('Keskustelimme kehityskeskusteluista ja siitä, miten palautetta annetaan.');
  await expect(page.getByRole('region', { name: 'Muistiinpanot' }).getByRole('status')).toHaveText(/Tallennettu/);

  // Alt+A: two actions; each stays editable where it was added.
  const newAction = page.getByRole('form', { name: 'Lisää toimi' }).getByLabel('Mitä');
  await page.keyboard.press('Alt+KeyA');
  await expect(newAction).toBeFocused();
  await page.keyboard.type('Kokeillaan kävelypalaveria omassa tiimissä');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Toimi 1' }).getByLabel('Mitä')).toHaveValue('Kokeillaan kävelypalaveria omassa tiimissä');
  await expect(newAction).toBeFocused();
  await page.keyboard.type('Jaetaan perehdytysmateriaali ryhmälle');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Toimi 2' }).getByLabel('Mitä')).toHaveValue('Jaetaan perehdytysmateriaali ryhmälle');

  // Alt+I: one idea to forward.
  await page.keyboard.press('Alt+KeyI');
  await expect(page.getByRole('textbox', { name: 'Lisää asia' })).toBeFocused();
  await page.keyboard.type('Uusille esihenkilöille yhteinen perehdytyspäivä');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Asia johdolle' })).toHaveValue('Uusille esihenkilöille yhteinen perehdytyspäivä');

  // Alt+6: next meeting step; mark the meeting held.
  await page.keyboard.press('Alt+Digit6');
  await tabTo(page, page.getByRole('button', { name: 'Merkitse pidetyksi' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Merkitse pidetyksi' })).toHaveCount(0);

  const held = await meeting(page, m1!);
  expect(held.status).toBe('held');
  expect(held.attendance.map((a) => [a.present, a.absenceReason])).toEqual([
    [true, ''],
    [false, 'Koulutuspäivä'],
  ]);
  expect(held.themes.map((t) => t.name)).toEqual(['Työhyvinvointi', 'Esihenkilön jaksaminen']);
  expect(held.notes).toBe('Keskustelimme kehityskeskusteluista ja siitä, miten palautetta annetaan.');
  expect(held.actions.map((a) => a.text)).toEqual(['Kokeillaan kävelypalaveria omassa tiimissä', 'Jaetaan perehdytysmateriaali ryhmälle']);
  expect(held.ideas.map((i) => i.text)).toEqual(['Uusille esihenkilöille yhteinen perehdytyspäivä']);

  await tabTo(page, page.getByRole('button', { name: 'Lopeta tapaamistila' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('meeting 2 opens with the open actions of meeting 1 for review; search finds meeting 1', async ({ page, app }) => {
  await seedGroup(page, app);
  const [m1, m2, m3] = await seedPlan(page);
  await apiCall(page, 'meetings.saveNotes', { id: m1, notes: 'Puhuimme kehityskeskusteluista ja työssäjaksamisesta.' });
  await apiCall(page, 'actions.add', { meetingId: m1, text: 'Kokeillaan kävelypalaveria', ownerMemberId: 1, dueDate: null });
  await apiCall(page, 'actions.add', { meetingId: m1, text: 'Luetaan artikkeli palautteesta', ownerMemberId: null, dueDate: null });

  await openMeeting(page, 2);
  const review = page.getByRole('region', { name: 'Aiemmista tapaamisista avoimiksi jääneet toimet' });
  await expect(review.getByText('Kokeillaan kävelypalaveria')).toBeVisible();
  await expect(review.getByText('Luetaan artikkeli palautteesta')).toBeVisible();
  await review.getByRole('group', { name: 'Kokeillaan kävelypalaveria' }).getByRole('button', { name: 'Tehty' }).click();
  await expect(review.locator('.action-row--done')).toContainText('Kokeillaan kävelypalaveria');
  expect((await meeting(page, m3!)).carriedOver.map((a) => a.text)).toEqual(['Luetaan artikkeli palautteesta']);
  expect((await meeting(page, m2!)).carriedOver.map((a) => [a.text, a.status])).toEqual([
    ['Kokeillaan kävelypalaveria', 'done'],
    ['Luetaan artikkeli palautteesta', 'open'],
  ]);

  // Search, from the overview.
  await page.getByRole('button', { name: /Kaikki tapaamiset/ }).click();
  await page.getByRole('searchbox', { name: 'Hae tapaamisista' }).fill('kehitys');
  await page.keyboard.press('Enter');
  const result = page.getByRole('article', { name: 'Tapaaminen 1' });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText('kehityskeskusteluista');
  await result.getByRole('button', { name: 'Tapaaminen 1' }).click();
  await expect(page.getByRole('textbox', { name: 'Muistiinpanot' })).toHaveValue(/kehityskeskusteluista/);

  // The action list across the programme, filtered to open actions (the default).
  await page.getByRole('button', { name: /Kaikki tapaamiset/ }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Sovitut toimet' }).click();
  await expect(page.getByRole('cell', { name: 'Luetaan artikkeli palautteesta' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Kokeillaan kävelypalaveria' })).toHaveCount(0);
});

/** Whether anything still answers on the port (a server that was killed must not). */
async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

test('notes acknowledged as saved survive the process being killed', async ({ page, app }) => {
  await seedGroup(page, app);
  const [m1] = await seedPlan(page);
  await openMeeting(page, 1);
  const notes = page.getByRole('textbox', { name: 'Muistiinpanot' });
  await notes.click();
  await page.keyboard.type('Luottamuksellista: ryhmä pohti esihenkilön yksinäisyyttä. Äänekäs keskustelu, hyvä ilmapiiri.');
  await expect(page.getByRole('region', { name: 'Muistiinpanot' }).getByRole('status')).toHaveText(/Tallennettu/);

  // The signal must reach the process that holds the database, not a wrapper around it.
  const killed = app.server;
  const exited = new Promise((done) => killed.process.once('exit', done));
  killed.process.kill('SIGKILL');
  await exited;
  await expect.poll(() => answers(killed.port), { message: 'the killed server no longer answers' }).toBe(false);
  await app.restart();
  await openMeeting(page, 1);
  await expect(page.getByRole('textbox', { name: 'Muistiinpanot' })).toHaveValue(
    'Luottamuksellista: ryhmä pohti esihenkilön yksinäisyyttä. Äänekäs keskustelu, hyvä ilmapiiri.',
  );
  expect((await meeting(page, m1!)).notes).toContain('yksinäisyyttä');

  await stopServer(app.server);
  const db = openStore(app.dataDir);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});

test('notes typed in the meeting view, meeting mode and its steps read exactly as typed, after a reload and a restart', async ({ page, app }) => {
  await seedGroup(page, app);
  const [m1] = await seedPlan(page);
  await openMeeting(page, 1);
  const notes = page.getByRole('textbox', { name: 'Muistiinpanot' });
  const status = page.getByRole('region', { name: 'Muistiinpanot' }).getByRole('status');
  await notes.click();
  await page.keyboard.type('Ensimmäinen tärkeä asia.');
  await expect(status).toHaveText(/Tallennettu/);

  // Into meeting mode at once, and on with the keyboard: Alt+N puts the caret after the text.
  await page.getByRole('button', { name: 'Aloita tapaamistila' }).click();
  await page.keyboard.press('Alt+KeyN');
  await expect(notes).toBeFocused();
  await expect(notes).toHaveValue('Ensimmäinen tärkeä asia.');
  await page.keyboard.type(' Toinen asia.');
  // Other steps and back, without waiting for the save.
  await page.keyboard.press('Alt+Digit3');
  await page.keyboard.press('Alt+Digit1');
  await page.keyboard.press('Alt+KeyN');
  await expect(notes).toHaveValue('Ensimmäinen tärkeä asia. Toinen asia.');
  await page.keyboard.type(' Kolmas asia.');
  await page.getByRole('button', { name: 'Lopeta tapaamistila' }).click();
  await expect(notes).toHaveValue('Ensimmäinen tärkeä asia. Toinen asia. Kolmas asia.');
  await notes.press('End');
  await page.keyboard.type(' Neljäs.');
  await expect(status).toHaveText(/Tallennettu/);

  const typed = 'Ensimmäinen tärkeä asia. Toinen asia. Kolmas asia. Neljäs.';
  await page.reload();
  await openMeeting(page, 1);
  await expect(notes).toHaveValue(typed);
  await app.restart();
  await openMeeting(page, 1);
  await expect(notes).toHaveValue(typed);
  expect((await meeting(page, m1!)).notes).toBe(typed);
});

test('bad input gets a clear message at the field, and nothing is lost', async ({ page, app }) => {
  await seedGroup(page, app);
  const [, m2] = await seedPlan(page);
  await openMeeting(page, 2);

  const actions = page.getByRole('form', { name: 'Lisää toimi' });
  await actions.getByRole('button', { name: 'Lisää toimi' }).click();
  await expect(actions.getByText('Tämä tieto on pakollinen.')).toBeVisible();

  await actions.getByLabel('Mitä').fill('Liian aikainen toimi');
  const due = actions.getByRole('group', { name: 'Mihin mennessä' });
  await due.getByRole('spinbutton').first().click();
  await page.keyboard.type('01102026');
  await actions.getByRole('button', { name: 'Lisää toimi' }).click();
  await expect(actions.getByText('Määräpäivä ei voi olla ennen tapaamista, jossa toimi sovittiin.')).toBeVisible();
  await expect(actions.getByLabel('Mitä')).toHaveValue('Liian aikainen toimi'); // the text stays
  expect((await meeting(page, m2!)).actions).toEqual([]);

  // A 1 MB paste into the notes is stored whole.
  const big = 'Pitkä liitetty teksti äöå. '.repeat(40_000);
  await page.getByRole('textbox', { name: 'Muistiinpanot' }).fill(big);
  await expect(page.getByRole('region', { name: 'Muistiinpanot' }).getByRole('status')).toHaveText(/Tallennettu/, { timeout: 20_000 });
  expect((await meeting(page, m2!)).notes).toBe(big);

  // Emoji and right-to-left text are stored exactly.
  const ideas = page.getByRole('form', { name: 'Lisää asia' });
  await ideas.getByRole('textbox', { name: 'Lisää asia' }).fill('Kiitos 🙏 — שלום — مرحبا');
  await ideas.getByRole('button', { name: 'Lisää asia' }).click();
  await expect(page.getByRole('textbox', { name: 'Asia johdolle' })).toHaveValue('Kiitos 🙏 — שלום — مرحبا');
  expect((await meeting(page, m2!)).ideas.map((i) => i.text)).toEqual(['Kiitos 🙏 — שלום — مرحبا']);
});
