import { DomainError, type FieldError } from '../errors/DomainError';
import { parseCsv } from './parseCsv';

/** Where a value came from in the file, so an error can name the row and the column. */
export interface Location {
  path: string;
  row: number;
  column: string;
}

export interface SourceField {
  value: unknown;
  at: Location;
}

export interface SourceRecord {
  kind: 'unit' | 'affiliation';
  row: number;
  get(field: ImportField): SourceField;
}

export type ImportField =
  | 'unitId'
  | 'parentUnitId'
  | 'unitName'
  | 'unitKind'
  | 'unitCode'
  | 'employeeNumber'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'cpr'
  | 'position'
  | 'agreement'
  | 'weeklyHours'
  | 'seniorityDate'
  | 'startDate'
  | 'endDate'
  | 'managerOf';

export const CSV_COLUMNS: Record<ImportField, string> = {
  unitId: 'unit_id',
  parentUnitId: 'parent_unit_id',
  unitName: 'unit_name',
  unitKind: 'unit_kind',
  unitCode: 'unit_code',
  employeeNumber: 'employee_number',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  cpr: 'cpr',
  position: 'position',
  agreement: 'agreement',
  weeklyHours: 'weekly_hours',
  seniorityDate: 'seniority_date',
  startDate: 'start_date',
  endDate: 'end_date',
  managerOf: 'manager_of',
};

const JSON_UNIT_KEYS: Partial<Record<ImportField, string>> = {
  unitId: 'id',
  parentUnitId: 'parentId',
  unitName: 'name',
  unitKind: 'kind',
  unitCode: 'code',
};

const invalidFile = (da: string, en: string, fields: FieldError[] = []) =>
  new DomainError('invalid', 'import_file_invalid', { da, en }, fields);

export function readOrgFile(format: 'csv' | 'json', text: string): SourceRecord[] {
  return format === 'csv' ? readCsv(text) : readJson(text);
}

function readCsv(text: string): SourceRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw invalidFile('Filen er tom.', 'The file is empty.');
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...Object.values(CSV_COLUMNS), 'record']);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw invalidFile(
      `Ukendte kolonner: ${unknown.join(', ')}.`,
      `Unknown columns: ${unknown.join(', ')}.`,
      unknown.map((c) => ({
        path: `row 1`,
        row: 1,
        column: c,
        message: { da: 'Ukendt kolonne.', en: 'Unknown column.' },
      })),
    );
  }
  return rows.map((cells, i) => {
    const row = i + 2;
    const cell = (column: string) => {
      const idx = names.indexOf(column);
      const raw = idx >= 0 ? (cells[idx] ?? '').trim() : '';
      return raw === '' ? undefined : raw;
    };
    const record = cell('record');
    const kind =
      record === 'unit' || (record === undefined && cell('employee_number') === undefined)
        ? 'unit'
        : 'affiliation';
    return {
      kind,
      row,
      get: (field) => ({
        value:
          field === 'managerOf'
            ? cell(CSV_COLUMNS[field])
                ?.split(/[|,]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : cell(CSV_COLUMNS[field]),
        at: { path: `row ${row}`, row, column: CSV_COLUMNS[field] },
      }),
    } satisfies SourceRecord;
  });
}

function readJson(text: string): SourceRecord[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalidFile(
      `Filen er ikke gyldig JSON: ${(e as Error).message}`,
      `The file is not valid JSON: ${(e as Error).message}`,
    );
  }
  if (!isObject(doc))
    throw invalidFile(
      'JSON-filen skal være et objekt med "units" og "people".',
      'The JSON file must be an object with "units" and "people".',
    );
  const units = doc.units ?? [];
  const people = doc.people ?? [];
  if (!Array.isArray(units) || !Array.isArray(people))
    throw invalidFile('"units" og "people" skal være lister.', '"units" and "people" must be arrays.');
  const records: SourceRecord[] = units.map((unit, i) => {
    const u = isObject(unit) ? unit : {};
    return {
      kind: 'unit',
      row: i + 1,
      get: (field) => {
        const key = JSON_UNIT_KEYS[field] ?? field;
        return { value: u[key], at: { path: `units[${i}].${key}`, row: i + 1, column: key } };
      },
    };
  });
  people.forEach((person, i) => {
    const p = isObject(person) ? person : {};
    const affiliations = Array.isArray(p.affiliations) && p.affiliations.length > 0 ? p.affiliations : [{}];
    affiliations.forEach((affiliation, j) => {
      const a = isObject(affiliation) ? affiliation : {};
      records.push({
        kind: 'affiliation',
        row: i + 1,
        get: (field) => {
          const personLevel = [
            'employeeNumber',
            'firstName',
            'lastName',
            'email',
            'cpr',
            'managerOf',
          ].includes(field);
          if (personLevel)
            return { value: p[field], at: { path: `people[${i}].${field}`, row: i + 1, column: field } };
          return {
            value: a[field],
            at: { path: `people[${i}].affiliations[${j}].${field}`, row: i + 1, column: field },
          };
        },
      });
    });
  });
  return records;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
