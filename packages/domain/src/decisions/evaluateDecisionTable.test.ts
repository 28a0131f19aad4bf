import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/DomainError';
import { dmnFixture, type Fixture } from './dmnFixture';
import { evaluateDecision } from './evaluateDecision';
import { evaluateDecisionTable } from './evaluateDecisionTable';
import { parseDecisionTables } from './parseDecisionTables';

async function table(
  hitPolicy: string,
  rules: string[][],
  extra: Partial<Fixture> & { aggregation?: string } = {},
) {
  const tables = await parseDecisionTables(
    dmnFixture({
      inputs: [{ expression: 'age' }],
      outputs: [{ name: 'route', values: '"urgent","normal","low"' }],
      ...extra,
      versions: [{ hitPolicy, rules, ...(extra.aggregation ? { aggregation: extra.aggregation } : {}) }],
    }),
  );
  return tables.versions[0]!;
}

async function refusal(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

const RULES = [
  ['< 18', '"urgent"'],
  ['< 30', '"low"'],
  ['< 65', '"normal"'],
  ['>= 65', '"urgent"'],
];

describe('evaluateDecisionTable', () => {
  it('UNIQUE gives the one rule that matches, or nothing', async () => {
    const t = await table('UNIQUE', [
      ['< 18', '"urgent"'],
      ['[18..65[', '"normal"'],
    ]);
    const result = evaluateDecisionTable(t, { age: 40 });
    expect(result.outputs).toEqual([{ route: 'normal' }]);
    expect(result.fired).toEqual([{ ruleId: 'r2', index: 1 }]);
    expect(evaluateDecisionTable(t, { age: 70 })).toMatchObject({ outputs: [], fired: [], matched: [] });
  });

  it('UNIQUE refuses to decide when two rules match, naming both', async () => {
    const t = await table('UNIQUE', RULES);
    const error = await refusal(() => evaluateDecisionTable(t, { age: 10 }));
    expect(error.code).toBe('decision_unique_violated');
    expect(error.kind).toBe('unprocessable');
    expect(error.text.en).toContain('1 (r1), 2 (r2), 3 (r3)');
    expect(error.text.da).toContain('flere regler passer: 1 (r1), 2 (r2), 3 (r3)');
  });

  it('FIRST takes the first matching rule in table order', async () => {
    const result = evaluateDecisionTable(await table('FIRST', RULES), { age: 20 });
    expect(result.outputs).toEqual([{ route: 'low' }]);
    expect(result.fired.map((r) => r.ruleId)).toEqual(['r2']);
    expect(result.matched.map((r) => r.ruleId)).toEqual(['r2', 'r3']);
  });

  it('PRIORITY takes the rule whose output comes first in the output values', async () => {
    const result = evaluateDecisionTable(await table('PRIORITY', RULES), { age: 20 });
    expect(result.outputs).toEqual([{ route: 'normal' }]);
    expect(result.fired).toEqual([{ ruleId: 'r3', index: 2 }]);
    expect(evaluateDecisionTable(await table('PRIORITY', RULES), { age: 10 }).fired[0]!.ruleId).toBe('r1');
  });

  it('PRIORITY is refused without output values to rank by', async () => {
    const error = await refusal(() => table('PRIORITY', RULES, { outputs: [{ name: 'route' }] }));
    expect(error.code).toBe('decision_output_values');
  });

  it('ANY gives the common output of agreeing rules and refuses disagreeing ones', async () => {
    const t = await table('ANY', [
      ['< 18', '"urgent"'],
      ['< 10', '"urgent"'],
      ['< 5', '"low"'],
    ]);
    const result = evaluateDecisionTable(t, { age: 8 });
    expect(result.outputs).toEqual([{ route: 'urgent' }]);
    expect(result.fired.map((r) => r.index)).toEqual([0, 1]);
    const error = await refusal(() => evaluateDecisionTable(t, { age: 3 }));
    expect(error.code).toBe('decision_any_violated');
    expect(error.text.en).toContain('1 (r1), 2 (r2), 3 (r3)');
  });

  it('COLLECT lists every matching rule, and RULE ORDER does so in table order', async () => {
    for (const policy of ['COLLECT', 'RULE ORDER']) {
      const result = evaluateDecisionTable(await table(policy, RULES), { age: 20 });
      expect(result.outputs).toEqual([{ route: 'low' }, { route: 'normal' }]);
      expect(result.fired.map((r) => r.ruleId)).toEqual(['r2', 'r3']);
    }
  });

  it('COLLECT aggregates with SUM, MIN, MAX and COUNT', async () => {
    const points = [
      ['>= 0', '10'],
      ['>= 18', '5'],
      ['>= 65', '20'],
    ];
    const collect = (aggregation: string) =>
      table('COLLECT', points, { aggregation, outputs: [{ name: 'points', type: 'number' }] });
    expect(evaluateDecisionTable(await collect('SUM'), { age: 70 }).outputs).toEqual([{ points: 35 }]);
    expect(evaluateDecisionTable(await collect('MIN'), { age: 70 }).outputs).toEqual([{ points: 5 }]);
    expect(evaluateDecisionTable(await collect('MAX'), { age: 30 }).outputs).toEqual([{ points: 10 }]);
    expect(evaluateDecisionTable(await collect('COUNT'), { age: 30 }).outputs).toEqual([{ points: 2 }]);
    expect(evaluateDecisionTable(await collect('COUNT'), { age: -1 }).outputs).toEqual([{ points: 0 }]);
    expect(evaluateDecisionTable(await collect('SUM'), { age: -1 }).outputs).toEqual([]);
    expect(evaluateDecisionTable(await collect('SUM'), { age: 70 }).fired.map((r) => r.index)).toEqual([
      0, 1, 2,
    ]);
  });

  it('refuses an input of the wrong type instead of comparing it wrongly', async () => {
    const error = await refusal(async () =>
      evaluateDecisionTable(await table('FIRST', RULES), { age: '20' }),
    );
    expect(error.code).toBe('decision_input_type');
    expect(error.text.da).toContain('"age" skal være et tal');
  });

  it('refuses an output of the wrong type, naming the rule', async () => {
    const t = await table('FIRST', [['-', '"many"']], { outputs: [{ name: 'points', type: 'number' }] });
    const error = await refusal(() => evaluateDecisionTable(t, { age: 1 }));
    expect(error.code).toBe('decision_output_type');
    expect(error.text.en).toContain('Rule 1 (r1)');
  });

  it('compares dates given as YYYY-MM-DD as FEEL dates', async () => {
    const t = await table(
      'FIRST',
      [
        ['< date("2026-01-01")', '"old"'],
        ['[date("2026-01-01")..date("2026-12-31")]', '"this year"'],
      ],
      { inputs: [{ expression: 'startDate', type: 'date' }] },
    );
    expect(evaluateDecisionTable(t, { startDate: '2025-12-31' }).outputs).toEqual([{ route: 'old' }]);
    expect(evaluateDecisionTable(t, { startDate: '2026-01-01' }).outputs).toEqual([{ route: 'this year' }]);
    expect(evaluateDecisionTable(t, { startDate: '2027-01-01' }).outputs).toEqual([]);
    expect((await refusal(() => evaluateDecisionTable(t, { startDate: '2026-02-30' }))).code).toBe(
      'decision_input_type',
    );
  });

  it('refuses a date input that is not a date in every version', async () => {
    const error = await refusal(() =>
      parseDecisionTables(
        dmnFixture({
          inputs: [{ expression: 'day', type: 'string' }],
          outputs: [{ name: 'rate', type: 'number' }],
          dateInput: 'day',
          versions: [{ rules: [['-', '3.81']] }],
        }),
      ),
    );
    expect(error.code).toBe('decision_date_input');
  });
});

describe('evaluateDecision', () => {
  const versions = (extra: Partial<Fixture> = {}) =>
    parseDecisionTables(
      dmnFixture({
        inputs: [
          { expression: 'day', type: 'date' },
          { expression: 'km', type: 'number' },
        ],
        outputs: [{ name: 'rate', type: 'number' }],
        dateInput: 'day',
        versions: [
          { effectiveFrom: '2025-01-01', rules: [['-', '-', '3.81']] },
          { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', rules: [['-', '-', '3.94']] },
        ],
        ...extra,
      }),
    );

  it('switches to the new version on its effective date', async () => {
    const tables = await versions();
    const on = (day: string) => evaluateDecision(tables, { day, km: 10 });
    expect(on('2025-12-31')).toMatchObject({ version: 1, outputs: [{ rate: 3.81 }] });
    expect(on('2026-01-01')).toMatchObject({ version: 2, outputs: [{ rate: 3.94 }] });
    expect(on('2026-12-31')).toMatchObject({ version: 2, decisionId: 'd2' });
  });

  it('refuses a date no version covers: before the first, after one that ended', async () => {
    const tables = await versions();
    for (const day of ['2024-12-31', '2027-01-01']) {
      const error = await refusal(() => evaluateDecision(tables, { day, km: 1 }));
      expect(error.code).toBe('decision_no_version');
      expect(error.text.en).toContain(`applies on ${day}`);
    }
    expect((await refusal(() => evaluateDecision(tables, { km: 1 }))).code).toBe('decision_date');
  });
});
