import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/DomainError';
import { buildOrgDataset } from './buildOrgDataset';
import { parseCsv } from './parseCsv';
import { readOrgFile } from './readOrgFile';

const header =
  'record;unit_id;parent_unit_id;unit_name;unit_kind;employee_number;first_name;last_name;email;cpr;position;agreement;weekly_hours;seniority_date;start_date;end_date;manager_of';
const csv = (...rows: string[]) => [header, ...rows].join('\n');
const build = (text: string, existing: Array<[string, string | null]> = [['ek', null]]) =>
  buildOrgDataset(readOrgFile('csv', text), new Map(existing));

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, and either delimiter', () => {
    expect(parseCsv('a;b\n"x;1";"say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"\nthere'],
    ]);
    expect(parseCsv('\ufeffa,b\r\n1,2\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses a quote that is never closed, in both languages', () => {
    expect(() => parseCsv('a;b\n"x;1\n')).toThrow(DomainError);
    try {
      parseCsv('a\n"x');
    } catch (e) {
      expect((e as DomainError).text.da).toContain('citationstegn');
    }
  });
});

describe('buildOrgDataset', () => {
  it('assembles units, people, several affiliations and leadership', () => {
    const { dataset, errors } = build(
      csv(
        'unit;s1;ek;Skole Syd;school',
        'unit;s2;s1;SFO Syd;daycare',
        'affiliation;s1;;;;9001;Ida;Holm;ida@example.test;010190-1234;Skoleleder;Ledere;37;2010-08-01;2015-08-01;;s1|s2',
        'affiliation;s2;;;;9001;Ida;Holm;;;Leder SFO;Ledere;"5,5";;2020-01-01;2026-12-31;',
      ),
    );
    expect(errors).toEqual([]);
    expect(dataset.units.map((u) => u.id)).toEqual(['s1', 's2']);
    expect(dataset.people).toHaveLength(1);
    expect(dataset.people[0]!.affiliations.map((a) => a.weeklyHoursCenti)).toEqual([3700, 550]);
    expect(dataset.people[0]!.managerOf).toEqual(['s1', 's2']);
  });

  it('reports every bad value by row and column', () => {
    const { errors } = build(
      csv(
        'unit;s1;nowhere;Skole;castle',
        'affiliation;s9;;;;9001;;Holm;not-an-email;12345;Lærer;OK;99;2020-02-30;2020-01-01;2019-01-01;',
      ),
    );
    const at = errors.map((e) => `${e.row}:${e.column}`);
    expect(at).toEqual(
      expect.arrayContaining([
        '2:unit_kind',
        '3:first_name',
        '3:email',
        '3:cpr',
        '3:unit_id',
        '3:weekly_hours',
        '3:seniority_date',
        '3:end_date',
      ]),
    );
    for (const e of errors) {
      expect(e.message.da.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses unknown parents, cycles and duplicate units', () => {
    const { errors } = build(
      csv('unit;a;b;A;office', 'unit;b;a;B;office', 'unit;a;ek;A again;office', 'unit;c;zz;C;office'),
    );
    expect(errors.some((e) => e.message.en.includes('cycle'))).toBe(true);
    expect(errors.some((e) => e.message.en.includes('appears twice'))).toBe(true);
    expect(errors.some((e) => e.row === 5 && e.column === 'parent_unit_id')).toBe(true);
  });

  it('refuses a parent that makes an existing unit its own ancestor through the units already there, naming the rows', () => {
    // In the database: ek → buf → area → school. The file moves buf under school.
    const existing: Array<[string, string | null]> = [
      ['ek', null],
      ['buf', 'ek'],
      ['area', 'buf'],
      ['school', 'area'],
    ];
    const { errors } = build(csv('unit;buf;school;Børn og Unge;administration'), existing);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: 'parent_unit_id' });
    expect(errors[0]!.message.en).toBe(
      'The units form a cycle of parents: buf → school → area → buf. Rows in the file: buf (2).',
    );
    expect(build(csv('unit;school;ek;Skolen;school'), existing).errors).toEqual([]);
  });

  it('refuses one employee number with two names', () => {
    const { errors } = build(
      csv(
        'affiliation;ek;;;;1;Ida;Holm;;;Lærer;OK;37;;2020-01-01;;',
        'affiliation;ek;;;;1;Ida;Berg;;;Lærer;OK;37;;2021-01-01;;',
      ),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.row).toBe(3);
  });

  it('reads the JSON form with paths to each bad field', () => {
    const records = readOrgFile(
      'json',
      JSON.stringify({
        units: [{ id: 'x1', parentId: 'ek', name: 'X', kind: 'office' }],
        people: [
          {
            employeeNumber: '7',
            firstName: 'Bo',
            lastName: 'Bak',
            affiliations: [
              {
                unitId: 'x1',
                position: 'Fuldmægtig',
                agreement: 'AC',
                weeklyHours: 37,
                startDate: '2024-13-01',
              },
            ],
          },
        ],
      }),
    );
    const { errors } = buildOrgDataset(records, new Map([['ek', null]]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'people[0].affiliations[0].startDate',
      row: 1,
      column: 'startDate',
    });
  });

  it('refuses unknown columns and malformed JSON before reading rows', () => {
    expect(() => readOrgFile('csv', 'unit_id;colour\n1;red')).toThrow(/Unknown columns: colour/);
    expect(() => readOrgFile('json', '{"units": [')).toThrow(DomainError);
    expect(() => readOrgFile('json', '[1,2]')).toThrow(/must be an object/);
  });
});
