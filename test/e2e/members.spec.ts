import { apiCall, expect, SEED, seedGroup, test } from './fixtures';

test.use({ locale: 'fi-FI' });

test('members are added, edited in place, marked as left and removed; all of it survives a restart', async ({ page, app }) => {
  await seedGroup(page, app);
  await expect(page.getByText('4 jäsentä')).toBeVisible();

  // Add: the name field takes focus again for the next member.
  const addForm = page.getByRole('form', { name: 'Uusi jäsen' });
  await addForm.getByLabel('Nimi', { exact: true }).fill('Aino Väänänen');
  await addForm.getByLabel('Sähköposti').fill('aino@example.fi');
  await addForm.getByRole('button', { name: 'Lisää jäsen' }).click();
  const aino = page.getByRole('region', { name: 'Jäsen Aino Väänänen' });
  await expect(aino).toBeVisible();
  await expect(addForm.getByLabel('Nimi', { exact: true })).toBeFocused();
  await expect(page.getByText('5 jäsentä')).toBeVisible();

  // Edit in place: saved automatically, and the indicator says so.
  const sari = page.getByRole('region', { name: 'Jäsen Sari Järvinen' });
  await sari.getByLabel('Rooli tai tehtävä').fill('Ryhmäpäällikkö');
  await expect(sari.getByRole('status')).toHaveText(/Tallennettu/);

  // An invalid edit is not saved, and says why at the field.
  await sari.getByLabel('Sähköposti').fill('ei-osoite');
  await expect(sari.getByText('Tarkista sähköpostiosoite', { exact: false })).toBeVisible();
  await expect(sari.getByRole('status')).toHaveText(/Korjaa merkitty kenttä/);
  await sari.getByLabel('Sähköposti').fill('sari@example.fi');
  await expect(sari.getByRole('status')).toHaveText(/Tallennettu/);

  // Mark as left: moves to the list of those who have left.
  const jukka = page.getByRole('region', { name: 'Jäsen Jukka Kärkkäinen' });
  await jukka.getByRole('button', { name: 'Merkitse lähteneeksi' }).click();
  await expect(page.getByRole('heading', { name: 'Ryhmästä lähteneet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jäsen Jukka Kärkkäinen' }).getByText(/^Lähtenyt /)).toBeVisible();
  await expect(page.getByText('4 jäsentä')).toBeVisible();

  // Remove asks first; Cancel keeps the member; Remove removes.
  await aino.getByRole('button', { name: 'Poista jäsen' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Poistetaanko Aino Väänänen?');
  await dialog.getByRole('button', { name: 'Peruuta' }).click();
  await expect(aino).toBeVisible();
  await aino.getByRole('button', { name: 'Poista jäsen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Poista' }).click();
  await expect(aino).toHaveCount(0);

  // Restart browser mode on the same data folder: everything is where it was.
  await app.restart();
  await expect(page.getByText('3 jäsentä')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jäsen Sari Järvinen' }).getByLabel('Rooli tai tehtävä')).toHaveValue('Ryhmäpäällikkö');
  await expect(page.getByRole('region', { name: 'Jäsen Sari Järvinen' }).getByLabel('Sähköposti')).toHaveValue('sari@example.fi');
  await expect(page.getByRole('region', { name: 'Jäsen Jukka Kärkkäinen' }).getByText(/^Lähtenyt /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jäsen Aino Väänänen' })).toHaveCount(0);
  await expect(page.getByLabel('Ohjelman nimi')).toHaveValue(SEED.programme.name);

  const list = await apiCall(page, 'members.list');
  expect(list.ok && (list.value as unknown[]).length).toBe(4);
});

test('programme details autosave while typing and survive a restart', async ({ page, app }) => {
  await seedGroup(page, app);
  const programme = page.getByRole('region', { name: 'Ohjelma' });
  await programme.getByLabel('Ohjelman nimi').fill('Vertaisryhmä syksy–kevät');
  await expect(programme.getByRole('status')).toHaveText(/Tallennettu/);
  await expect(page.getByRole('complementary')).toContainText('Vertaisryhmä syksy–kevät');

  // Clearing a required field is refused at the field; what was saved stays saved.
  await programme.getByLabel('Fasilitaattori').fill('');
  await expect(programme.getByText('Tämä tieto on pakollinen.')).toBeVisible();
  await app.restart();
  await expect(page.getByLabel('Ohjelman nimi')).toHaveValue('Vertaisryhmä syksy–kevät');
  await expect(page.getByLabel('Fasilitaattori')).toHaveValue(SEED.programme.facilitatorName);
});
