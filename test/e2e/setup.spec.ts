import { expect, fillDate, test } from './fixtures';

const TEXT = {
  fi: {
    title: 'Perustetaan vertaisryhmä',
    programmeName: 'Ohjelman nimi',
    organisation: 'Organisaatio',
    facilitator: 'Fasilitaattori',
    start: 'Alkaa',
    end: 'Päättyy',
    next: 'Seuraava',
    memberName: 'Nimi',
    role: 'Rooli tai tehtävä',
    add: 'Lisää jäsen',
    create: 'Perusta ryhmä',
    membersHeading: 'Jäsenet',
    required: 'Tämä tieto on pakollinen.',
    endBeforeStart: 'Päättymispäivä ei voi olla ennen alkamispäivää.',
    count: '3 jäsentä',
  },
  en: {
    title: 'Set up your peer group',
    programmeName: 'Programme name',
    organisation: 'Organisation',
    facilitator: 'Facilitator',
    start: 'Starts',
    end: 'Ends',
    next: 'Next',
    memberName: 'Name',
    role: 'Role or title',
    add: 'Add member',
    create: 'Create the group',
    membersHeading: 'Members',
    required: 'This is required.',
    endBeforeStart: 'The end date cannot be before the start date.',
    count: '3 members',
  },
} as const;

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`first-run set-up (${language})`, () => {
    test.use({ locale });

    test('creates the group with its members, in the system language', async ({ page, app }) => {
      const t = TEXT[language];
      await app.open();
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);

      // Nothing filled: each required field says why, and the wizard stays on step 1.
      await page.getByRole('button', { name: t.next }).click();
      await expect(page.getByText(t.required).first()).toBeVisible();

      await page.getByLabel(t.programmeName).fill('Esihenkilöiden vertaismentorointi 2026–2027');
      await page.getByLabel(t.organisation).fill('Itä-Suomen ulosottovirasto');
      await page.getByLabel(t.facilitator).fill('Päivi Äijälä');
      await fillDate(page, t.start, '2026-09-01');
      await fillDate(page, t.end, '2026-08-31');
      await page.getByRole('button', { name: t.next }).click();
      await expect(page.getByText(t.endBeforeStart)).toBeVisible();
      await fillDate(page, t.end, '2027-02-28');
      await page.getByRole('button', { name: t.next }).click();

      for (const [name, role] of [
        ['Önni Mäkelä', 'Toimistopäällikkö'],
        ['Sari Järvinen', ''],
        ['Jukka Kärkkäinen', 'Esihenkilö'],
      ] as const) {
        await page.getByLabel(t.memberName, { exact: true }).fill(name);
        if (role) await page.getByLabel(t.role).fill(role);
        await page.getByRole('button', { name: t.add }).click();
        await expect(page.getByText(name)).toBeVisible();
      }
      await page.getByRole('button', { name: t.create }).click();

      await expect(page.getByRole('heading', { level: 2, name: t.membersHeading })).toBeVisible();
      await expect(page.getByText(t.count)).toBeVisible();
      await expect(page.getByLabel(t.programmeName)).toHaveValue('Esihenkilöiden vertaismentorointi 2026–2027');
      await expect(page.getByRole('complementary')).toContainText('Esihenkilöiden vertaismentorointi 2026–2027');
      await expect(page.getByLabel(t.memberName, { exact: true }).first()).toHaveValue('Önni Mäkelä');
    });
  });
}
