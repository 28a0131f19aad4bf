/** The organisation as one data set: what the demo generator makes and what an import brings. */
export interface OrgUnitRecord {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  code: string | null;
}

export interface AffiliationRecord {
  unitId: string;
  position: string;
  agreement: string;
  weeklyHoursCenti: number;
  seniorityDate: string | null;
  startDate: string;
  endDate: string | null;
}

export interface PersonRecord {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  cpr: string | null;
  cprIsTestData: boolean;
  affiliations: AffiliationRecord[];
  managerOf: string[];
}

export interface OrgDataset {
  units: OrgUnitRecord[];
  people: PersonRecord[];
}

export const UNIT_KINDS = [
  'municipality',
  'administration',
  'area',
  'school',
  'daycare',
  'care_home',
  'home_care',
  'residential',
  'library',
  'culture',
  'job_centre',
  'office',
  'service_centre',
  'team',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
