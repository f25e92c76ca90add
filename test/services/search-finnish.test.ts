import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '@shared/domain';
import { call, createTestBackend, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

/**
 * Finnish-aware search: a query finds the inflected forms of its words (Snowball Finnish stems in
 * the index beside the text, 0007), and a text with the word exactly as typed comes first.
 * Each pair: what a facilitator types, and a note (or action, task, idea) that says it in another form.
 */
const PAIRS: [query: string, text: string][] = [
  ['aamupalaveri', 'Sovittiin, että aamupalavereita pidetään jatkossa vain kahdesti viikossa.'],
  ['palaute', 'Keskusteltiin siitä, miten palautetta annetaan rakentavasti.'],
  ['palautteen', 'Ryhmä toivoi, että palaute kerätään nimettömänä.'],
  ['kehityskeskustelu', 'Kehityskeskusteluissa tavoitteet jäävät usein liian yleisiksi.'],
  ['kehityskeskusteluja', 'Valmistaudutaan kehityskeskusteluun yhdessä.'],
  ['esihenkilö', 'Uusien esihenkilöiden perehdytys on kesken.'],
  ['esihenkilöiden', 'Esihenkilö tarvitsee tukea muutoksessa.'],
  ['muutosjohtaminen', 'Muutosjohtamisesta puhuttiin koko tapaaminen.'],
  ['työhyvinvointi', 'Työhyvinvoinnista puhuttiin pitkään.'],
  ['ristiriitoja', 'Ristiriitaa ei tällä kertaa syntynyt.'],
  ['jaksaminen', 'Oma jaksamiseni on ollut koetuksella.'],
  ['työpaikka', 'Työpaikalla on ollut levotonta.'],
  ['työpaikalla', 'Työpaikan ilmapiiri on parantunut.'],
  ['etätyö', 'Etätyössä yhteydenpito jää vähäiseksi.'],
  ['etätyössä', 'Etätyö sopii osalle tiimistä hyvin.'],
  ['rekrytointi', 'Rekrytoinnissa kannattaa hyödyntää haastatteluparia.'],
  ['perehdytys', 'Perehdytyksestä tehdään yhteinen malli.'],
  ['tavoite', 'Tavoitteista sovittiin yhdessä ryhmän kanssa.'],
  ['tavoitteet', 'Jokaisella on oma tavoite tälle syksylle.'],
  ['kokous', 'Kokouksissa puhe keskittyy liikaa yhteen henkilöön.'],
  ['kokouksia', 'Viikon kokous lyhennetään puoleen tuntiin.'],
  ['asiakas', 'Asiakkaiden palautteesta nousi esiin odotusajat.'],
  ['asiakkaat', 'Vaikea asiakas vei koko aamupäivän.'],
  ['luottamus', 'Luottamuksen rakentaminen vie aikaa.'],
  ['luottamusta', 'Ryhmässä on vahva luottamus.'],
  ['sairauspoissaolo', 'Sairauspoissaolojen määrä on kasvanut keväällä.'],
  ['vuorovaikutus', 'Vuorovaikutuksessa korostui kuunteleminen.'],
  ['palkka', 'Palkkauksesta ei tässä ryhmässä puhuta, mutta palkasta kysyttiin.'],
  ['työvuoro', 'Työvuorojen suunnittelu vie paljon aikaa.'],
  ['työvuoroissa', 'Työvuorot julkaistaan kahta viikkoa aiemmin.'],
  ['lomat', 'Lomien suunnittelu aloitetaan jo tammikuussa.'],
  ['loma', 'Kesälomalla ei vastata sähköposteihin; loman jälkeen palaveri.'],
  ['päätös', 'Päätöksistä tiedotetaan koko henkilöstölle.'],
  ['päätöksiä', 'Päätös tehtiin yhdessä.'],
  ['kuormitus', 'Kuormituksen tasaamiseksi tehtiin lista.'],
  ['mentori', 'Mentorin tuki auttoi uuden roolin alussa.'],
];

/** Inflected forms that the stemmer does not bring together (t/d gradation), kept to show the limit. */
const KNOWN_MISSES: [string, string][] = [['ristiriita', 'Tiimin ristiriidoista on vaikea puhua.']];

let backend: TestBackend;
const search = (query: string) => call(backend, 'search.query', { query }) as SearchResult;

beforeAll(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  const texts = [...PAIRS, ...KNOWN_MISSES].map(([, text]) => text);
  texts.forEach((text, index) => {
    const meeting = call(backend, 'plan.add', { number: index + 1, plannedDate: null, plannedMonth: null, plannedTheme: '', place: '', format: null });
    // Notes, actions, tasks and ideas all reach the index through their own triggers.
    const kind = index % 4;
    if (kind === 0) call(backend, 'meetings.saveNotes', { id: meeting.id, notes: text });
    if (kind === 1) call(backend, 'actions.add', { meetingId: meeting.id, text, ownerMemberId: null, dueDate: null });
    if (kind === 2) call(backend, 'tasks.add', { meetingId: meeting.id, text });
    if (kind === 3) call(backend, 'ideas.add', { meetingId: meeting.id, text });
  });
}, 60_000);
afterAll(() => {
  backend.close();
  removeTempDirs();
});

describe('Finnish-aware search', () => {
  it(`finds the inflected form in each of ${PAIRS.length} query/text pairs`, () => {
    const missed = PAIRS.map(([query], index) => ({ query, number: index + 1 })).filter(
      ({ query, number }) => !search(query).groups.some((g) => g.number === number),
    );
    // recall over the pairs (reported by the test name and here when it fails)
    expect(missed.map((m) => m.query)).toEqual([]);
  });

  it('ranks a text with the word as typed before texts with another form of it, then by meeting', () => {
    // "palautteesta" as typed is in meeting 22; "palautetta" (2) and "palaute" (3) are other forms.
    expect(search('palautteesta').groups.map((g) => g.number)).toEqual([22, 2, 3]);
    // "kehityskeskusteluun" as typed (5), then "kehityskeskusteluissa" (4)
    expect(search('kehityskeskusteluun').groups.map((g) => g.number)).toEqual([5, 4]);
  });

  it('still finds a word by its beginning while it is being typed, and ANDs the words', () => {
    expect(search('aamupal').groups.map((g) => g.number)).toEqual([1]);
    expect(search('palautetta rakentavasti').groups.map((g) => g.number)).toEqual([2]);
    expect(search('palaute nimettömänä').groups.map((g) => g.number)).toEqual([3]);
  });

  it('does not join words that only look alike: "palaute" (feedback) does not find "palautuminen" (recovery)', () => {
    const meeting = call(backend, 'plan.add', { number: 90, plannedDate: null, plannedMonth: null, plannedTheme: '', place: '', format: null });
    call(backend, 'tasks.add', { meetingId: meeting.id, text: 'Palautuminen työpäivän jälkeen on tärkeää.' });
    expect(search('palaute').groups.map((g) => g.number)).not.toContain(90);
    expect(search('palautuminen').groups.map((g) => g.number)).toEqual([90]);
  });

  it("known limit: t/d gradation is not undone (ristiriita ~ ristiriidoista); the word's beginning still finds it", () => {
    expect(search('ristiriita').groups.map((g) => g.number)).not.toContain(PAIRS.length + 1);
    expect(search('ristirii').groups.map((g) => g.number)).toContain(PAIRS.length + 1);
  });
});
