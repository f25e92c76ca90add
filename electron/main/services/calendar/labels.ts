import type { AgreementLanguage, MeetingFormat } from '@shared/domain';

/** The calendar file's own words, in the language chosen for the export. */
export interface CalendarLabels {
  locale: string;
  meeting: (number: number) => string;
  cancelled: (title: string) => string;
  ofProgramme: (programme: string, number: number) => string;
  format: (format: string) => string;
  length: (minutes: number) => string;
  tentative: (month: string) => string;
  formats: Record<MeetingFormat, string>;
  fileStem: string;
}

const hours = (minutes: number, h: string, min: string) => {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [whole > 0 ? `${whole} ${h}` : '', rest > 0 ? `${rest} ${min}` : ''].filter(Boolean).join(' ');
};

const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));

export const CALENDAR_LABELS: Record<AgreementLanguage, CalendarLabels> = {
  fi: {
    locale: 'fi-FI',
    meeting: (n) => `Vertaisryhmän tapaaminen ${n}`,
    cancelled: (title) => `Peruttu: ${title}`,
    ofProgramme: (programme, n) => `${programme}, tapaaminen ${n}.`,
    format: (format) => `Muoto: ${format}.`,
    length: (minutes) => `Kesto: ${hours(minutes, 't', 'min')}.`,
    tentative: (month) =>
      `Päivää ei ole vielä sovittu (suunniteltu kuukausi: ${monthName(month, 'fi-FI')}). Tapaaminen näkyy kuukauden ensimmäisenä arkipäivänä, kunnes päivä sovitaan.`,
    formats: { office: 'toimiston huone', cafe: 'kahvila', walking: 'kävelykokous', lunch: 'lounastapaaminen', remote: 'etänä', other: 'muu' },
    fileStem: 'tapaamiset',
  },
  en: {
    locale: 'en-GB',
    meeting: (n) => `Peer group meeting ${n}`,
    cancelled: (title) => `Cancelled: ${title}`,
    ofProgramme: (programme, n) => `${programme}, meeting ${n}.`,
    format: (format) => `Format: ${format}.`,
    length: (minutes) => `Length: ${hours(minutes, 'h', 'min')}.`,
    tentative: (month) =>
      `The day is still open: the meeting is planned for ${monthName(month, 'en-GB')}. It is shown on the month's first working day until the day is agreed.`,
    formats: { office: 'office room', cafe: 'café', walking: 'walking meeting', lunch: 'lunch meeting', remote: 'remote', other: 'other' },
    fileStem: 'meetings',
  },
};
