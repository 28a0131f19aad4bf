import type { UnitKind } from '../orgImport/OrgDataset';

export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Susanne',
  'Lene',
  'Marianne',
  'Camilla',
  'Louise',
  'Pia',
  'Tina',
  'Karen',
  'Helle',
  'Maria',
  'Sofie',
  'Ida',
  'Emma',
  'Freja',
  'Signe',
  'Julie',
  'Nanna',
  'Peter',
  'Jens',
  'Lars',
  'Michael',
  'Henrik',
  'Thomas',
  'Søren',
  'Jan',
  'Morten',
  'Rasmus',
  'Anders',
  'Niels',
  'Martin',
  'Jesper',
  'Mads',
  'Christian',
  'Mikkel',
  'Jakob',
  'Frederik',
  'Emil',
  'Birgitte',
  'Dorthe',
  'Inge',
  'Lise',
  'Malene',
  'Rikke',
  'Trine',
  'Stine',
  'Line',
  'Maja',
  'Kasper',
  'Simon',
  'Tobias',
  'Oliver',
  'Ali',
  'Fatima',
  'Yusuf',
  'Amira',
  'Aksel',
  'Esther',
] as const;

export const LAST_NAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Christiansen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Jakobsen',
  'Mikkelsen',
  'Olesen',
  'Frederiksen',
  'Laursen',
  'Henriksen',
  'Lund',
  'Holm',
  'Schmidt',
  'Eriksen',
  'Kristiansen',
  'Simonsen',
  'Clausen',
  'Svendsen',
  'Andreasen',
  'Iversen',
  'Østergaard',
  'Jeppesen',
  'Vestergaard',
  'Nissen',
  'Lauridsen',
  'Kjær',
  'Dalsgaard',
  'Bak',
  'Skov',
  'Bech',
  'Winther',
  'Friis',
  'Krogh',
] as const;

export const PLACES = [
  'Nørrebro',
  'Valby',
  'Amager',
  'Vesterbro',
  'Østerbro',
  'Bispebjerg',
  'Sydhavn',
  'Brønshøj',
  'Vanløse',
  'Husum',
  'Sundby',
  'Islands Brygge',
  'Christianshavn',
  'Ørestad',
  'Kongens Enghave',
  'Tingbjerg',
  'Utterslev',
  'Emdrup',
  'Bellahøj',
  'Grøndal',
  'Kalvebod',
  'Sundholm',
  'Lygten',
  'Kildevæld',
  'Strandvejen',
  'Bavnehøj',
  'Hyltebjerg',
  'Rødkilde',
  'Katrinedal',
  'Engholm',
] as const;

export interface Administration {
  code: string;
  name: string;
  /** Unit kinds and how many of each. */
  units: Array<{ kind: UnitKind; count: number; label: string }>;
}

export const ADMINISTRATIONS: Administration[] = [
  {
    code: 'BUF',
    name: 'Børne- og Ungdomsforvaltningen',
    units: [
      { kind: 'school', count: 30, label: 'Skole' },
      { kind: 'daycare', count: 42, label: 'Børnehus' },
    ],
  },
  {
    code: 'SUF',
    name: 'Sundheds- og Omsorgsforvaltningen',
    units: [
      { kind: 'care_home', count: 18, label: 'Plejecenter' },
      { kind: 'home_care', count: 10, label: 'Hjemmepleje' },
    ],
  },
  {
    code: 'SOF',
    name: 'Socialforvaltningen',
    units: [
      { kind: 'residential', count: 16, label: 'Bosted' },
      { kind: 'office', count: 6, label: 'Socialcenter' },
    ],
  },
  {
    code: 'KFF',
    name: 'Kultur- og Fritidsforvaltningen',
    units: [
      { kind: 'library', count: 10, label: 'Bibliotek' },
      { kind: 'culture', count: 8, label: 'Kulturhus' },
    ],
  },
  {
    code: 'TMF',
    name: 'Teknik- og Miljøforvaltningen',
    units: [{ kind: 'office', count: 10, label: 'Teknisk enhed' }],
  },
  {
    code: 'BIF',
    name: 'Beskæftigelses- og Integrationsforvaltningen',
    units: [
      { kind: 'job_centre', count: 8, label: 'Jobcenter' },
      { kind: 'office', count: 4, label: 'Integrationscenter' },
    ],
  },
  { code: 'ØKF', name: 'Økonomiforvaltningen', units: [{ kind: 'office', count: 6, label: 'Kontor' }] },
];

/**
 * A unit's staff. There is no single managers' agreement: a leader is on her professional group's
 * agreement for leaders or on the chief officers' agreement (chefaftalen), and a deputy often on
 * the staff's own agreement (a day-care deputy under the educational staff's).
 */
interface Staffing {
  size: [number, number];
  leader: string;
  leaderAgreement: string;
  deputy: string;
  deputyAgreement: string;
  staff: Array<[position: string, agreement: string, weight: number]>;
}

export const STAFFING: Partial<Record<UnitKind, Staffing>> = {
  school: {
    size: [45, 75],
    leader: 'Skoleleder',
    leaderAgreement: 'Ledere m.fl. inden for undervisningsområdet (LC)',
    deputy: 'Viceskoleleder',
    deputyAgreement: 'Ledere m.fl. inden for undervisningsområdet (LC)',
    staff: [
      ['Lærer', 'Lærere m.fl. i kommunerne', 70],
      ['Pædagog', 'Pædagogisk personale (BUPL)', 15],
      ['Skolesekretær', 'Kontorpersonale (HK Kommunal)', 3],
      ['Serviceleder', 'Serviceassistenter (3F/FOA)', 2],
    ],
  },
  daycare: {
    size: [14, 26],
    leader: 'Daglig leder',
    leaderAgreement: 'Ledere af daginstitutioner, klubber m.v. (BUPL, FOA, SL)',
    deputy: 'Souschef',
    deputyAgreement: 'Pædagogisk personale (BUPL)',
    staff: [
      ['Pædagog', 'Pædagogisk personale (BUPL)', 60],
      ['Pædagogmedhjælper', 'Pædagogiske assistenter (FOA)', 35],
      ['Køkkenmedarbejder', 'Køkkenpersonale (3F/FOA)', 5],
    ],
  },
  care_home: {
    size: [45, 80],
    leader: 'Centerchef',
    leaderAgreement: 'Chefer (chefaftalen)',
    deputy: 'Souschef',
    deputyAgreement: 'Sygeplejersker og ledende sygeplejersker (DSR)',
    staff: [
      ['Social- og sundhedsassistent', 'Social- og sundhedspersonale (FOA)', 45],
      ['Social- og sundhedshjælper', 'Social- og sundhedspersonale (FOA)', 35],
      ['Sygeplejerske', 'Sygeplejersker (DSR)', 15],
      ['Ergoterapeut', 'Terapeuter (Ergoterapeutforeningen)', 5],
    ],
  },
  home_care: {
    size: [30, 55],
    leader: 'Områdeleder',
    leaderAgreement: 'Sygeplejersker og ledende sygeplejersker (DSR)',
    deputy: 'Teamleder',
    deputyAgreement: 'Social- og sundhedspersonale (FOA)',
    staff: [
      ['Social- og sundhedshjælper', 'Social- og sundhedspersonale (FOA)', 60],
      ['Social- og sundhedsassistent', 'Social- og sundhedspersonale (FOA)', 40],
    ],
  },
  residential: {
    size: [20, 40],
    leader: 'Forstander',
    leaderAgreement: 'Ledere af døgninstitutioner (SL)',
    deputy: 'Souschef',
    deputyAgreement: 'Socialpædagoger (SL)',
    staff: [
      ['Socialpædagog', 'Socialpædagoger (SL)', 70],
      ['Social- og sundhedsassistent', 'Social- og sundhedspersonale (FOA)', 30],
    ],
  },
  library: {
    size: [8, 16],
    leader: 'Biblioteksleder',
    leaderAgreement: 'Bibliotekarer (BF)',
    deputy: 'Souschef',
    deputyAgreement: 'Bibliotekarer (BF)',
    staff: [
      ['Bibliotekar', 'Bibliotekarer (BF)', 60],
      ['Biblioteksassistent', 'Kontorpersonale (HK Kommunal)', 40],
    ],
  },
  culture: {
    size: [6, 12],
    leader: 'Kulturhusleder',
    leaderAgreement: 'Akademikere (AC)',
    deputy: 'Souschef',
    deputyAgreement: 'Akademikere (AC)',
    staff: [
      ['Kulturmedarbejder', 'Akademikere (AC)', 50],
      ['Servicemedarbejder', 'Serviceassistenter (3F/FOA)', 50],
    ],
  },
  job_centre: {
    size: [30, 50],
    leader: 'Centerchef',
    leaderAgreement: 'Chefer (chefaftalen)',
    deputy: 'Afdelingsleder',
    deputyAgreement: 'Akademikere (AC)',
    staff: [
      ['Jobkonsulent', 'Kontorpersonale (HK Kommunal)', 60],
      ['Socialrådgiver', 'Socialrådgivere (DS)', 40],
    ],
  },
  office: {
    size: [15, 30],
    leader: 'Kontorchef',
    leaderAgreement: 'Chefer (chefaftalen)',
    deputy: 'Chefkonsulent',
    deputyAgreement: 'Akademikere (AC)',
    staff: [
      ['Fuldmægtig', 'Akademikere (AC)', 50],
      ['Administrativ medarbejder', 'Kontorpersonale (HK Kommunal)', 50],
    ],
  },
  team: {
    size: [8, 14],
    leader: 'Teamleder',
    leaderAgreement: 'Kontorpersonale (HK Kommunal)',
    deputy: 'Koordinator',
    deputyAgreement: 'Kontorpersonale (HK Kommunal)',
    staff: [
      ['Lønkonsulent', 'Kontorpersonale (HK Kommunal)', 60],
      ['HR-konsulent', 'Akademikere (AC)', 40],
    ],
  },
};

export const WEEKLY_HOURS_CENTI = [3700, 3700, 3700, 3700, 3200, 3000, 2800, 2500] as const;
