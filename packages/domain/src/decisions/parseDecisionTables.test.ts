import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/DomainError';
import { dmnFixture, type FixtureVersion } from './dmnFixture';
import { parseDecisionTables } from './parseDecisionTables';

const fixture = (version: Partial<FixtureVersion> = {}, more: FixtureVersion[] = []) =>
  dmnFixture({
    inputs: [{ expression: 'age', label: 'Alder' }],
    outputs: [{ name: 'route' }],
    versions: [
      {
        rules: [
          ['< 18', '"youth"'],
          ['>= 18', '"adult"'],
        ],
        ...version,
      },
      ...more,
    ],
  });

async function refusal(xml: string): Promise<DomainError> {
  try {
    await parseDecisionTables(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const refused = error as DomainError;
    expect(refused.text.da).not.toBe(refused.text.en);
    return refused;
  }
  throw new Error('the table was accepted');
}

describe('parseDecisionTables', () => {
  it('reads a table: key, version, validity, hit policy, variables, inputs, outputs and rules', async () => {
    const tables = await parseDecisionTables(fixture({ effectiveTo: '2025-12-31' }));
    expect(tables).toMatchObject({ key: 'test', name: 'Test' });
    const [table] = tables.versions;
    expect(table).toMatchObject({
      decisionId: 'd1',
      version: 1,
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
      hitPolicy: 'UNIQUE',
      variables: [{ name: 'age', type: 'number' }],
      inputs: [{ label: 'Alder', expression: 'age', type: 'number' }],
      outputs: [{ name: 'route', type: 'string' }],
    });
    expect(table!.rules.map((r) => [r.id, r.index, r.inputEntries[0]!.text])).toEqual([
      ['r1', 0, '< 18'],
      ['r2', 1, '>= 18'],
    ]);
  });

  it('refuses a FEEL syntax error, naming the rule and the column in Danish and English', async () => {
    const error = await refusal(
      fixture({
        rules: [
          ['< 18', '"youth"'],
          ['>= 18 ]]', '"adult"'],
        ],
      }),
    );
    expect(error.code).toBe('decision_feel_syntax');
    expect(error.text.da).toContain('regel 2 (r2), kolonnen "Alder"');
    expect(error.text.en).toContain('rule 2 (r2), column "Alder"');
    expect(error.text.en).toContain('>= 18 ]]');
  });

  it('refuses a bad output expression and a name the table does not have', async () => {
    const syntax = await refusal(fixture({ rules: [['-', '"youth" +']] }));
    expect(syntax.text.en).toContain('rule 1 (r1), column "route"');
    const unknown = await refusal(fixture({ rules: [['> retirementAge', '"old"']] }));
    expect(unknown.code).toBe('decision_feel_unknown_name');
  });

  it('refuses an unknown hit policy and one it does not support', async () => {
    for (const hitPolicy of ['WHICHEVER', 'OUTPUT ORDER']) {
      const error = await refusal(fixture({ hitPolicy }));
      expect(error.code).toBe('decision_hit_policy');
      expect(error.text.en).toContain(`"${hitPolicy}"`);
      expect(error.text.da).toContain('kendes ikke');
    }
  });

  it('refuses an aggregation outside COLLECT', async () => {
    expect((await refusal(fixture({ hitPolicy: 'FIRST', aggregation: 'SUM' }))).code).toBe(
      'decision_aggregation',
    );
  });

  it('refuses a rule with too few cells', async () => {
    const error = await refusal(fixture({ rules: [['< 18']] }));
    expect(error.code).toBe('decision_rule_shape');
    expect(error.text.en).toContain('Rule 1 (r1)');
  });

  it('refuses what is not DMN 1.3 XML', async () => {
    expect((await refusal('<definitions')).code).toBe('decision_xml');
    expect((await refusal('<?xml version="1.0"?><nothing/>')).code).toBe('decision_xml');
  });

  it('refuses a version without a valid start date, and versions that overlap', async () => {
    expect((await refusal(fixture({ effectiveFrom: '2025-02-30' }))).code).toBe('decision_validity');
    const overlap = await refusal(
      fixture({ effectiveTo: '2026-06-30' }, [{ effectiveFrom: '2026-01-01', rules: [['-', '"all"']] }]),
    );
    expect(overlap.code).toBe('decision_versions');
    expect(overlap.text.en).toContain('applies until 2026-06-30');
  });

  it('refuses a type it does not know', async () => {
    const xml = fixture().replace('typeRef="number"', 'typeRef="dayTimeDuration"');
    expect((await refusal(xml)).code).toBe('decision_type');
  });
});
