import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZServiceDefinition, type TServiceDefinition } from './ServiceDefinition';
import { untranslatedTexts } from './untranslatedTexts';
import {
  evaluateCondition,
  localizedText,
  requiredDocuments,
  routeCase,
  subjectHiddenUntil,
  textOf,
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

describe('who may see a case about herself', () => {
  it('keeps a dismissal or summary dismissal from the employee until her hearing, and shows her own resignation at once', () => {
    const termination = byId('fratraedelse');
    const hidden = (type: string) =>
      subjectHiddenUntil(termination, { termination: { person: 'p1', type, lastDay: '2027-03-31' } });
    expect(hidden('dismissal')).toBe('hearing');
    expect(hidden('summary_dismissal')).toBe('hearing');
    expect(termination.stages.map((s) => s.id)).toContain('hearing');
    expect(hidden('resignation')).toBeNull();
    expect(hidden('retirement')).toBeNull();
    expect(hidden('death')).toBeNull();
  });
});

describe('the English of the shipped catalogue', () => {
  it('gives every text in English too, and every service its outcomes', () => {
    const raw = readdirSync(dir).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown);
    expect(raw.flatMap((s, i) => untranslatedTexts(s, catalog[i]!.id))).toEqual([]);
    // The check finds what it looks for.
    expect(
      untranslatedTexts({ name: 'Kørsel', sections: [{ fields: [{ label: { da: 'Dato' } }] }] }),
    ).toEqual(['name', 'sections.0.fields.0.label']);
    for (const s of catalog) expect(s.outcomes.length, s.id).toBeGreaterThanOrEqual(2);
  });

  it('shows the Danish, marked as Danish, where a text has no English', () => {
    expect(localizedText({ da: 'Kørsel', en: 'Mileage' }, 'en')).toEqual({ text: 'Mileage', lang: 'en' });
    expect(localizedText({ da: 'Kørsel' }, 'en')).toEqual({ text: 'Kørsel', lang: 'da' });
    expect(localizedText('Kørsel', 'en')).toEqual({ text: 'Kørsel', lang: 'da' });
    expect(localizedText({ da: 'Kørsel', en: 'Mileage' }, 'da')).toEqual({ text: 'Kørsel', lang: 'da' });
    expect(textOf({ da: 'Kørsel' }, 'en')).toBe('Kørsel');
  });
});

describe('validateAnswers', () => {
  const hire = byId('ansaettelse');
  const base = {
    position: {
      unit: 'buf-001',
      position: 'Lærer',
      agreement: 'laerere',
      employmentForm: 'overenskomst',
      weeklyHours: '32,5',
      startDate: '2027-08-01',
    },
    pay: { payGrade: '31', seniorityDate: '2027-08-01', probation: 'threeMonths', pension: 'agreement' },
    person: { firstName: 'Ida', lastName: 'Ny', cpr: '000190-0001', nationality: 'other' },
    certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
    documents: { education: ['a2'], workPermit: [] },
  };

  it('asks for the work permit only for citizens outside the EU/EEA, and no paper consent (it is given in Digital Post)', () => {
    expect(requiredDocuments(hire, base).map((d) => `${d.id}:${d.satisfied}`)).toEqual([
      'education:true',
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
    const test = { testCpr: true };
    expect(validateAnswers(hire, base, leader, { requireDocuments: false, ...test }).errors).toEqual([]);
    const { errors } = validateAnswers(hire, base, leader, { requireDocuments: true, ...test });
    expect(errors.map((e) => e.message.en)).toEqual(['Documentation missing: Residence and work permit.']);
  });

  it('refuses a CPR number with month 34, in both languages, on the server as in the browser', () => {
    const withCpr = (cpr: string) => ({ ...base, person: { ...base.person, cpr } });
    const { errors } = validateAnswers(hire, withCpr('013490-1234'), leader, { requireDocuments: false });
    expect(errors).toEqual([
      {
        path: 'person.cpr',
        field: 'cpr',
        message: {
          da: 'CPR-nummeret har måned 34. Måneden (3. og 4. ciffer) skal være 01–12.',
          en: 'The CPR number has month 34. The month (3rd and 4th digit) must be 01–12.',
        },
      },
    ]);
    // The demo's made-up numbers (day 00) only where the installation runs with test data.
    expect(validateAnswers(hire, base, leader, { requireDocuments: false, testCpr: true }).errors).toEqual(
      [],
    );
    expect(
      validateAnswers(hire, base, leader, { requireDocuments: false }).errors.map((e) => e.path),
    ).toEqual(['person.cpr']);
  });

  it('asks for what an empty required field needs, by its type', () => {
    const { errors } = validateAnswers(hire, {}, leader, { requireDocuments: false });
    const message = (path: string) => errors.find((e) => e.path === path)?.message.da;
    expect(message('position.unit')).toBe('Vælg en enhed.');
    expect(message('position.position')).toBe('Feltet skal udfyldes.');
    expect(message('position.startDate')).toBe('Skriv en dato.');
    expect(message('person.nationality')).toBe('Vælg en af mulighederne.');
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

  it('routes by the answers: a management position to HR administration, whatever its agreement', () => {
    expect(routeCase(hire, base)).toBe('okf-ks-lon1');
    expect(routeCase(hire, { ...base, position: { ...base.position, leaderPosition: true } })).toBe(
      'okf-ks-hr',
    );
    expect(
      routeCase(hire, {
        ...base,
        position: { ...base.position, agreement: 'skoleledere', leaderPosition: true },
      }),
    ).toBe('okf-ks-hr');
  });

  it('offers the agreements a manager can be on, not one managers’ agreement', () => {
    const options = hire.sections
      .flatMap((s) => s.fields)
      .find((f) => f.id === 'agreement')!
      .options!.map((o) => textOf(o.label, 'da'));
    expect(options.some((o) => /lederoverenskomst/i.test(o))).toBe(false);
    expect(options).toEqual(
      expect.arrayContaining([
        'Ledere m.fl. inden for undervisningsområdet (LC)',
        'Chefer (aftale om aflønning af chefer, chefaftalen)',
      ]),
    );
  });

  it('asks for an objective reason only when a fixed-term employment is renewed', () => {
    const fixed = (extra: object) => ({
      ...base,
      position: { ...base.position, timeLimited: true, endDate: '2028-07-31', ...extra },
    });
    const paths = (answers: object) =>
      validateAnswers(hire, answers, leader, { requireDocuments: false, testCpr: true }).errors.map(
        (e) => e.path,
      );
    // A first fixed-term contract: an end date, no reason.
    expect(paths(fixed({ renewal: 'no' }))).toEqual([]);
    expect(paths(fixed({}))).toEqual(['position.renewal']);
    // A renewal: the objective reason is required.
    expect(paths(fixed({ renewal: 'yes' }))).toEqual(['position.objectiveReason']);
    expect(paths(fixed({ renewal: 'yes', objectiveReason: 'Vikariat for Anna Hansen på barsel' }))).toEqual(
      [],
    );
    // A permanent employment asks neither, and drops them if sent.
    const permanent = validateAnswers(
      hire,
      { ...base, position: { ...base.position, timeLimited: false, renewal: 'yes', objectiveReason: 'x' } },
      leader,
      { requireDocuments: false, testCpr: true },
    );
    expect(permanent.errors).toEqual([]);
    expect(permanent.answers.position).not.toHaveProperty('objectiveReason');
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
