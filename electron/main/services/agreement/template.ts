import type { AgreementLanguage, GoalKind, MeetingFormat, Practicalities } from '@shared/domain';

/**
 * The starter template: a reasonable first draft for the facilitator to bring to the first meeting,
 * where the group edits it. Written for this app from the domain brief; nothing here is binding.
 */
export interface StarterTemplate {
  goals: { kind: GoalKind; text: string }[];
  rules: string[];
  practicalities: Practicalities;
  plan: { theme: string; format: MeetingFormat; place: string }[];
}

const fi: StarterTemplate = {
  goals: [
    { kind: 'organisation', text: 'Työhyvinvoinnin tukeminen: osallistujat saavat ryhmästä voimia ja keinoja arjen kuormitukseen.' },
    { kind: 'organisation', text: 'Työssäoppiminen: opimme toistemme kokemuksista ja hyvistä käytännöistä.' },
    { kind: 'member', text: 'Saan vertaisilta uusia näkökulmia omiin työtilanteisiini.' },
    { kind: 'member', text: 'Minulla on paikka, jossa voin pysähtyä ja purkaa ajatuksiani luottamuksellisesti.' },
    { kind: 'group', text: 'Jokainen vie jokaisesta tapaamisesta mukanaan ainakin yhden käytännön idean.' },
  ],
  rules: [
    'Luottamus ensin: ryhmässä puhuttu jää ryhmään.',
    'Puhumme asioista, emme ihmisistä.',
    'Arvostamme toisiamme emmekä arvostele.',
    'Keskitymme siihen, mihin voimme itse vaikuttaa.',
    'Jokainen kertoo vain sen verran kuin itsestä tuntuu hyvältä. Myös hiljaa saa olla.',
    'Olemme ryhmässä tasavertaisia: kukaan ei ole asiantuntija muiden puolesta.',
    'Pidämme ilmapiirin ratkaisukeskeisenä ja myönteisenä.',
  ],
  practicalities: {
    duration: 'Ohjelman ajan, noin puoli vuotta',
    meetingFrequency: 'Noin kerran kuukaudessa, yhteensä kuusi tapaamista',
    meetingMinutes: 120,
    workingTime: 'Tapaamiset pidetään työaikana.',
    costs: 'Työnantaja maksaa tapaamisten kahvit ja mahdolliset tilavuokrat.',
    contact: 'Tapaamisten välillä voimme olla yhteydessä sähköpostilla tai puhelimella tarpeen mukaan.',
    tasks: 'Jokainen voi pitää omaa oppimispäiväkirjaa. Välitehtävistä sovitaan tapaamisissa.',
    confidentiality:
      'Sitoudumme siihen, että ryhmässä kuullut asiat, kokemukset ja nimet eivät kulje ryhmän ulkopuolelle. Johdolle raportoidaan vain yhdessä sovitut asiat.',
  },
  plan: [
    { theme: 'Tutustuminen, tavoitteet ja sopimuksen läpikäynti', format: 'office', place: '' },
    { theme: 'Työhyvinvointi ja oma jaksaminen', format: 'cafe', place: '' },
    { theme: 'Vuorovaikutus ja vaikeat keskustelut', format: 'walking', place: '' },
    { theme: 'Muutokset työssä', format: 'lunch', place: '' },
    { theme: 'Onnistumiset ja hyvät käytännöt', format: 'remote', place: '' },
    { theme: 'Mitä opimme? Arviointi ja jatko', format: 'office', place: '' },
  ],
};

const en: StarterTemplate = {
  goals: [
    { kind: 'organisation', text: 'Support well-being at work: members gain energy and ways to handle the load of everyday work.' },
    { kind: 'organisation', text: 'On-the-job learning: we learn from one another’s experience and good practices.' },
    { kind: 'member', text: 'I get fresh perspectives from my peers on situations in my own work.' },
    { kind: 'member', text: 'I have a place to pause and think things through in confidence.' },
    { kind: 'group', text: 'Each of us takes at least one practical idea away from every meeting.' },
  ],
  rules: [
    'Trust first: what is said in the group stays in the group.',
    'We talk about issues, not about people.',
    'We appreciate each other and do not criticise.',
    'We focus on what we can influence ourselves.',
    'Everyone shares only as much as feels right. It is fine to stay silent.',
    'We are all equals here: nobody is the expert for the others.',
    'We keep the atmosphere solution-focused and positive.',
  ],
  practicalities: {
    duration: 'For the programme, about six months',
    meetingFrequency: 'About once a month, six meetings in all',
    meetingMinutes: 120,
    workingTime: 'Meetings take place during working time.',
    costs: 'The employer pays for coffee at the meetings and any room hire.',
    contact: 'Between meetings we can reach each other by email or phone as needed.',
    tasks: 'Everyone may keep a learning diary. Between-meeting tasks are agreed in the meetings.',
    confidentiality:
      'We commit to keeping what we hear in the group, our experiences and names, inside the group. Only what we agree on together is reported to management.',
  },
  plan: [
    { theme: 'Getting to know each other, goals and the agreement', format: 'office', place: '' },
    { theme: 'Well-being at work and coping', format: 'cafe', place: '' },
    { theme: 'Communication and difficult conversations', format: 'walking', place: '' },
    { theme: 'Change at work', format: 'lunch', place: '' },
    { theme: 'Successes and good practices', format: 'remote', place: '' },
    { theme: 'What did we learn? Evaluation and next steps', format: 'office', place: '' },
  ],
};

export const STARTER_TEMPLATES: Record<AgreementLanguage, StarterTemplate> = { fi, en };

/**
 * Spreads `count` meetings over the programme's months, first month to last, as `YYYY-MM`.
 * A short programme gets some months twice; the days are left open for the group to fix.
 */
export function spreadMonths(startDate: string, endDate: string, count: number): string[] {
  const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const first = monthIndex(startDate);
  const span = monthIndex(endDate) - first;
  return Array.from({ length: count }, (_, i) => {
    const index = first + (count === 1 ? 0 : Math.round((i * span) / (count - 1)));
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
