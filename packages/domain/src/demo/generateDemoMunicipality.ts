import type {
  AffiliationRecord,
  OrgDataset,
  OrgUnitRecord,
  PersonRecord,
  UnitKind,
} from '../orgImport/OrgDataset';
import {
  ADMINISTRATIONS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  STAFFING,
  WEEKLY_HOURS_CENTI,
} from './demoVocabulary';
import { seededRandom, type SeededRandom } from './seededRandom';

export const DEMO_MUNICIPALITY = 'Eksempel Kommune';
export const DEMO_EMAIL_DOMAIN = 'eksempel-kommune.test';

const AREAS: Record<string, string[]> = {
  BUF: ['Nord', 'Syd', 'Øst', 'Vest'],
  SUF: ['Nord', 'Syd', 'Vest'],
  SOF: ['Voksne', 'Børn og unge'],
  KFF: ['Biblioteker', 'Kultur'],
  BIF: ['Job'],
};

export const SSC_TEAMS = [
  { id: 'okf-ks-lon1', name: 'Løn Team 1', area: 'payroll' },
  { id: 'okf-ks-lon2', name: 'Løn Team 2', area: 'payroll' },
  { id: 'okf-ks-hr', name: 'HR-administration', area: 'hr' },
  { id: 'okf-ks-si', name: 'Serviceindgang', area: 'service_desk' },
] as const;

export interface GenerateOptions {
  seed: number;
  /** The default gives the full municipality (~200 units, ~5,000 employees); smaller values shrink every unit for tests. */
  scale?: number;
}

const DEFAULT_SCALE = 0.88;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Generates Eksempel Kommune from a seed: same seed and scale, same municipality, byte for byte. */
export function generateDemoMunicipality(options: GenerateOptions): OrgDataset {
  const rnd = seededRandom(options.seed);
  const scale = options.scale ?? DEFAULT_SCALE;
  const units: OrgUnitRecord[] = [
    { id: 'ek', parentId: null, name: DEMO_MUNICIPALITY, kind: 'municipality', code: 'EK' },
  ];
  const people: PersonRecord[] = [];
  let placeIndex = 0;
  const nextPlace = () => {
    const place = PLACES[placeIndex % PLACES.length] as string;
    const round = Math.floor(placeIndex / PLACES.length);
    placeIndex += 1;
    return round === 0 ? place : `${place} ${round + 1}`;
  };

  for (const adm of ADMINISTRATIONS) {
    const admId = adm.code.toLowerCase().replace('ø', 'o');
    units.push({ id: admId, parentId: 'ek', name: adm.name, kind: 'administration', code: adm.code });
    const areas = (AREAS[adm.code] ?? []).map((name, i) => {
      const id = `${admId}-area-${i + 1}`;
      units.push({ id, parentId: admId, name: `${adm.code} ${name}`, kind: 'area', code: null });
      return id;
    });
    let n = 0;
    for (const group of adm.units) {
      for (let i = 0; i < group.count; i += 1) {
        n += 1;
        const parentId = areas.length > 0 ? (areas[(n - 1) % areas.length] as string) : admId;
        units.push({
          id: `${admId}-${pad(n, 3)}`,
          parentId,
          name: `${group.label} ${nextPlace()}`,
          kind: group.kind,
          code: `${adm.code}${pad(n, 3)}`,
        });
      }
    }
  }
  units.push({ id: 'okf-ks', parentId: 'okf', name: 'Koncernservice', kind: 'service_centre', code: 'KS' });
  for (const team of SSC_TEAMS)
    units.push({ id: team.id, parentId: 'okf-ks', name: team.name, kind: 'team', code: null });

  let employeeNumber = 100001;
  const newPerson = (affiliation: AffiliationRecord, managerOf: string[] = []): PersonRecord => {
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const number = String(employeeNumber++);
    const birthYear = rnd.int(1960, 2003);
    return {
      employeeNumber: number,
      firstName,
      lastName,
      email: `${asciiName(firstName)}.${asciiName(lastName)}.${number}@${DEMO_EMAIL_DOMAIN}`,
      cpr: fakeCpr(rnd, birthYear),
      cprIsTestData: true,
      affiliations: [affiliation],
      managerOf,
    };
  };

  for (const unit of units) {
    const staffing = STAFFING[unit.kind];
    if (!staffing) continue;
    const size = Math.max(3, Math.round(rnd.int(staffing.size[0], staffing.size[1]) * scale));
    people.push(
      newPerson(affiliation(rnd, unit.id, staffing.leader, staffing.leaderAgreement, true), [unit.id]),
    );
    people.push(newPerson(affiliation(rnd, unit.id, staffing.deputy, staffing.deputyAgreement, true)));
    const totalWeight = staffing.staff.reduce((s, [, , w]) => s + w, 0);
    for (let i = 2; i < size; i += 1) {
      let roll = rnd.int(1, totalWeight);
      const [position, agreement] = staffing.staff.find(([, , w]) => (roll -= w) <= 0) ?? staffing.staff[0]!;
      people.push(newPerson(affiliation(rnd, unit.id, position, agreement, false)));
    }
  }
  // Leaders of the administrations and the service centre.
  for (const unit of units.filter(
    (u) => u.kind === 'administration' || u.kind === 'service_centre' || u.kind === 'area',
  )) {
    const title = unit.kind === 'area' ? 'Områdechef' : 'Direktør';
    people.push(newPerson(affiliation(rnd, unit.id, title, 'Chefer (chefaftale)', true), [unit.id]));
  }
  return { units, people };
}

function affiliation(
  rnd: SeededRandom,
  unitId: string,
  position: string,
  agreement: string,
  fullTime: boolean,
): AffiliationRecord {
  const startYear = rnd.int(1990, 2025);
  const startDate = isoDate(startYear, rnd.int(1, 12), 1);
  const seniorityDate = rnd.chance(0.3) ? isoDate(startYear - rnd.int(1, 8), rnd.int(1, 12), 1) : startDate;
  return {
    unitId,
    position,
    agreement,
    weeklyHoursCenti: fullTime ? 3700 : rnd.pick(WEEKLY_HOURS_CENTI),
    seniorityDate,
    startDate,
    endDate: null,
  };
}

/**
 * A CPR-shaped number that no person can have: day 00 does not exist, and replacement numbers
 * ("erstatningspersonnumre") add 60 to the day, so "00" is never issued.
 */
export function fakeCpr(rnd: SeededRandom, birthYear: number): string {
  return `00${pad(rnd.int(1, 12))}${pad(birthYear % 100)}-${pad(rnd.int(0, 9999), 4)}`;
}

export function isFakeCpr(cpr: string): boolean {
  return /^00\d{4}-?\d{4}$/.test(cpr);
}

function asciiName(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');
}

export type { UnitKind };
