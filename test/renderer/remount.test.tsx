import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, Agreement, DecisionFields, MeetingDetail, Member, NamedResponse, Programme, Questionnaire, Survey, SummarySettings } from '@shared/domain';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { useAgreementStore } from '../../renderer/src/features/agreement/store';
import { useFeedbackStore } from '../../renderer/src/features/feedback/store';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { useSummaryStore } from '../../renderer/src/features/summary/store';
import { flushAll } from '../../renderer/src/lib/saveRegistry';
import { installRealBackend, SETUP, type RealBackend } from './harness';

/**
 * One regression test per autosaved field (the list comes from `useAutosave` in the features, plus
 * the add-forms and answer forms whose typed text must not vanish either). Each types, remounts the
 * view (another section and back, meeting view ↔ meeting mode, another tab and back), checks that
 * the field shows everything typed, types more, and checks the database holds all of it.
 *
 * The backend answers after a short delay, as IPC and a durable write do, and `fast` clicks without
 * pauses: so "remount while a save of the same field is still on its way" really happens.
 */
const LATENCY_MS = 30;
let real: RealBackend;
let m1: number;
let m2: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const meeting = (id: number) => dispatch<MeetingDetail>('meetings.get', { id });

beforeEach(() => {
  for (const store of [useAppStore, useMeetingsStore, useMembersStore, useAgreementStore, useFeedbackStore, useSummaryStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  real = installRealBackend({ latencyMs: LATENCY_MS });
  dispatch('programme.setup', SETUP);
  const plan = (plannedDate: string, plannedTheme: string) =>
    dispatch<{ id: number }>('plan.add', { plannedDate, plannedMonth: null, plannedTheme, place: '', format: null }).id;
  m1 = plan('2026-09-15', 'Tutustuminen');
  m2 = plan('2026-10-13', 'Työhyvinvointi');
});

afterEach(async () => {
  cleanup();
  await act(() => flushAll());
  await new Promise((done) => setTimeout(done, LATENCY_MS * 3));
  real.dispose();
});

const user = () => userEvent.setup();
/** Clicks and types with no pause in between: nothing the backend answers can arrive meanwhile. */
const fast = () => userEvent.setup({ delay: null });

async function openApp() {
  render(<App />);
  await screen.findByRole('navigation', { name: 'Päävalikko' });
}

const go = (u: ReturnType<typeof userEvent.setup>, section: string) =>
  u.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name: section }));

/** Waits for the quiet indicator inside `container` to say the text is stored. */
const saved = (container: HTMLElement) =>
  waitFor(() => expect(within(container).getByRole('status')).toHaveTextContent('Tallennettu'), { timeout: 4000 });

const region = (name: string | RegExp) => screen.getByRole('region', { name });
const box = (name: string | RegExp, container: HTMLElement = document.body) => within(container).getByRole('textbox', { name });
const row = (field: HTMLElement) => field.closest('li') as HTMLElement;

async function openMeeting(u: ReturnType<typeof userEvent.setup>, number: number) {
  await go(u, 'Tapaamiset');
  await u.click(await screen.findByRole('button', { name: `Avaa tapaaminen ${number}` }));
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^Tapaaminen ${number}`) });
}

const startMode = (u: ReturnType<typeof userEvent.setup>) => u.click(screen.getByRole('button', { name: 'Aloita tapaamistila' }));
const exitMode = (u: ReturnType<typeof userEvent.setup>) => u.click(screen.getByRole('button', { name: 'Lopeta tapaamistila' }));
const step = (u: ReturnType<typeof userEvent.setup>, name: RegExp) => u.click(screen.getByRole('tab', { name }));

describe('meetings: every field survives meeting view ↔ meeting mode and step switches', { timeout: 30_000 }, () => {
  it('notes', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    const notes = () => box(/^Muistiinpanot/);
    await u.type(notes(), 'Ensimmäinen tärkeä asia');
    await saved(region('Muistiinpanot'));
    await startMode(u);
    await step(u, /Teema/);
    expect(notes()).toHaveValue('Ensimmäinen tärkeä asia');
    await u.type(notes(), ' ja lisää');
    await step(fast(), /Alkukierros/);
    await step(fast(), /Teema/);
    expect(notes()).toHaveValue('Ensimmäinen tärkeä asia ja lisää');
    await u.type(notes(), ' vielä');
    await exitMode(fast());
    expect(notes()).toHaveValue('Ensimmäinen tärkeä asia ja lisää vielä');
    await u.type(notes(), '.');
    await saved(region('Muistiinpanot'));
    expect(meeting(m1).notes).toBe('Ensimmäinen tärkeä asia ja lisää vielä.');
  });

  it('reason for an absence', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    await u.click(within(screen.getByRole('radiogroup', { name: 'Sari Järvinen' })).getByRole('radio', { name: 'Poissa' }));
    const reason = () => box(/^Poissaolon syy/);
    await u.type(await screen.findByRole('textbox', { name: /^Poissaolon syy/ }), 'Koulutuspäivä');
    await saved(region('Läsnäolo'));
    await startMode(u);
    expect(reason()).toHaveValue('Koulutuspäivä');
    await u.type(reason(), ' Tampereella');
    await exitMode(fast());
    expect(reason()).toHaveValue('Koulutuspäivä Tampereella');
    await u.type(reason(), ' (sovittu)');
    await saved(region('Läsnäolo'));
    expect(meeting(m1).attendance.find((a) => !a.present)?.absenceReason).toBe('Koulutuspäivä Tampereella (sovittu)');
  });

  it('details: place', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    const place = () => box(/^Paikka/, region('Perustiedot'));
    await u.type(place(), 'Kahvila Pörssi');
    await saved(region('Perustiedot'));
    await u.click(screen.getByRole('button', { name: /Kaikki tapaamiset/ }));
    await u.click(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' }));
    expect(await screen.findByRole('textbox', { name: /^Paikka/ })).toHaveValue('Kahvila Pörssi');
    await u.type(place(), ', yläkerta');
    await go(fast(), 'Ryhmä ja jäsenet');
    await go(fast(), 'Tapaamiset'); // the main menu opens the list (issue 11), so the meeting is opened again
    await fast().click(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' }));
    expect(await screen.findByRole('textbox', { name: /^Paikka/ })).toHaveValue('Kahvila Pörssi, yläkerta');
    await u.type(place(), '.');
    await saved(region('Perustiedot'));
    expect(meeting(m1).place).toBe('Kahvila Pörssi, yläkerta.');
  });

  it('next meeting: theme', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    const theme = () => box(/^Seuraavan tapaamisen teema/);
    await u.clear(theme());
    await u.type(theme(), 'Palaute ja jaksaminen');
    await saved(region('Seuraava tapaaminen'));
    await startMode(u);
    await step(u, /Seuraava tapaaminen/);
    expect(theme()).toHaveValue('Palaute ja jaksaminen');
    await u.type(theme(), ' kahvilassa');
    await exitMode(fast());
    expect(theme()).toHaveValue('Palaute ja jaksaminen kahvilassa');
    await u.type(theme(), '!');
    await saved(region('Seuraava tapaaminen'));
    expect(meeting(m2).plannedTheme).toBe('Palaute ja jaksaminen kahvilassa!');
  });

  it('between-meeting task: edited text', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    await u.type(box(/^Lisää välitehtävä/), 'Lue artikkeli{Enter}');
    const task = () => box(/^Välitehtävä/);
    await waitFor(() => expect(task()).toHaveValue('Lue artikkeli'));
    await u.type(task(), ' palautteesta');
    await saved(row(task()));
    await startMode(u);
    await step(u, /Toimet ja välitehtävät/);
    expect(task()).toHaveValue('Lue artikkeli palautteesta');
    await u.type(task(), ' ja kokeile');
    await step(fast(), /Alkukierros/);
    await step(fast(), /Toimet ja välitehtävät/);
    expect(task()).toHaveValue('Lue artikkeli palautteesta ja kokeile');
    await u.type(task(), '.');
    await saved(row(task()));
    expect(meeting(m1).tasks.map((t) => t.text)).toEqual(['Lue artikkeli palautteesta ja kokeile.']);
  });

  it('idea to forward: edited text', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    await startMode(u);
    await step(u, /Eteenpäin vietävät/);
    await u.type(box(/^Lisää asia/), 'Perehdytyspäivä{Enter}');
    const idea = () => box(/^Asia johdolle/);
    await waitFor(() => expect(idea()).toHaveValue('Perehdytyspäivä'));
    await u.type(idea(), ' uusille esihenkilöille');
    await saved(row(idea()));
    await step(u, /Teema/);
    await step(u, /Eteenpäin vietävät/);
    expect(idea()).toHaveValue('Perehdytyspäivä uusille esihenkilöille');
    await u.type(idea(), ' keväällä');
    await exitMode(fast());
    expect(idea()).toHaveValue('Perehdytyspäivä uusille esihenkilöille keväällä');
    await u.type(idea(), '.');
    await saved(row(idea()));
    expect(meeting(m1).ideas.map((i) => i.text)).toEqual(['Perehdytyspäivä uusille esihenkilöille keväällä.']);
  });

  it('agreed action: text, owner and due date are editable and survive the switch', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    const add = screen.getByRole('form', { name: 'Lisää toimi' });
    await u.type(within(add).getByRole('textbox', { name: /^Mitä/ }), 'Kokeillaan kävelypalaveria{Enter}');
    const action = () => region('Toimi 1');
    const text = () => box(/^Mitä/, action());
    await waitFor(() => expect(text()).toHaveValue('Kokeillaan kävelypalaveria'));
    await u.type(text(), ' omassa tiimissä');
    await u.click(within(action()).getByRole('button', { name: /Kuka/ }));
    await u.click(await screen.findByRole('option', { name: 'Sari Järvinen' }));
    await u.click(within(within(action()).getAllByRole('group', { name: /^Mihin mennessä/ })[0]!).getAllByRole('spinbutton')[0]!);
    await u.keyboard('30092026');
    await saved(action());
    await startMode(u);
    await step(u, /Toimet ja välitehtävät/);
    expect(text()).toHaveValue('Kokeillaan kävelypalaveria omassa tiimissä');
    await u.type(text(), ' ja kerrotaan');
    await exitMode(fast());
    expect(text()).toHaveValue('Kokeillaan kävelypalaveria omassa tiimissä ja kerrotaan');
    expect(within(action()).getByRole('button', { name: /Kuka/ })).toHaveTextContent('Sari Järvinen');
    await u.type(text(), '.');
    await saved(action());
    const [stored] = meeting(m1).actions;
    const sari = dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')!;
    expect(stored).toMatchObject({ text: 'Kokeillaan kävelypalaveria omassa tiimissä ja kerrotaan.', ownerMemberId: sari.id, dueDate: '2026-09-30' });
  });

  it('review outcome of a carried-over action', async () => {
    const action = dispatch<Action>('actions.add', { meetingId: m1, text: 'Luetaan artikkeli', ownerMemberId: null, dueDate: null });
    const u = user();
    await openApp();
    await openMeeting(u, 2);
    const review = () => region('Aiemmista tapaamisista avoimiksi jääneet toimet');
    await fast().click(within(within(review()).getByRole('group', { name: 'Luetaan artikkeli' })).getByRole('button', { name: 'Tehty' }));
    await startMode(fast());
    await step(u, /Toimet ja välitehtävät/);
    await waitFor(() => expect(within(within(review()).getByRole('group', { name: 'Luetaan artikkeli' })).getByRole('button', { name: 'Tehty' })).toBeDisabled());
    expect(meeting(m2).carriedOver.find((a) => a.id === action.id)).toMatchObject({ status: 'done', reviewedInId: m2 });
  });

  it('themes: a half-typed theme survives a step switch, and an added one shows in both views', async () => {
    const u = user();
    await openApp();
    await openMeeting(u, 1);
    await startMode(u);
    await step(u, /Teema/);
    await u.type(screen.getByRole('textbox', { name: 'Teema' }), 'Muutosjohtaminen');
    await step(fast(), /Alkukierros/);
    await step(fast(), /Teema/);
    expect(screen.getByRole('textbox', { name: 'Teema' })).toHaveValue('Muutosjohtaminen');
    await u.type(screen.getByRole('textbox', { name: 'Teema' }), ' ja jaksaminen{Enter}');
    await exitMode(fast());
    expect(await screen.findByRole('list', { name: 'Käsitellyt teemat' })).toHaveTextContent('Muutosjohtaminen ja jaksaminen');
    await waitFor(() => expect(meeting(m1).themes.map((t) => t.name)).toEqual(['Muutosjohtaminen ja jaksaminen']));
  });
});

describe('agreement: every field survives a tab switch and leaving the page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    dispatch('agreement.start', { template: 'fi' });
  });

  it('practicalities', async () => {
    const u = user();
    await openApp();
    await go(u, 'Sopimus');
    const card = () => region('Käytännön järjestelyt');
    const duration = () => box(/^Kesto/, card());
    await u.clear(await screen.findByRole('textbox', { name: /^Kesto/ }));
    await u.type(duration(), 'Syyskuu–helmikuu');
    await saved(card());
    await u.click(screen.getByRole('tab', { name: 'Versiot ja hyväksyntä' }));
    await u.click(screen.getByRole('tab', { name: 'Luonnos' }));
    expect(duration()).toHaveValue('Syyskuu–helmikuu');
    await u.type(duration(), ', kuusi tapaamista');
    await go(fast(), 'Ryhmä ja jäsenet');
    await go(fast(), 'Sopimus');
    expect(duration()).toHaveValue('Syyskuu–helmikuu, kuusi tapaamista');
    await u.type(duration(), '.');
    await saved(card());
    expect(dispatch<Agreement>('agreement.get').practicalities.duration).toBe('Syyskuu–helmikuu, kuusi tapaamista.');
  });

  it.each([
    ['ground rule', 'Pelisääntö 1', (a: Agreement) => a.rules[0]?.text],
    ['goal', 'Ryhmän tavoite 1', (a: Agreement) => a.goals.find((g) => g.kind === 'group')?.text],
  ])('%s', async (_name, label, read) => {
    const before = read(dispatch<Agreement>('agreement.get'))!;
    const u = user();
    await openApp();
    await go(u, 'Sopimus');
    const field = () => box(label);
    await u.type(await screen.findByRole('textbox', { name: label }), ' Aina.');
    await saved(row(field()));
    await u.click(screen.getByRole('tab', { name: 'Vertaa versioita' }));
    await u.click(screen.getByRole('tab', { name: 'Luonnos' }));
    expect(field()).toHaveValue(`${before} Aina.`);
    await u.type(field(), ' Joka kerta.');
    await go(fast(), 'Tapaamiset');
    await go(fast(), 'Sopimus');
    expect(field()).toHaveValue(`${before} Aina. Joka kerta.`);
    await u.type(field(), '!');
    await saved(row(field()));
    expect(read(dispatch<Agreement>('agreement.get'))).toBe(`${before} Aina. Joka kerta.!`);
  });

  it('plan row: place', async () => {
    const u = user();
    await openApp();
    await go(u, 'Sopimus');
    const planRow = () => region('1. tapaaminen');
    const place = () => box(/^Paikka/, planRow());
    await u.type(within(await screen.findByRole('region', { name: '1. tapaaminen' })).getByRole('textbox', { name: /^Paikka/ }), 'Neuvotteluhuone Kuusi');
    await saved(planRow());
    await u.click(screen.getByRole('tab', { name: 'Tulosta ja vie' }));
    await u.click(screen.getByRole('tab', { name: 'Luonnos' }));
    expect(place()).toHaveValue('Neuvotteluhuone Kuusi');
    await u.type(place(), ', 2. krs');
    await go(fast(), 'Ryhmä ja jäsenet');
    await go(fast(), 'Sopimus');
    expect(place()).toHaveValue('Neuvotteluhuone Kuusi, 2. krs');
    await u.type(place(), '.');
    await saved(planRow());
    expect(meeting(m1).place).toBe('Neuvotteluhuone Kuusi, 2. krs.');
  });
});

describe('a store older than the database', { timeout: 30_000 }, () => {
  it("the agreement's plan shows a meeting moved in the meeting view, and saves on top of it", async () => {
    dispatch('agreement.start', { template: null });
    const u = user();
    await openApp();
    await go(u, 'Sopimus'); // the agreement's store now holds the plan as it was
    await screen.findByRole('region', { name: '1. tapaaminen' });
    await openMeeting(u, 1);
    await u.type(box(/^Paikka/, region('Perustiedot')), 'Kahvila Pörssi');
    await go(fast(), 'Sopimus');
    const place = () => box(/^Paikka/, region('1. tapaaminen'));
    await waitFor(() => expect(place()).toHaveValue('Kahvila Pörssi'));
    await u.type(place(), ', yläkerta');
    await saved(region('1. tapaaminen'));
    expect(meeting(m1).place).toBe('Kahvila Pörssi, yläkerta');
  });
});

describe('feedback: every field survives a tab switch', { timeout: 30_000 }, () => {
  const tab = (u: ReturnType<typeof userEvent.setup>, name: string) => u.click(screen.getByRole('tab', { name }));

  it('question wording', async () => {
    const u = user();
    await openApp();
    await go(u, 'Palaute ja arviointi');
    await u.click(await screen.findByRole('button', { name: 'Muokkaa kysymyksiä' }));
    const wording = () => screen.getAllByRole('textbox', { name: /^Oma muotoilu kysymykselle/ })[0]!;
    await u.type(wording(), 'Oliko tapaaminen hyödyllinen');
    await saved(row(wording()));
    await tab(u, 'Hyvinvoinnin itsearviointi');
    await tab(u, 'Palautekierrokset');
    await u.click(await screen.findByRole('button', { name: 'Muokkaa kysymyksiä' }));
    expect(wording()).toHaveValue('Oliko tapaaminen hyödyllinen');
    await u.type(wording(), ' sinulle');
    const f = fast();
    await tab(f, 'Loppuarviointi');
    await tab(f, 'Palautekierrokset');
    await f.click(screen.getByRole('button', { name: 'Muokkaa kysymyksiä' }));
    expect(wording()).toHaveValue('Oliko tapaaminen hyödyllinen sinulle');
    await u.type(wording(), '?');
    await saved(row(wording()));
    expect(dispatch<Questionnaire>('feedback.questions', { instrument: 'round' }).questions[0]?.text).toBe('Oliko tapaaminen hyödyllinen sinulle?');
  });

  it('named answers of a feedback round (an open answer)', async () => {
    const u = user();
    await openApp();
    await go(u, 'Palaute ja arviointi');
    await u.click(await screen.findByRole('button', { name: 'Aloita kierros – tapaaminen 1' }));
    await u.click(await screen.findByText('Fasilitaattori kirjaa'));
    await u.click(screen.getByRole('button', { name: 'Aloita' }));
    await u.click(await screen.findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' }));
    const keep = () => box('Yksi asia, joka kannattaa säilyttää');
    await u.type(await screen.findByRole('textbox', { name: 'Yksi asia, joka kannattaa säilyttää' }), 'Hyvä tahti');
    const f = fast();
    await tab(f, 'Hyvinvoinnin itsearviointi');
    await tab(f, 'Palautekierrokset');
    await u.click(await screen.findByRole('button', { name: 'Avaa kierros – tapaaminen 1' }));
    await u.click(await screen.findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' }));
    expect(await screen.findByRole('textbox', { name: 'Yksi asia, joka kannattaa säilyttää' })).toHaveValue('Hyvä tahti');
    await u.type(keep(), ' ja avoimuus');
    await u.click(screen.getByRole('button', { name: 'Tallenna vastaukset' }));
    await screen.findByRole('button', { name: 'Korjaa vastauksia: Sari Järvinen' });
    const [survey] = dispatch<Survey[]>('feedback.surveys', { instrument: 'round' });
    const sari = dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')!;
    const response = dispatch<NamedResponse>('feedback.response', { surveyId: survey!.id, memberId: sari.id });
    expect(response.answers.map((a) => a.text)).toContain('Hyvä tahti ja avoimuus');
  });

  it.each([
    ['self-check', 'Hyvinvoinnin itsearviointi', 'Itsearviointi ohjelman alussa', 'selfcheck', /^Tiedänkö\? /, '7'],
    ['final evaluation', 'Loppuarviointi', 'Pilotin loppuarviointi', 'evaluation', 'Ohjelma tuki työhyvinvointiani.', '4'],
  ] as const)('named answers of the %s (a scale answer)', async (_name, tabName, panelName, instrument, question, score) => {
    const u = user();
    await openApp();
    await go(u, 'Palaute ja arviointi');
    await tab(u, tabName);
    const panel = () => screen.getByRole('region', { name: panelName });
    await u.click(await within(await screen.findByRole('region', { name: panelName })).findByText('Fasilitaattori kirjaa'));
    await u.click(within(panel()).getByRole('button', { name: 'Aloita' }));
    await u.click(await within(panel()).findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' }));
    const choice = () => within(screen.getByRole('radiogroup', { name: question })).getByRole('radio', { name: score });
    await screen.findByRole('radiogroup', { name: question });
    await u.click(choice());
    const f = fast();
    await tab(f, 'Palautekierrokset');
    await tab(f, tabName);
    await u.click(await within(panel()).findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' }));
    await screen.findByRole('radiogroup', { name: question });
    expect(choice()).toBeChecked();
    await u.click(within(panel()).getByRole('button', { name: 'Tallenna vastaukset' }));
    await within(panel()).findByRole('button', { name: 'Korjaa vastauksia: Sari Järvinen' });
    const survey = dispatch<Survey[]>('feedback.surveys', { instrument }).find((s) => s.phase === (instrument === 'selfcheck' ? 'start' : null))!;
    const sari = dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')!;
    const response = dispatch<NamedResponse>('feedback.response', { surveyId: survey.id, memberId: sari.id });
    expect(response.answers.map((a) => a.score)).toContain(Number(score));
  });

  it('decision record: rationale', async () => {
    const u = user();
    await openApp();
    await go(u, 'Palaute ja arviointi');
    await tab(u, 'Loppuarviointi');
    const card = () => region('Päätös jatkosta');
    const rationale = () => box('Perustelu', card());
    await u.type(await within(await screen.findByRole('region', { name: 'Päätös jatkosta' })).findByRole('textbox', { name: 'Perustelu' }), 'Ryhmä haluaa jatkaa');
    await saved(card());
    await tab(u, 'Palautekierrokset');
    await tab(u, 'Loppuarviointi');
    expect(await within(await screen.findByRole('region', { name: 'Päätös jatkosta' })).findByRole('textbox', { name: 'Perustelu' })).toHaveValue(
      'Ryhmä haluaa jatkaa',
    );
    await u.type(rationale(), ' kuukausittain');
    const f = fast();
    await tab(f, 'Hyvinvoinnin itsearviointi');
    await tab(f, 'Loppuarviointi');
    expect(await within(await screen.findByRole('region', { name: 'Päätös jatkosta' })).findByRole('textbox', { name: 'Perustelu' })).toHaveValue(
      'Ryhmä haluaa jatkaa kuukausittain',
    );
    await u.type(rationale(), '.');
    await saved(card());
    expect(dispatch<DecisionFields>('evaluation.decision').rationale).toBe('Ryhmä haluaa jatkaa kuukausittain.');
  });
});

describe('summary, programme and members', { timeout: 30_000 }, () => {
  it("summary's conclusions and settings", async () => {
    const u = user();
    await openApp();
    await go(u, 'Yhteenveto johdolle');
    const card = () => region('Mitä yhteenveto sisältää');
    const conclusions = () => box(/^Johtopäätökset ja suositus/, card());
    await u.type(await screen.findByRole('textbox', { name: /^Johtopäätökset ja suositus/ }), 'Ohjelma kannatti');
    await saved(card());
    await go(u, 'Ryhmä ja jäsenet');
    await go(u, 'Yhteenveto johdolle');
    expect(await screen.findByRole('textbox', { name: /^Johtopäätökset ja suositus/ })).toHaveValue('Ohjelma kannatti');
    await u.type(conclusions(), ' ja sitä jatketaan');
    await u.click(within(card()).getByRole('checkbox', { name: 'Teemat' }));
    await go(fast(), 'Asetukset ja tiedot');
    await go(fast(), 'Yhteenveto johdolle');
    expect(conclusions()).toHaveValue('Ohjelma kannatti ja sitä jatketaan');
    expect(within(card()).getByRole('checkbox', { name: 'Teemat' })).not.toBeChecked();
    await u.type(conclusions(), '.');
    await saved(card());
    const settings = dispatch<SummarySettings>('summary.settings');
    expect(settings.conclusions).toBe('Ohjelma kannatti ja sitä jatketaan.');
    expect(settings.sections.themes).toBe(false);
  });

  it('programme: the group page and the agreement show the same text', async () => {
    dispatch('agreement.start', { template: null });
    const u = user();
    await openApp();
    const organisation = () => box(/^Organisaatio/, region('Ohjelma'));
    await u.type(organisation(), ' / HR');
    await saved(region('Ohjelma'));
    await go(u, 'Sopimus');
    expect(await screen.findByRole('textbox', { name: /^Organisaatio/ })).toHaveValue('Ulosottolaitos / HR');
    await u.type(organisation(), ' ja työterveys');
    await go(fast(), 'Ryhmä ja jäsenet');
    expect(organisation()).toHaveValue('Ulosottolaitos / HR ja työterveys');
    await u.type(organisation(), '.');
    await saved(region('Ohjelma'));
    expect(dispatch<Programme>('programme.get').organisation).toBe('Ulosottolaitos / HR ja työterveys.');
  });

  it("a member's role", async () => {
    const u = user();
    await openApp();
    const member = () => region('Jäsen Sari Järvinen');
    const role = () => box(/^Rooli tai tehtävä/, member());
    await screen.findByRole('region', { name: 'Jäsen Sari Järvinen' });
    await u.type(role(), 'Ryhmäpäällikkö');
    await saved(member());
    await go(u, 'Asetukset ja tiedot');
    await go(u, 'Ryhmä ja jäsenet');
    expect(await within(await screen.findByRole('region', { name: 'Jäsen Sari Järvinen' })).findByRole('textbox', { name: /^Rooli/ })).toHaveValue(
      'Ryhmäpäällikkö',
    );
    await u.type(role(), ', perintä');
    await go(fast(), 'Asetukset ja tiedot');
    await go(fast(), 'Ryhmä ja jäsenet');
    expect(role()).toHaveValue('Ryhmäpäällikkö, perintä');
    await u.type(role(), '.');
    await saved(member());
    expect(dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')?.role).toBe('Ryhmäpäällikkö, perintä.');
  });
});
