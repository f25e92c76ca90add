import type { Page } from '@playwright/test';
import { buildLeakFixture, type Caller } from '../services/summary-fixture';
import { inventory } from './closed-inventory';
import { apiCall, expect, test } from './fixtures';

/**
 * Closing the programme as the facilitator does it, then the closed programme: every section and
 * every view in it shows nothing that can be changed, and the store refuses a forged write.
 */
test.use({ locale: 'fi-FI' });

const caller =
  (page: Page): Caller =>
  async <T,>(name: string, input?: unknown) => {
    const result = await apiCall(page, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

/**
 * What may stay pressable once closed: moving between views, reading, searching, and exporting.
 * Anything else (add, remove, undo, start, mark, save…) fails the walk.
 */
const VIEW_ONLY = [
  /^Avaa tapaaminen \d+$/,
  /^← Kaikki tapaamiset$/,
  /^Hae$/,
  /^Avaa kierros – tapaaminen \d+$/,
  /^← Takaisin tapaamisiin$/,
  /^(Näytä|Piilota) kysymykset$/,
  // the agreement's comparison: which two versions to compare
  /^Nykyinen luonnos (Vertaa|Tähän)$/,
  // exports: the agreement's file, the frozen summary
  /^Tallenna tiedosto$/,
  /^Vie PDF$/,
  /^Vie Word \(DOCX\)$/,
  // the deliberate shredding of the backups made before closing
  /^Poista ennen päättämistä tehdyt varmuuskopiot$/,
];
/** Fields that only choose what to look at or export: the search, and the agreement's print options. */
const VIEW_FIELDS = [
  'search: Hae tapaamisista',
  'radio: Englanniksi',
  'radio: Nykyinen luonnos (merkitään luonnokseksi)',
  'radio: PDF (tulostamiseen)',
  'radio: Suomeksi',
  'radio: Word (DOCX, muokattavaksi)',
];
/** Settings belong to this installation, not the programme: the language, backups, export and the app lock. */
const APP_SETTINGS = ['#language-heading', '#backups-heading', '#export-heading', '#import-heading', '#lock-heading']
  .map((heading) => `section[aria-labelledby="${heading.slice(1)}"]`)
  .join(', ');

const seen: string[] = [];

async function expectNothingToChange(page: Page, where: string) {
  await expect(page.getByTestId('closed-notice'), where).toBeVisible();
  const found = await inventory(page, APP_SETTINGS);
  seen.push(where);
  expect(found.editable.filter((field) => !VIEW_FIELDS.includes(field)), `editable fields in ${where}`).toEqual([]);
  expect(found.buttons.filter((name) => !VIEW_ONLY.some((allowed) => allowed.test(name))), `buttons in ${where}`).toEqual([]);
  return found;
}

test('closing lists what goes, says why without the tick, shows progress; then no section can change and the store refuses a forged write', async ({ page, app }) => {
  test.setTimeout(180_000);
  await app.open();
  const fixture = await buildLeakFixture(caller(page), 3);
  await caller(page)('summary.export', { format: 'pdf' });
  await page.reload();
  const nav = page.getByRole('navigation');
  /** Opens a section and waits until its code has loaded (sections load lazily): the walk must see the page, not its loading line. */
  const go = async (name: string) => {
    await nav.getByRole('button', { name, exact: true }).click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  };

  await go('Yhteenveto johdolle');
  await page.getByRole('button', { name: 'Päätä ohjelma ja poista luottamukselliset tiedot' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Poistetaanko luottamukselliset tiedot lopullisesti?' });
  const deleted = dialog.getByRole('region', { name: 'Poistetaan lopullisesti' });
  await expect(deleted.getByRole('listitem')).toHaveText([
    'Tapaamisten muistiinpanot (3)',
    'Poissaolojen syyt (3)',
    'Sovitut toimet (3)',
    'Välitehtävät (3)',
    // 2 + 4 + 4 round answers, 4 + 4 self-check answers, 4 evaluation answers
    'Kaikki palaute- ja arviointivastaukset (22)',
  ]);
  await expect(dialog.getByRole('region', { name: 'Säilyy' }).getByRole('listitem').filter({ hasText: 'Jäsenten nimet' })).toHaveText(/\(5\)$/);
  await expect(dialog).toContainText('juuri ennen päättämistä sovellus tekee salatun varmuuskopion');

  // Not ticked: the reason, and nothing deleted.
  await dialog.getByRole('button', { name: 'Poista lopullisesti' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Rastita ensin ruutu\. Mitään ei ole poistettu/);
  await expect(dialog.getByRole('checkbox', { name: /Ymmärrän/ })).toBeFocused();
  expect(await caller(page)<{ archivedAt: string | null }>('summary.archiveState')).toMatchObject({ archivedAt: null });

  // Ticked: progress until closing answers (the call is held back a moment to see it), then done.
  await page.keyboard.press('Space');
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/summary.archive', async (route) => {
    await held;
    await route.continue();
  });
  await dialog.getByRole('button', { name: 'Poista lopullisesti' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Luottamuksellisia tietoja poistetaan ja tiedostoa siivotaan… Älä sulje sovellusta.');
  await expect(page.getByRole('region', { name: /^Päätetty ja arkistoitu/ })).toHaveCount(0);
  release();
  const archive = page.getByRole('region', { name: /^Päätetty ja arkistoitu/ });
  await expect(archive.getByText(/Luottamukselliset tiedot on poistettu ja tiedosto siivottu/)).toBeVisible();
  await page.unroute('**/summary.archive');
  expect(await caller(page)<{ wipedAt: string | null }>('summary.archiveState')).toMatchObject({ wipedAt: expect.any(String) });

  // Every section, and every view inside it, in turn.
  await go('Ryhmä ja jäsenet');
  // Neither card promises that changes are saved.
  await expect(page.getByText('Ohjelma on päätetty, joten tietoja voi vain lukea.')).toHaveCount(2);
  await expect(page.getByText(/tallentuvat automaattisesti/)).toHaveCount(0);
  await expectNothingToChange(page, 'group');
  await expect(page.getByLabel('Ohjelman nimi')).toHaveAttribute('readonly', '');

  await go('Sopimus');
  for (const tab of ['Luonnos', 'Versiot ja hyväksyntä', 'Vertaa versioita', 'Tulosta ja vie']) {
    await page.getByRole('tab', { name: tab }).click();
    await expectNothingToChange(page, `agreement: ${tab}`);
  }

  await go('Tapaamiset');
  await expect(page.getByRole('button', { name: 'Avaa tapaaminen 1' })).toBeVisible();
  await expectNothingToChange(page, 'meetings');
  const meetings = await page.getByRole('button', { name: /^Avaa tapaaminen \d+$/ }).count();
  expect(meetings).toBe(6); // the agreement template's six, three of them with confidential material
  for (let meetingNumber = 1; meetingNumber <= meetings; meetingNumber += 1) {
    await page.getByRole('button', { name: `Avaa tapaaminen ${meetingNumber}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Tapaaminen ${meetingNumber}`) })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Muistiinpanot' })).toContainText('Poistettu lopullisesti, kun ohjelma päätettiin.');
    await expectNothingToChange(page, `meeting ${meetingNumber}`);
    // No meeting mode, not even by its keys.
    await page.keyboard.press('Alt+Digit3');
    await page.keyboard.press('Alt+KeyN');
    await expect(page.getByRole('timer')).toHaveCount(0);
    await page.getByRole('button', { name: '← Kaikki tapaamiset' }).click();
  }

  await go('Sovitut toimet');
  await expectNothingToChange(page, 'actions');

  await go('Palaute ja arviointi');
  await expectNothingToChange(page, 'feedback rounds');
  for (const meetingNumber of [1, 2, 3]) {
    await page.getByRole('button', { name: `Avaa kierros – tapaaminen ${meetingNumber}` }).click();
    await expectNothingToChange(page, `round of meeting ${meetingNumber}`);
    await page.getByRole('button', { name: '← Takaisin tapaamisiin' }).click();
  }
  await page.getByRole('button', { name: 'Näytä kysymykset' }).click();
  await expectNothingToChange(page, 'round questions');
  for (const tab of ['Hyvinvoinnin itsearviointi', 'Väliarviointi', 'Loppuarviointi']) {
    await page.getByRole('tab', { name: tab }).click();
    await expectNothingToChange(page, `feedback: ${tab}`);
    await expect(page.getByText(/Tallentuu automaattisesti/)).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Näytä kysymykset' }).click();
  await expectNothingToChange(page, 'evaluation questions');

  await go('Yhteenveto johdolle');
  await expectNothingToChange(page, 'summary');
  await expect(page.getByRole('article')).toContainText(fixture.quote);

  await go('Asetukset ja tiedot');
  const settings = await expectNothingToChange(page, 'settings');
  // What stays changeable there is the installation's, not the programme's.
  expect(settings.exempt).toEqual(expect.arrayContaining(['radio: Suomi', 'radio: English']));

  // group, 4 agreement tabs, meetings and 6 meetings, actions, feedback with 3 rounds, questions, 2 tabs and
  // their questions, summary, settings
  expect(seen).toHaveLength(24);

  // The store itself refuses a write the screens no longer offer.
  const [meetingId] = fixture.meetingIds;
  for (const [name, input] of [
    ['meetings.saveNotes', { id: meetingId, notes: 'kirjoitettu päättämisen jälkeen' }],
    ['actions.add', { meetingId, text: 'uusi toimi', ownerMemberId: null, dueDate: null }],
    ['programme.update', { name: 'Uusi nimi', organisation: '', facilitatorName: 'Päivi Äijälä', startDate: '2025-09-01', endDate: '2026-06-30' }],
    ['feedback.start', { instrument: 'round', meetingId, phase: null, anonymous: true, pin: '4821' }],
  ] as const) {
    const answer = await apiCall(page, name, input);
    expect(answer, name).toMatchObject({ ok: false, error: { code: 'programme_closed' } });
  }
  expect(await caller(page)<{ notes: string }>('meetings.get', { id: meetingId })).toMatchObject({ notes: '' });
  expect(await caller(page)<{ name: string }>('programme.get')).toMatchObject({ name: 'Esihenkilöiden vertaismentorointi' });
});
