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
      'automatisering-undtagelser.dmn',
      'boerneattest.dmn',
      'kilometertakst.dmn',
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
        evaluateDecision(tables, { tripDate, kmEarlierThisYear });
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

    it('counts the km left at the high rate from the km driven earlier in the year', async () => {
      const tables = await read('kilometertakst.dmn');
      const rates = (kmEarlierThisYear: number) =>
        evaluateDecision(tables, { tripDate: '2026-09-14', kmEarlierThisYear });
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
      expect(() => evaluateDecision(tables, { tripDate: '2024-12-31', kmEarlierThisYear: 0 })).toThrow(
        /No version of/,
      );
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
});
