// Builds small DMN 1.3 files for the tests: one table, one or more versions, cells as FEEL text.
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FixtureVersion {
  version?: number;
  effectiveFrom?: string;
  effectiveTo?: string;
  hitPolicy?: string;
  aggregation?: string;
  /** Each rule: its input cells, then its output cells. */
  rules: string[][];
}

export interface Fixture {
  inputs: Array<{ expression: string; type?: string; label?: string }>;
  outputs: Array<{ name: string; type?: string; values?: string }>;
  dateInput?: string;
  versions: FixtureVersion[];
}

export function dmnFixture(fixture: Fixture): string {
  const decisions = fixture.versions.map((v, n) => {
    const attrs = [
      `indgang:version="${v.version ?? n + 1}"`,
      `indgang:effectiveFrom="${v.effectiveFrom ?? '2025-01-01'}"`,
      v.effectiveTo ? `indgang:effectiveTo="${v.effectiveTo}"` : '',
    ].join(' ');
    const table = [
      v.hitPolicy ? `hitPolicy="${v.hitPolicy}"` : '',
      v.aggregation ? `aggregation="${v.aggregation}"` : '',
    ].join(' ');
    const inputs = fixture.inputs
      .map(
        (input, i) =>
          `<input id="v${n}-in${i}" label="${input.label ?? input.expression}"><inputExpression typeRef="${input.type ?? 'number'}"><text>${escape(input.expression)}</text></inputExpression></input>`,
      )
      .join('');
    const outputs = fixture.outputs
      .map(
        (output, i) =>
          `<output id="v${n}-out${i}" name="${output.name}" typeRef="${output.type ?? 'string'}">${
            output.values ? `<outputValues><text>${escape(output.values)}</text></outputValues>` : ''
          }</output>`,
      )
      .join('');
    const rules = v.rules
      .map((cells, r) => {
        const ins = cells
          .slice(0, fixture.inputs.length)
          .map((c) => `<inputEntry><text>${escape(c)}</text></inputEntry>`)
          .join('');
        const outs = cells
          .slice(fixture.inputs.length)
          .map((c) => `<outputEntry><text>${escape(c)}</text></outputEntry>`)
          .join('');
        return `<rule id="${n === 0 ? '' : `v${n + 1}-`}r${r + 1}">${ins}${outs}</rule>`;
      })
      .join('');
    return `<decision id="d${n + 1}" name="Test v${n + 1}" ${attrs}><decisionTable id="t${n + 1}" ${table}>${inputs}${outputs}${rules}</decisionTable></decision>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:indgang="urn:indgang:decisions:1" id="test" name="Test" namespace="urn:test"${
    fixture.dateInput ? ` indgang:dateInput="${fixture.dateInput}"` : ''
  }>${decisions.join('')}</definitions>`;
}
