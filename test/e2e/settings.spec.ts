import { expect, seedGroup, test } from './fixtures';

test.use({ locale: 'fi-FI' });

test('the language follows the system, can be switched in Settings, and is remembered', async ({ page, app }) => {
  await seedGroup(page, app);
  await expect(page.getByRole('heading', { level: 1, name: 'Ryhmä ja jäsenet' })).toBeVisible();

  await page.getByRole('navigation').getByRole('button', { name: 'Asetukset ja tiedot' }).click();
  await expect(page.getByTestId('data-folder')).toHaveText(app.dataDir);
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.getByRole('radio', { name: 'Käyttöjärjestelmän mukaan' })).toBeChecked();

  await page.locator('.radio', { hasText: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings and about' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await app.restart();
  await expect(page.getByRole('heading', { level: 1, name: 'Group and members' })).toBeVisible();
  // Dates follow the language: the sidebar shows the programme period in English.
  await expect(page.getByRole('complementary')).toContainText('1 September 2026 – 28 February 2027');

  await page.getByRole('button', { name: 'Settings and about' }).click();
  await page.locator('.radio', { hasText: 'Follow the operating system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Asetukset ja tiedot' })).toBeVisible();
  await expect(page.getByRole('complementary')).toContainText('1.9.2026 – 28.2.2027');
});

test('the whole set-up can be done with the keyboard alone', async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Perustetaan vertaisryhmä' })).toBeVisible();
  await page.keyboard.press('Tab'); // language: Suomi
  await page.keyboard.press('Tab'); // programme name
  await expect(page.getByLabel('Ohjelman nimi')).toBeFocused();
  await page.keyboard.type('Näppäimistöryhmä');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Virasto');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Fasilitaattori Öljymäki');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01092026');
  await page.keyboard.press('Tab'); // the calendar button is out of the Tab order (Alt+Down opens it)
  await page.keyboard.type('28022027');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Seuraava' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Jäsenet' })).toBeVisible();
  await page.getByLabel('Nimi', { exact: true }).focus();
  await page.keyboard.type('Eeva Ärrä');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Eeva Ärrä')).toBeVisible();
  await expect(page.getByLabel('Nimi', { exact: true })).toBeFocused();
  const create = page.getByRole('button', { name: 'Perusta ryhmä' });
  await create.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ryhmä ja jäsenet' })).toBeVisible();
  await expect(page.getByText('1 jäsen', { exact: true })).toBeVisible();
});
