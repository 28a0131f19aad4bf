/**
 * What the simulated SD Løn knows of Eksempel Kommune: its one institution, the agreements
 * (overenskomster), job titles (stillingskoder) and wage types (lønarter) it accepts, and the
 * monthly pay of a pay grade. The codes and amounts are the simulator's own, illustrative and
 * not the agreements' real figures; what matters is that it refuses what it does not know.
 */
export { SD_SIMULATED_INSTITUTION as SD_INSTITUTION } from '../../connectors/payroll/sdWire';

export interface SdAgreement {
  id: string;
  name: string;
  /** SalaryScaleIdentifier: the scale the agreement's grades are on. */
  scale: string;
  /** The grade a new employee on the agreement usually starts at. */
  grade: number;
}

export const SD_AGREEMENTS: readonly SdAgreement[] = [
  { id: '04011', name: 'Lærere m.fl. i kommunerne', scale: 'KL', grade: 35 },
  { id: '05011', name: 'Pædagogisk personale (BUPL)', scale: 'KL', grade: 31 },
  { id: '05021', name: 'Pædagogiske assistenter (FOA)', scale: 'KL', grade: 24 },
  { id: '06011', name: 'Social- og sundhedspersonale (FOA)', scale: 'KL', grade: 26 },
  { id: '06021', name: 'Sygeplejersker (DSR)', scale: 'KL', grade: 33 },
  { id: '06031', name: 'Terapeuter (Ergoterapeutforeningen)', scale: 'KL', grade: 32 },
  { id: '07011', name: 'Kontorpersonale (HK Kommunal)', scale: 'KL', grade: 28 },
  { id: '07021', name: 'Serviceassistenter (3F/FOA)', scale: 'KL', grade: 22 },
  { id: '07031', name: 'Køkkenpersonale (3F/FOA)', scale: 'KL', grade: 22 },
  { id: '08011', name: 'Akademikere (AC)', scale: 'AC', grade: 38 },
  { id: '08021', name: 'Socialrådgivere (DS)', scale: 'KL', grade: 33 },
  { id: '08031', name: 'Socialpædagoger (SL)', scale: 'KL', grade: 31 },
  { id: '08041', name: 'Bibliotekarer (BF)', scale: 'KL', grade: 32 },
  { id: '09011', name: 'Ledere (lederløn efter organisationsaftale)', scale: 'KL', grade: 45 },
  { id: '09021', name: 'Chefer (chefaftale)', scale: 'CH', grade: 50 },
];

const agreementById = new Map(SD_AGREEMENTS.map((a) => [a.id, a]));
export const sdAgreement = (id: string) => agreementById.get(id);

/** The agreement a demo employee's agreement name is, by its first word ("Ledere (…)" → Ledere). */
export function agreementForName(name: string): SdAgreement {
  const word = name.split(' ')[0]!.toLowerCase();
  return (
    SD_AGREEMENTS.find((a) => a.name === name) ??
    SD_AGREEMENTS.find((a) => a.name.split(' ')[0]!.toLowerCase() === word) ??
    SD_AGREEMENTS.find((a) => a.id === '08011')!
  );
}

/** Stillingskoder by title; a title the system does not know is placed under 9999 (other positions). */
const PROFESSIONS: Record<string, string> = {
  Direktør: '1001',
  Områdechef: '1002',
  Kontorchef: '1003',
  Centerchef: '1004',
  Skoleleder: '1005',
  Forstander: '1006',
  Biblioteksleder: '1007',
  Kulturhusleder: '1008',
  'Daglig leder': '1009',
  Områdeleder: '1010',
  Viceskoleleder: '1011',
  Souschef: '1012',
  Afdelingsleder: '1013',
  Teamleder: '1014',
  Lærer: '2001',
  Pædagog: '2101',
  Pædagogmedhjælper: '2102',
  Socialpædagog: '2103',
  'Social- og sundhedsassistent': '3001',
  'Social- og sundhedshjælper': '3002',
  Sygeplejerske: '3101',
  Ergoterapeut: '3102',
  Skolesekretær: '4001',
  'Administrativ medarbejder': '4002',
  Fuldmægtig: '4003',
  Lønkonsulent: '4004',
  'HR-konsulent': '4005',
  Chefkonsulent: '4006',
  Koordinator: '4007',
  Jobkonsulent: '4101',
  Socialrådgiver: '4102',
  Bibliotekar: '4201',
  Biblioteksassistent: '4202',
  Kulturmedarbejder: '4203',
  Serviceleder: '5001',
  Servicemedarbejder: '5002',
  Køkkenmedarbejder: '5003',
};
export const OTHER_POSITION = '9999';
export const professionCode = (title: string) => PROFESSIONS[title] ?? OTHER_POSITION;

export interface SdSalaryCode {
  name: string;
  /** A supplement paid monthly with the salary, a taxed one-off payment, or a tax-free refund. */
  kind: 'supplement' | 'taxed' | 'taxFree';
}

/** The lønarter the institution uses. */
export const SD_SALARY_CODES: Record<string, SdSalaryCode> = {
  '2100': { name: 'Tillæg efter lokalaftale', kind: 'supplement' },
  '2110': { name: 'Funktionstillæg', kind: 'supplement' },
  '2120': { name: 'Kvalifikationstillæg', kind: 'supplement' },
  '1100': { name: 'Timeløn, vikartimer', kind: 'taxed' },
  '9100': { name: 'Kørselsgodtgørelse (skattefri)', kind: 'taxFree' },
  '9200': { name: 'Refusion af udlæg', kind: 'taxFree' },
};

/** Full-time monthly pay of a grade in øre (the simulator's own scale, 19,000 kr. at grade 10). */
export function monthlyPayOere(grade: number): number {
  return (19_000 + 700 * (Math.max(10, Math.min(grade, 60)) - 10)) * 100;
}
