import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { apiCall, expect, seedGroup, test } from './fixtures';

test.use({ locale: 'fi-FI' });

type Agreement = { goals: { id: number; kind: string; text: string }[]; rules: { id: number; text: string }[]; draftDiffers: boolean };
type Planned = { id: number; number: number; plannedDate: string | null; plannedMonth: string | null; plannedTheme: string };

const agreement = async (page: Page) => ((await apiCall(page, 'agreement.get')) as { value: Agreement }).value;
const plan = async (page: Page) => ((await apiCall(page, 'plan.list')) as { value: Planned[] }).value;

/** Types a date into the react-aria date field labelled `label` inside `scope`. */
async function fillDateIn(page: Page, scope: Locator, label: RegExp, iso: string) {
  const [year, month, day] = iso.split('-');
  await scope.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}`);
}

async function openAgreement(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Sopimus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorointisopimus' })).toBeVisible();
}

async function startFromFinnishTemplate(page: Page) {
  await openAgreement(page);
  await page.getByRole('radio', { name: /Suomenkielinen pohja/ }).check();
  await page.getByRole('button', { name: 'Aloita', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Luonnos' })).toBeVisible();
}

const GROUP_GOAL = 'Jokainen kokeilee yhtä uutta työtapaa ja kertoo ryhmälle, miltä se tuntui – yöunista tinkimättä.';
const RULE = 'Puhumme asioista ja tilanteista, emme poissaolevista ihmisistä.';
const DRAFT_ONLY = 'Esihenkilöiden jaksaminen on ensisijainen – tämä muutos on vain luonnoksessa.';

test('from the Finnish template to an agreed, accepted and printed version', async ({ page, app }) => {
  await seedGroup(page, app);
  await startFromFinnishTemplate(page);

  // edit a goal and a ground rule: each field saves itself
  const groupGoal = page.getByRole('textbox', { name: 'Ryhmän tavoite 1' });
  await groupGoal.fill(GROUP_GOAL);
  await groupGoal.press('Tab');
  const rule = page.getByRole('textbox', { name: 'Pelisääntö 2' });
  await rule.fill(RULE);
  await rule.press('Tab');
  await expect.poll(async () => (await agreement(page)).goals.find((g) => g.kind === 'group')?.text).toBe(GROUP_GOAL);
  await expect.poll(async () => (await agreement(page)).rules[1]?.text).toBe(RULE);

  // move meeting 3 in the plan: the meeting itself moves
  const third = page.getByRole('region', { name: '3. tapaaminen' });
  await fillDateIn(page, third, /^Päivä/, '2026-11-18');
  await third.getByRole('textbox', { name: /Alustava teema/ }).click();
  await expect.poll(async () => (await plan(page)).find((p) => p.number === 3)).toMatchObject({ plannedDate: '2026-11-18', plannedMonth: null });
  const meeting = (await apiCall(page, 'meetings.overview')) as { value: { number: number; plannedDate: string | null }[] };
  expect(meeting.value.find((m) => m.number === 3)?.plannedDate).toBe('2026-11-18');

  // save version 1 with a note
  await page.getByRole('tab', { name: 'Versiot ja hyväksyntä' }).click();
  await page.getByRole('textbox', { name: 'Lyhyt kuvaus muutoksista' }).fill('Käyty läpi 1. tapaamisessa: tavoitteet täsmentyivät');
  await page.getByRole('button', { name: 'Tallenna sovittuna versiona' }).click();
  await expect(page.getByText('Tallennettu versiona 1.')).toBeVisible();
  await expect(page.getByText('Luonnos vastaa versiota 1', { exact: false })).toBeVisible();

  // change a goal in the draft afterwards
  await page.getByRole('tab', { name: 'Luonnos' }).click();
  const orgGoal = page.getByRole('textbox', { name: 'Organisaation tavoite 1' });
  await orgGoal.fill(DRAFT_ONLY);
  await orgGoal.press('Tab');
  await expect(page.getByText('Luonnosta on muutettu version 1 jälkeen')).toBeVisible();

  // compare the draft with version 1: the change is highlighted in its section
  await page.getByRole('tab', { name: 'Vertaa versioita' }).click();
  const section = page.locator('[data-section="organisationGoals"]');
  const changed = section.locator('[data-kind="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('ins')).toContainText(['ensisijainen']);
  await expect(changed.locator('del').first()).toBeVisible();
  await expect(page.locator('[data-section="rules"]')).toContainText('ei muutoksia');
  await expect(page.getByRole('status').filter({ hasText: 'Muutoksia yhdessä osiossa.' })).toBeVisible();

  // two members accept version 1
  await page.getByRole('tab', { name: 'Versiot ja hyväksyntä' }).click();
  await page.getByRole('button', { name: 'Merkitse hyväksytyksi: Önni Mäkelä' }).click();
  await page.getByRole('button', { name: 'Merkitse hyväksytyksi: Sari Järvinen' }).click();
  await expect(page.getByText('Hyväksyneet 2/4')).toBeVisible();
  await expect(page.locator('[data-member="Önni Mäkelä"]')).toContainText('Hyväksynyt');

  // print version 1 as PDF: a download in browser mode
  await page.getByRole('tab', { name: 'Tulosta ja vie' }).click();
  await expect(page.getByRole('radio', { name: /Versio 1/ })).toBeChecked();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tallenna tiedosto' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Mentorointisopimus-Esihenkilöiden-vertaismentorointi-2026–2027-v1.pdf');
  const dir = mkdtempSync(join(tmpdir(), 'vertaistuki-pdf-'));
  try {
    const file = join(dir, 'agreement.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(GROUP_GOAL);
    expect(text).toContain(RULE);
    expect(text).toContain('18.11.2026');
    expect(text).toContain('Käyty läpi 1. tapaamisessa: tavoitteet täsmentyivät');
    expect(text).toContain('Önni Mäkelä');
    expect(text).not.toContain('ensisijainen');
    expect(text).not.toContain('LUONNOS');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await expect(page.getByText(/ladattiin/)).toBeVisible();
});

test('bad input gets a message at the field, and nothing saved is lost', async ({ page, app }) => {
  await seedGroup(page, app);
  await startFromFinnishTemplate(page);
  const before = await agreement(page);
  const plannedBefore = await plan(page);

  // an empty required field
  const rule = page.getByRole('textbox', { name: 'Pelisääntö 1' });
  await rule.fill('   ');
  await rule.press('Tab');
  await expect(page.getByRole('listitem').filter({ has: rule }).getByText('Tämä tieto on pakollinen.')).toBeVisible();

  // an over-long field
  const goal = page.getByRole('textbox', { name: 'Odotus 1' });
  await goal.fill('ä'.repeat(501));
  await goal.press('Tab');
  await expect(page.getByRole('listitem').filter({ has: goal }).getByText('Teksti on liian pitkä.')).toBeVisible();

  // a duplicate meeting number, checked by the store
  const second = page.getByRole('region', { name: '2. tapaaminen' });
  await second.getByRole('textbox', { name: 'Numero' }).fill('1');
  await second.getByRole('textbox', { name: 'Numero' }).press('Tab');
  await expect(second.getByText('Tällä numerolla on jo tapaaminen.')).toBeVisible();
  await expect(second.getByRole('textbox', { name: 'Numero' })).toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByRole('status')).toHaveText(/Korjaa merkitty kenttä/);

  // a date outside the programme
  const fourth = page.getByRole('region', { name: '4. tapaaminen' });
  await fillDateIn(page, fourth, /^Päivä/, '2027-05-12');
  await fourth.getByRole('textbox', { name: /Alustava teema/ }).click();
  await expect(fourth.getByText('Päivä on ohjelman ajanjakson ulkopuolella.')).toBeVisible();

  // nothing that was saved is lost, and the typed text is still on screen
  await expect(goal).toHaveValue('ä'.repeat(501));
  expect(await agreement(page)).toEqual(before);
  expect(await plan(page)).toEqual(plannedBefore);

  // a planned meeting with notes cannot be removed
  const first = plannedBefore[0]!;
  await apiCall(page, 'meetings.saveNotes', { id: first.id, notes: 'Tutustumiskierros tehty.' });
  await page.reload();
  await openAgreement(page);
  const firstRow = page.getByRole('region', { name: '1. tapaaminen' });
  await firstRow.getByRole('button', { name: 'Poista suunnitelmasta' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Poista' }).click();
  await expect(firstRow.getByRole('alert')).toHaveText(/jo kirjattu muistiinpanoja tai muuta, joten sitä ei voi poistaa/);
  expect((await plan(page)).length).toBe(plannedBefore.length);
});
