import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDecision } from './evaluateDecision';
import { parseDecisionTables } from './parseDecisionTables';

const folder = new URL('../../../../catalog/decisions/', import.meta.url);
const read = (name: string) => parseDecisionTables(readFileSync(new URL(name, folder), 'utf8'));

describe('the decision tables shipped in catalog/decisions', () => {
  it('all parse', async () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.dmn'));
    expect(files.sort()).toEqual([
      'ansaettelsesvilkaar.dmn',
      'attestresultat.dmn',
      'automatisering-undtagelser.dmn',
      'boerneattest.dmn',
      'kilometertakst.dmn',
      'koersel-60-dage.dmn',
      'opsigelsesvarsel.dmn',
    ]);
    for (const file of files) {
      const tables = await read(file);
      expect(`${tables.key}.dmn`).toBe(file);
    }
  });

  describe('automatisering-undtagelser', () => {
    const plain = { payChangeKr: 0, tripCount: 1, totalKm: 12, amountKr: 0, employed: true, onLeave: false };
    const decide = async (inputs: Partial<typeof plain>) =>
      evaluateDecision(await read('automatisering-undtagelser.dmn'), { ...plain, ...inputs }, '2026-06-01');

    it('lets a routine case be automated', async () => {
      expect(await decide({})).toMatchObject({
        outputs: [{ exclude: false }],
        fired: [{ ruleId: 'rule-automate' }],
      });
    });

    it.each([
      [{ payChangeKr: 5000.01 }, 'rule-pay-above-threshold', 'Lønændringen er over 5.000 kr. om måneden.'],
      [{ tripCount: 21 }, 'rule-many-trips', 'Indberetningen har mere end 20 ture.'],
      [{ totalKm: 2001 }, 'rule-many-km', 'Indberetningen er på mere end 2.000 km.'],
      [{ amountKr: 10_001 }, 'rule-large-expense', 'Udlægget er over 10.000 kr.'],
      [{ employed: false }, 'rule-not-employed', 'Personen har ingen ansættelse i dag.'],
      [{ onLeave: true }, 'rule-on-leave', 'Personen har fravær eller orlov registreret i perioden.'],
    ])('excludes %o by %s, with the reason in both languages', async (inputs, ruleId, reasonDa) => {
      const result = await decide(inputs);
      expect(result.fired[0]!.ruleId).toBe(ruleId);
      expect(result.outputs[0]).toMatchObject({ exclude: true, reasonDa });
      expect(String(result.outputs[0]!.reasonEn).length).toBeGreaterThan(10);
    });

    it('keeps the limits themselves automated (above, not at, each threshold)', async () => {
      expect(
        (await decide({ payChangeKr: 5000, tripCount: 20, totalKm: 2000, amountKr: 10_000 })).outputs,
      ).toEqual([expect.objectContaining({ exclude: false })]);
    });
  });

  describe('kilometertakst', () => {
    it('says its rates are to be checked against skat.dk', async () => {
      const tables = await read('kilometertakst.dmn');
      expect(tables.description).toContain('skal kontrolleres mod skat.dk');
      expect(tables.description).toContain('to be checked against skat.dk');
    });

    it('pays the 2025 rates until 31 December 2025 and the 2026 rates from 1 January 2026', async () => {
      const tables = await read('kilometertakst.dmn');
      const rates = (tripDate: string, kmEarlierThisYear: number) =>
        evaluateDecision(tables, { tripDate, kmEarlierThisYear, highRate: true });
      expect(rates('2025-12-31', 0)).toMatchObject({
        version: 1,
        outputs: [{ rateUpToLimit: 3.81, rateAboveLimit: 2.23, kmLeftAtUpperRate: 20000 }],
        fired: [{ ruleId: 'rule-2025-below-limit', index: 0 }],
      });
      expect(rates('2026-01-01', 0)).toMatchObject({
        version: 2,
        decisionId: 'kilometertakst-2026',
        outputs: [{ rateUpToLimit: 3.94, rateAboveLimit: 2.28, kmLeftAtUpperRate: 20000 }],
      });
    });

    it('pays the low rate to everyone not authorised for the high rate, from the first km', async () => {
      const tables = await read('kilometertakst.dmn');
      for (const highRate of [false, null])
        expect(
          evaluateDecision(tables, { tripDate: '2026-03-02', kmEarlierThisYear: 0, highRate }),
        ).toMatchObject({
          outputs: [{ rateUpToLimit: 2.28, rateAboveLimit: 2.28, kmLeftAtUpperRate: 0 }],
          fired: [{ ruleId: 'rule-2026-low-rate' }],
        });
      expect(
        evaluateDecision(tables, { tripDate: '2025-03-03', kmEarlierThisYear: 0, highRate: false }).outputs,
      ).toEqual([{ rateUpToLimit: 2.23, rateAboveLimit: 2.23, kmLeftAtUpperRate: 0 }]);
    });

    it('counts the km left at the high rate from the km driven earlier in the year', async () => {
      const tables = await read('kilometertakst.dmn');
      const rates = (kmEarlierThisYear: number) =>
        evaluateDecision(tables, { tripDate: '2026-09-14', kmEarlierThisYear, highRate: true });
      expect(rates(19_250.5)).toMatchObject({
        outputs: [{ kmLeftAtUpperRate: 749.5 }],
        fired: [{ ruleId: 'rule-2026-below-limit', index: 0 }],
      });
      expect(rates(20_000)).toMatchObject({
        outputs: [{ kmLeftAtUpperRate: 0 }],
        fired: [{ ruleId: 'rule-2026-above-limit', index: 1 }],
      });
    });

    it('has no rates before 2025', async () => {
      const tables = await read('kilometertakst.dmn');
      expect(() =>
        evaluateDecision(tables, { tripDate: '2024-12-31', kmEarlierThisYear: 0, highRate: true }),
      ).toThrow(/No version of/);
    });
  });

  describe('koersel-60-dage', () => {
    const decide = async (daysAtWorkplace: number | null) =>
      evaluateDecision(await read('koersel-60-dage.dmn'), { daysAtWorkplace }, '2026-12-01');

    it('allows 60 days at the same workplace within 12 months and refers day 61 to a person', async () => {
      expect(await decide(60)).toMatchObject({
        outputs: [{ withinRule: true }],
        fired: [{ ruleId: 'rule-within-60' }],
      });
      const over = await decide(61);
      expect(over).toMatchObject({ outputs: [{ withinRule: false }], fired: [{ ruleId: 'rule-over-60' }] });
      expect(over.outputs[0]!.reasonDa).toContain('60 dage');
      expect(over.outputs[0]!.reasonEn).toContain('60 days');
    });

    it('lets a claim without driving between home and a workplace through', async () => {
      expect(await decide(null)).toMatchObject({
        outputs: [{ withinRule: true }],
        fired: [{ ruleId: 'rule-no-home-trips' }],
      });
    });
  });

  describe('boerneattest', () => {
    const decide = async (directContactWithChildren: boolean | null, youngestChildAge: number | null) =>
      evaluateDecision(
        await read('boerneattest.dmn'),
        { directContactWithChildren, youngestChildAge },
        '2026-03-01',
      );

    it('needs a child certificate for direct contact with children under 15, naming the law', async () => {
      const result = await decide(true, 14);
      expect(result.outputs).toEqual([
        {
          needsChildCertificate: true,
          legalBasis: expect.stringContaining('Børneattestloven') as unknown,
        },
      ]);
      expect(result.fired).toMatchObject([{ ruleId: 'rule-contact-under-15', index: 0 }]);
    });

    it('does not need one for children of 15 or older, or without direct contact', async () => {
      expect((await decide(true, 15)).outputs[0]).toMatchObject({ needsChildCertificate: false });
      expect((await decide(false, 3)).outputs[0]).toMatchObject({ needsChildCertificate: false });
      expect((await decide(false, null)).fired[0]!.ruleId).toBe('rule-no-contact');
    });

    it('leaves it to a person when the children’s age is not known', async () => {
      expect(await decide(true, null)).toMatchObject({ outputs: [], fired: [] });
    });
  });
  describe('ansaettelsesvilkaar', () => {
    const decide = async (leaderPosition: boolean | null, employmentForm: string | null, agreement: string) =>
      evaluateDecision(
        await read('ansaettelsesvilkaar.dmn'),
        { leaderPosition, employmentForm, agreement },
        '2026-03-01',
      );

    it('sets up an employment under a collective agreement without a person', async () => {
      expect(await decide(false, 'overenskomst', 'laerere')).toMatchObject({
        outputs: [{ termsCheck: false }],
        fired: [{ ruleId: 'rule-agreement' }],
      });
      expect((await decide(null, 'overenskomst', 'hk')).outputs[0]).toMatchObject({ termsCheck: false });
    });

    it('lets HR check a chief officer, a management position and a civil servant first, saying why', async () => {
      expect(await decide(false, 'overenskomst', 'chefer')).toMatchObject({
        outputs: [{ termsCheck: true, reason: expect.stringMatching(/^Chefaftalen/) as unknown }],
        fired: [{ ruleId: 'rule-chief' }],
      });
      expect((await decide(true, 'overenskomst', 'skoleledere')).fired[0]!.ruleId).toBe('rule-leader');
      expect((await decide(false, 'tjenestemand', 'laerere')).fired[0]!.ruleId).toBe('rule-civil-servant');
    });

    it('leaves a hire without a form of employment to a person', async () => {
      expect(await decide(false, null, 'laerere')).toMatchObject({ outputs: [], fired: [] });
    });
  });

  describe('attestresultat', () => {
    const decide = async (certificateResult: string | null) =>
      evaluateDecision(await read('attestresultat.dmn'), { certificateResult }, '2026-03-01');

    it('files a clean certificate automatically and sends one with remarks to HR law', async () => {
      expect(await decide('clean')).toMatchObject({
        outputs: [{ fileAutomatically: true }],
        fired: [{ ruleId: 'rule-clean' }],
      });
      expect(await decide('remarks')).toMatchObject({
        outputs: [{ fileAutomatically: false, basis: expect.stringContaining('HR-jura') as unknown }],
        fired: [{ ruleId: 'rule-remarks' }],
      });
    });

    it('leaves a result it does not know, or none, to a person', async () => {
      expect(await decide('unknown')).toMatchObject({ outputs: [], fired: [] });
      expect(await decide(null)).toMatchObject({ outputs: [], fired: [] });
    });
  });
  describe('opsigelsesvarsel (funktionærloven § 2)', () => {
    // Employed on 15 March 2020; each boundary is a notice date measured from it.
    const employmentStart = '2020-03-15';
    const decide = async (inputs: {
      type?: string;
      terms?: string;
      employmentStart?: string | null;
      noticeDate: string | null;
      lastDay?: string;
    }) =>
      evaluateDecision(
        await read('opsigelsesvarsel.dmn'),
        { type: 'dismissal', terms: 'funktionaer', employmentStart, lastDay: null, ...inputs },
        '2026-12-01',
      );
    const months = async (noticeDate: string) => (await decide({ noticeDate })).outputs[0]?.noticeMonths;

    it.each([
      // [notice date, months of notice, what the boundary is]
      ['2020-08-14', 1, 'a day before 5 months: the employment still ends within its first 6 months'],
      ['2020-08-15', 3, '5 months exactly'],
      ['2020-09-14', 3, 'a day before 6 months'],
      ['2020-09-15', 3, '6 months exactly'],
      ['2022-12-14', 3, 'a day before 2 years 9 months'],
      ['2022-12-15', 4, '2 years 9 months exactly'],
      ['2025-11-14', 4, 'a day before 5 years 8 months'],
      ['2025-11-15', 5, '5 years 8 months exactly'],
      ['2028-10-14', 5, 'a day before 8 years 7 months'],
      ['2028-10-15', 6, '8 years 7 months exactly'],
      ['2040-01-01', 6, 'long after: never more than 6 months'],
    ])("gives the employer's notice given on %s %i month(s) (%s)", async (noticeDate, expected) => {
      expect(await months(noticeDate)).toBe(expected);
    });

    it('runs every notice to the end of a month, and says whether the given date keeps it', async () => {
      expect(await decide({ noticeDate: '2022-12-14', lastDay: '2023-03-31' })).toMatchObject({
        outputs: [{ noticeMonths: 3, earliestLastDay: '2023-03-31', noticeSufficient: true }],
        fired: [{ ruleId: 'rule-employer-from-5-months' }],
      });
      expect(await decide({ noticeDate: '2022-12-15', lastDay: '2023-03-31' })).toMatchObject({
        outputs: [{ noticeMonths: 4, earliestLastDay: '2023-04-30', noticeSufficient: false }],
        fired: [{ ruleId: 'rule-employer-from-2y9m' }],
      });
      // A later date than the earliest keeps the notice too, month end or not.
      expect((await decide({ noticeDate: '2028-10-15', lastDay: '2029-05-15' })).outputs[0]).toMatchObject({
        earliestLastDay: '2029-04-30',
        noticeSufficient: true,
      });
      // Within the first 5 months: notice on 31 January ends on the last day of February.
      expect(
        (await decide({ employmentStart: '2027-01-01', noticeDate: '2027-01-31', lastDay: '2027-02-27' }))
          .outputs[0],
      ).toMatchObject({ noticeMonths: 1, earliestLastDay: '2027-02-28', noticeSufficient: false });
      const result = await decide({ noticeDate: '2025-11-15', lastDay: '2026-04-30' });
      expect(result.outputs[0]!.reasonDa).toContain('5 år og 8 måneder');
      expect(result.outputs[0]!.reasonEn).toContain('5 years and 8 months');
    });

    it("gives the employee's own notice as 1 month to the end of a month, whatever her service", async () => {
      for (const type of ['resignation', 'retirement'])
        expect(
          (await decide({ type, noticeDate: '2026-03-31', lastDay: '2026-04-30' })).outputs[0],
        ).toMatchObject({ noticeMonths: 1, earliestLastDay: '2026-04-30', noticeSufficient: true });
      expect(
        (await decide({ type: 'resignation', noticeDate: '2026-04-01', lastDay: '2026-04-30' })).outputs[0],
      ).toMatchObject({ earliestLastDay: '2026-05-31', noticeSufficient: false });
      // Her start date does not matter.
      expect(
        (await decide({ type: 'resignation', employmentStart: null, noticeDate: '2026-04-01' })).fired,
      ).toMatchObject([{ ruleId: 'rule-employee' }]);
    });

    it('gives a summary dismissal and a death no notice, whatever the terms', async () => {
      for (const type of ['summary_dismissal', 'death'])
        expect(
          await decide({ type, terms: 'tjenestemand', employmentStart: null, noticeDate: null }),
        ).toMatchObject({
          outputs: [{ noticeMonths: 0, earliestLastDay: null, noticeSufficient: true }],
          fired: [{ ruleId: 'rule-no-notice' }],
        });
    });

    it('leaves terms other than the Act’s, and a dismissal without a known start date, to a person', async () => {
      expect(await decide({ terms: 'tjenestemand', noticeDate: '2026-04-01' })).toMatchObject({
        outputs: [],
        fired: [],
      });
      expect(await decide({ employmentStart: null, noticeDate: '2026-04-01' })).toMatchObject({
        outputs: [],
        fired: [],
      });
    });
  });
});
