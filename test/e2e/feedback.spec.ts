import type { Locator, Page } from '@playwright/test';
import { addMeetings, ok } from './feedback-seed';
import { apiCall, expect, SEED, seedGroup, test } from './fixtures';
import { choosePin, unlockDevice } from './pin';

test.use({ locale: 'fi-FI' });

const USEFUL = 'Tapaaminen oli minulle hyödyllinen.';
const DIALOGUE = 'Keskustelu oli avointa ja ilmapiiri hyvä.';
const KEEP = 'Yksi asia, joka kannattaa säilyttää';
const CHANGE = 'Yksi asia, jonka muuttaisin';

async function openFeedback(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Palaute ja arviointi' }).click();
}

/** Picks a value on a 1–n scale question by its label. */
async function pick(scope: Locator, question: string, value: string) {
  await scope.getByRole('radiogroup', { name: question }).getByText(value, { exact: true }).click();
}

async function expectCleanForm(device: Locator) {
  await expect(device.getByRole('radio', { checked: true })).toHaveCount(0);
  for (const box of await device.getByRole('textbox').all()) await expect(box).toHaveValue('');
}

test('an anonymous pass-the-device round for four members: every screen clean, then the results', async ({ page, app }) => {
  await seedGroup(page, app);
  const [meetingId] = await addMeetings(page);
  await openFeedback(page);
  await page.getByRole('button', { name: 'Aloita kierros – tapaaminen 1' }).click();
  await expect(page.getByRole('radio', { name: /Nimettömästi, laite kiertää/ })).toBeChecked();
  await page.getByRole('button', { name: 'Aloita', exact: true }).click();
  await choosePin(page);

  const device = page.getByRole('dialog', { name: 'Palaute tapaamisesta 1' });
  const people = [
    { useful: '4', dialogue: '5', keep: 'Rauhallinen tahti', change: 'Enemmän aikaa omille tapauksille' },
    { useful: '5', dialogue: '4', keep: 'Kaikki pääsivät ääneen', change: '' },
    { useful: '4', dialogue: '4', keep: '', change: 'Aloitetaan ajallaan' },
    { useful: '5', dialogue: '3', keep: 'Konkreettiset esimerkit', change: '' },
  ];
  for (const [index, person] of people.entries()) {
    // The hand-over screen: neutral, nothing of earlier answers anywhere on the page.
    await expect(device.getByRole('heading', { name: index === 0 ? 'Anna tietokone seuraavalle vastaajalle' : /^Kiitos!/ })).toBeVisible();
    await expect(device.getByRole('status')).toHaveText(index === 1 ? '1 vastaus tallennettu' : `${index} vastausta tallennettu`);
    for (const earlier of people.slice(0, index)) {
      for (const text of [earlier.keep, earlier.change].filter(Boolean)) await expect(page.getByText(text)).toHaveCount(0);
    }
    if (index === 1) {
      // Even the browser's back and forward buttons bring back nothing of the first answers.
      await page.goBack();
      await page.goForward();
      await page.waitForFunction(() => 'vertaistuki' in window);
      await expect(page.getByText(people[0]!.keep)).toHaveCount(0);
      if (!(await device.isVisible())) {
        await openFeedback(page);
        await page.getByRole('button', { name: 'Avaa kierros – tapaaminen 1' }).click();
        await page.getByRole('button', { name: 'Avaa kiertonäkymä' }).click();
      }
    }
    await device.getByRole('button', { name: 'Aloita vastaaminen' }).click();
    await expectCleanForm(device);
    await pick(device, USEFUL, person.useful);
    await pick(device, DIALOGUE, person.dialogue);
    if (person.keep) await device.getByLabel(KEEP).fill(person.keep);
    if (person.change) await device.getByLabel(CHANGE).fill(person.change);
    await device.getByRole('button', { name: 'Tallenna vastaukseni' }).click();
  }
  await expect(device.getByRole('status')).toHaveText('4 vastausta tallennettu');
  // Escape does not end or leave the round; only the facilitator's confirmed action does, after the PIN.
  await page.keyboard.press('Escape');
  await expect(device).toBeVisible();
  await unlockDevice(device);
  await device.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();
  await expect(device).toHaveCount(0);

  const panel = page.getByRole('region', { name: 'Palaute tapaamisesta 1' });
  await expect(panel.getByText('4 vastaajaa.', { exact: false })).toBeVisible();
  const useful = panel.getByRole('listitem').filter({ hasText: USEFUL });
  await expect(useful.getByText('4,5', { exact: true })).toBeVisible();
  await expect(useful.getByText('n = 4')).toBeVisible();
  await expect(useful.getByRole('img', { name: /1: 0, 2: 0, 3: 0, 4: 2, 5: 2/ })).toBeVisible();
  const dialogue = panel.getByRole('listitem').filter({ hasText: DIALOGUE });
  await expect(dialogue.getByText('4,0', { exact: true })).toBeVisible();
  const keep = panel.getByRole('listitem').filter({ hasText: KEEP });
  await expect(keep.getByText('n = 3')).toBeVisible();
  await expect(keep.getByText('Liian vähän vastauksia raportoitavaksi')).toHaveCount(0);
  const change = panel.getByRole('listitem').filter({ hasText: CHANGE });
  await expect(change.getByText('Liian vähän vastauksia raportoitavaksi')).toBeVisible();
  await expect(change.getByText('Aloitetaan ajallaan')).toBeVisible();

  const survey = await ok<{ responses: number; respondedMemberIds: number[]; anonymous: boolean }>(page, 'feedback.surveys', { instrument: 'round' });
  expect(survey).toEqual([expect.objectContaining({ meetingId, responses: 4, respondedMemberIds: [], anonymous: true, status: 'closed' })]);

  // The chart over the programme has the meeting, both series, with n.
  await page.getByRole('button', { name: 'Takaisin tapaamisiin' }).click();
  const table = page.getByRole('table', { name: 'Keskiarvot ja vastausmäärät tapaamisittain' });
  await expect(table.getByRole('row').nth(1)).toContainText('4,5 (n = 4)');
  await expect(table.getByRole('row').nth(1)).toContainText('4,0 (n = 4)');
});

test('the self-check at the start (pass the device) and at the end (recorded by name) shows the change', async ({ page, app }) => {
  await seedGroup(page, app);
  await openFeedback(page);
  await page.getByRole('tab', { name: 'Hyvinvoinnin itsearviointi' }).click();
  const DIMENSIONS = [
    'Tiedänkö? Tunnen tavoitteeni ja tiedän, mitä muutoksia työssäni on tulossa.',
    'Osaanko? Minulla on työssäni tarvittavat tiedot ja taidot.',
    'Kykenenkö? Työkykyni riittää, työmääräni on kohtuullinen ja ehdin palautua.',
    'Haluanko? Olen motivoitunut työhöni.',
  ];
  const start = page.getByRole('region', { name: 'Itsearviointi ohjelman alussa' });
  await start.getByRole('button', { name: 'Aloita', exact: true }).click();
  await choosePin(page);
  const device = page.getByRole('dialog', { name: 'Itsearviointi ohjelman alussa' });
  for (const score of ['5', '6', '4']) {
    await device.getByRole('button', { name: 'Aloita vastaaminen' }).click();
    await expectCleanForm(device);
    for (const dimension of DIMENSIONS) await pick(device, dimension, score);
    await device.getByRole('button', { name: 'Tallenna vastaukseni' }).click();
    await expect(device.getByRole('heading', { name: /^Kiitos!/ })).toBeVisible();
  }
  await unlockDevice(device);
  await device.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();

  const end = page.getByRole('region', { name: 'Itsearviointi ohjelman lopussa' });
  await end.getByText('Fasilitaattori kirjaa').click();
  await end.getByRole('button', { name: 'Aloita', exact: true }).click();
  for (const [member, score] of [
    [SEED.members[0]!.name, '7'],
    [SEED.members[1]!.name, '8'],
    [SEED.members[2]!.name, '7'],
  ] as const) {
    await end.getByRole('button', { name: `Kirjaa vastaukset: ${member}` }).click();
    for (const dimension of DIMENSIONS) await pick(end, dimension, score);
    await end.getByRole('button', { name: 'Tallenna vastaukset' }).click();
    await expect(end.getByRole('status').filter({ hasText: `Tallennettu: ${member}` })).toBeVisible();
  }
  await end.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();

  const table = page.getByRole('table', { name: 'Muutos ohjelman aikana' });
  for (const name of ['Tiedänkö?', 'Osaanko?', 'Kykenenkö?', 'Haluanko?']) {
    const row = table.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row).toContainText('5,0 (n = 3)');
    await expect(row).toContainText('7,3 (n = 3)');
    await expect(row).toContainText('+2,3');
  }
});

test('the final evaluation for four members, one open answer marked shareable, and the decision', async ({ page, app }) => {
  await seedGroup(page, app);
  await openFeedback(page);
  await page.getByRole('tab', { name: 'Loppuarviointi' }).click();
  const panel = page.getByRole('region', { name: 'Pilotin loppuarviointi' });
  await panel.getByText('Fasilitaattori kirjaa').click();
  await panel.getByRole('button', { name: 'Aloita', exact: true }).click();
  const learned = ['Muillakin on samoja haasteita.', 'Kysyn enemmän ja neuvon vähemmän, Önnin vinkistä.', 'Rauhoittumaan kiireen keskellä.', 'Palautteen antamista.'];
  for (const [index, member] of SEED.members.entries()) {
    await panel.getByRole('button', { name: `Kirjaa vastaukset: ${member.name}` }).click();
    await pick(panel, 'Ohjelma tuki työhyvinvointiani.', String(3 + (index % 3)));
    await pick(panel, 'Opin ohjelmassa kollegoiltani.', '5');
    await pick(panel, 'Ryhmän ilmapiiri oli hyvä ja luottamuksellinen.', '4');
    await panel.getByRole('radiogroup', { name: 'Osallistuisitko uudelleen?' }).getByText(index === 3 ? 'Ehkä' : 'Kyllä').click();
    await panel.getByRole('radiogroup', { name: 'Miten ryhmän pitäisi jatkaa?' }).getByText('Jatketaan säännöllisin tapaamisin').click();
    await panel.getByLabel('Mitä opit?').fill(learned[index]!);
    await panel.getByRole('button', { name: 'Tallenna vastaukset' }).click();
    await expect(panel.getByRole('status').filter({ hasText: `Tallennettu: ${member.name}` })).toBeVisible();
  }
  await expect(panel.getByText('4 vastausta')).toBeVisible();
  await panel.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();

  const again = panel.getByRole('listitem').filter({ hasText: 'Osallistuisitko uudelleen?' });
  await expect(again.getByRole('img', { name: /Kyllä: 3, Ehkä: 1, En: 0/ })).toBeVisible();
  const wellbeing = panel.getByRole('listitem').filter({ hasText: 'Ohjelma tuki työhyvinvointiani.' });
  await expect(wellbeing.getByText('3,8', { exact: true })).toBeVisible();

  // Mark one answer shareable, anonymised in the facilitator's own wording.
  await panel.getByRole('button', { name: `Merkitse jaettavaksi: ${learned[1]}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Jaettava lainaus' });
  await dialog.getByLabel('Jaettava muotoilu').fill('Kysyn enemmän ja neuvon vähemmän.');
  await dialog.getByRole('button', { name: 'Merkitse jaettavaksi' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByText('Jaettava', { exact: true })).toHaveCount(1);
  await expect(panel.getByText('Kysyn enemmän ja neuvon vähemmän.', { exact: true })).toBeVisible();
  const surveys = await ok<{ id: number }[]>(page, 'feedback.surveys', { instrument: 'evaluation' });
  const results = await ok<{ questions: { texts: { text: string; sharedText: string | null }[] }[] }>(page, 'feedback.results', { id: surveys[0]!.id });
  const texts = results.questions.flatMap((q) => q.texts);
  expect(texts.filter((a) => a.sharedText !== null)).toEqual([{ ...texts.find((a) => a.text === learned[1])!, sharedText: 'Kysyn enemmän ja neuvon vähemmän.' }]);

  // The group's decision, saved as it is typed.
  const decision = page.getByRole('region', { name: 'Päätös jatkosta' });
  await decision.getByRole('radiogroup', { name: 'Ryhmän päätös' }).getByText('Jatketaan säännöllisin tapaamisin').click();
  await decision.getByLabel('Perustelu').fill('Kaikki haluavat jatkaa; tapaamiset kerran kahdessa kuukaudessa.');
  await decision.getByLabel('Perustelu').blur();
  await expect(decision.getByRole('status')).toHaveText(/Tallennettu/);
  expect(await ok(page, 'evaluation.decision')).toEqual({
    decision: 'regular',
    rationale: 'Kaikki haluavat jatkaa; tapaamiset kerran kahdessa kuukaudessa.',
    decidedOn: null,
  });
});

test('bad input: an empty round cannot be ended, scores off the scale and late question edits are refused; nothing is lost', async ({ page, app }) => {
  await seedGroup(page, app);
  await addMeetings(page);
  await openFeedback(page);

  // Edit a question while nothing is answered: saved.
  const editor = page.getByRole('region', { name: 'Kysymykset' });
  await editor.getByRole('button', { name: 'Muokkaa kysymyksiä' }).click();
  const wording = editor.getByLabel(`Oma muotoilu kysymykselle ”${USEFUL}”`);
  await wording.fill('Sainko tapaamisesta jotain omaan työhöni?');
  await wording.blur();
  await expect(editor.getByRole('listitem').first().getByRole('status')).toHaveText(/Tallennettu/);

  // An empty round cannot be ended.
  await page.getByRole('button', { name: 'Aloita kierros – tapaaminen 1' }).click();
  await page.getByRole('button', { name: 'Aloita', exact: true }).click();
  await choosePin(page);
  const device = page.getByRole('dialog', { name: 'Palaute tapaamisesta 1' });
  await unlockDevice(device);
  await device.getByRole('button', { name: 'Lopeta kierros' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Lopeta kierros' }).click();
  await expect(device.getByRole('alert')).toHaveText(/Kukaan ei ole vielä vastannut, joten kierrosta ei voi lopettaa/);
  await device.getByRole('button', { name: 'Jatka koneen kierrättämistä' }).click();

  // A respondent submitting nothing is told to answer something; the form stays as it was.
  await device.getByRole('button', { name: 'Aloita vastaaminen' }).click();
  await device.getByRole('button', { name: 'Tallenna vastaukseni' }).click();
  await expect(device.getByRole('alert')).toHaveText('Vastaa ainakin yhteen kysymykseen ennen tallentamista.');
  await pick(device, 'Sainko tapaamisesta jotain omaan työhöni?', '4');
  await device.getByRole('button', { name: 'Tallenna vastaukseni' }).click();
  await expect(device.getByRole('status')).toHaveText('1 vastaus tallennettu');

  // A score off the scale is refused at the field, and nothing is stored. (While the round is
  // locked, the store answers only the respondents' calls: the locked round, not the list of rounds.)
  const survey = await ok<{ id: number }>(page, 'feedback.lockedRound');
  const questions = (await ok<{ questions: { id: number }[] }>(page, 'feedback.questions', { instrument: 'round' })).questions;
  const bad = await apiCall(page, 'feedback.submit', {
    surveyId: survey!.id,
    memberId: null,
    answers: [{ questionId: questions[0]!.id, score: 7, choice: null, text: '' }],
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'answers.0.score', message: 'scoreOutOfRange' }] } });
  expect((await ok<{ responses: number }>(page, 'feedback.survey', { id: survey!.id })).responses).toBe(1);

  // Editing the questions after answers exist: refused with the reason, the typed text stays.
  await unlockDevice(device);
  await device.getByRole('button', { name: 'Palaa sovellukseen (kierros jää auki)' }).click();
  await page.getByRole('button', { name: 'Takaisin tapaamisiin' }).click();
  // Back in the app, meeting 1's round is still open with the one answer kept: the refused score added none.
  const round1 = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Avaa kierros – tapaaminen 1' }) });
  await expect(round1).toContainText('Keruu käynnissä, 1 vastaus');
  await expect(editor.getByText('Kysymykset on lukittu, koska niihin on jo vastattu.')).toBeVisible();
  const locked = await apiCall(page, 'feedback.updateQuestion', { id: questions[0]!.id, text: 'Myöhäinen muutos' });
  expect(locked).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'questionsLocked' }] } });
  expect((await ok<{ questions: { text: string }[] }>(page, 'feedback.questions', { instrument: 'round' })).questions[0]!.text).toBe(
    'Sainko tapaamisesta jotain omaan työhöni?',
  );
});
