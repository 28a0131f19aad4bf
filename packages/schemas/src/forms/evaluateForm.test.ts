import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZServiceDefinition, type TServiceDefinition } from './ServiceDefinition';
import {
  evaluateCondition,
  requiredDocuments,
  routeCase,
  validateAnswers,
  type Persona,
} from './evaluateForm';

const dir = new URL('../../../../catalog/services/', import.meta.url);
const catalog = readdirSync(dir).map((f) =>
  ZServiceDefinition.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))),
);
const byId = (id: string) => catalog.find((s) => s.id === id) as TServiceDefinition;
const leader: Persona = { roles: ['leader'], administration: 'BUF', experience: 'new', frequency: 'rare' };

describe('the shipped catalogue', () => {
  it('has the ten reference services, each valid, and every condition and document pointing at a real field', () => {
    expect(catalog.map((s) => s.id).sort()).toEqual([
      'ansaettelse',
      'autorisationskontrol',
      'fratraedelse',
      'fravaer',
      'koerselsgodtgoerelse',
      'loen-aendring',
      'personalesag-indsigt',
      'straffe-boerneattest',
      'udlaeg',
      'vikartimer',
    ]);
    for (const s of catalog) {
      const fields = new Set(s.sections.flatMap((sec) => sec.fields.map((f) => f.id)));
      for (const d of s.documents) expect(fields.has(d.field), `${s.id} ${d.id}`).toBe(true);
      const refs = JSON.stringify(s).match(/"field":"([a-zA-Z]+)"/g) ?? [];
      for (const r of refs) expect(fields.has(r.slice(9, -1)), `${s.id} ${r}`).toBe(true);
    }
  });
});

describe('validateAnswers', () => {
  const hire = byId('ansaettelse');
  const base = {
    position: {
      unit: 'buf-001',
      position: 'Lærer',
      agreement: 'laerere',
      weeklyHours: '32,5',
      startDate: '2027-08-01',
    },
    person: { firstName: 'Ida', lastName: 'Ny', cpr: '000190-0001', nationality: 'other' },
    certificates: { worksWithChildren: 'yes', childConsent: ['a1'] },
    documents: { education: ['a2'], workPermit: [] },
  };

  it('asks for the work permit only for citizens outside the EU/EEA, and the child consent only with children', () => {
    expect(requiredDocuments(hire, base).map((d) => `${d.id}:${d.satisfied}`)).toEqual([
      'education:true',
      'child-consent:true',
      'work-permit:false',
    ]);
    const eu = {
      ...base,
      person: { ...base.person, nationality: 'eu' },
      certificates: { worksWithChildren: 'no' },
    };
    expect(requiredDocuments(hire, eu).map((d) => d.id)).toEqual(['education']);
  });

  it('reports missing documents on submit but not while filling in', () => {
    expect(validateAnswers(hire, base, leader, { requireDocuments: false }).errors).toEqual([]);
    const { errors } = validateAnswers(hire, base, leader, { requireDocuments: true });
    expect(errors.map((e) => e.message.en)).toEqual([
      'Documentation missing: Opholds- og arbejdstilladelse.',
    ]);
  });

  it('normalises values and drops what the form hides', () => {
    const { answers } = validateAnswers(
      hire,
      { ...base, position: { ...base.position, timeLimited: false, endDate: '2020-01-01' } },
      leader,
      { requireDocuments: false },
    );
    expect(answers.position).toMatchObject({ weeklyHours: 32.5 });
    expect(answers.position).not.toHaveProperty('endDate');
  });

  it('keeps money in whole øre', () => {
    const expense = byId('udlaeg');
    const { answers, errors } = validateAnswers(
      expense,
      {
        receipts: [
          { date: '2026-11-01', description: 'Bøger', amount: '0,10', receipt: ['x'] },
          { date: '2026-11-01', description: 'Kaffe', amount: '0,20', receipt: ['y'] },
        ],
      },
      leader,
      { requireDocuments: true },
    );
    expect(errors).toEqual([]);
    const total = (answers.receipts as Array<{ amount: number }>).reduce((s, r) => s + r.amount, 0);
    expect(total).toBe(30);
  });

  it('routes by the answers', () => {
    expect(routeCase(hire, base)).toBe('okf-ks-lon1');
    expect(routeCase(hire, { ...base, position: { ...base.position, agreement: 'ledere' } })).toBe(
      'okf-ks-hr',
    );
  });

  it('evaluates all/any/not and filled', () => {
    const v = { a: 'x', b: '', c: true };
    expect(
      evaluateCondition(
        {
          all: [
            { field: 'a', equals: 'x' },
            { field: 'c', equals: true },
          ],
        },
        v,
      ),
    ).toBe(true);
    expect(
      evaluateCondition(
        {
          any: [
            { field: 'b', filled: true },
            { field: 'a', in: ['y'] },
          ],
        },
        v,
      ),
    ).toBe(false);
    expect(evaluateCondition({ not: { field: 'b', filled: true } }, v)).toBe(true);
  });
});
