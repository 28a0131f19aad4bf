import { decisionError } from './decisionError';
import { plainFits, toFeelValue, toPlainValue, typeName } from './feelValues';
import type {
  DecisionInputs,
  DecisionResult,
  DecisionRule,
  DecisionTable,
  FiredRule,
  PlainValue,
} from './types';

type Outputs = Record<string, PlainValue>;

const fired = (rule: DecisionRule): FiredRule => ({
  ruleId: rule.id,
  index: rule.index,
  ...(rule.description ? { description: rule.description } : {}),
});
const ruleNames = (rules: DecisionRule[]) => rules.map((r) => `${r.index + 1} (${r.id})`).join(', ');

function ruleOutputs(table: DecisionTable, rule: DecisionRule, args: unknown[]): Outputs {
  const outputs: Outputs = {};
  table.outputs.forEach((output, k) => {
    const value = toPlainValue(rule.outputEntries[k]!.compiled(args));
    if (!plainFits(output.type, value)) {
      throw decisionError(
        'decision_output_type',
        {
          da: `Regel ${rule.index + 1} (${rule.id}) giver "${output.label}" værdien ${JSON.stringify(value)}, som ikke er ${typeName(output.type).da}.`,
          en: `Rule ${rule.index + 1} (${rule.id}) gives "${output.label}" the value ${JSON.stringify(value)}, which is not ${typeName(output.type).en}.`,
        },
        'unprocessable',
      );
    }
    outputs[output.name] = value;
  });
  return outputs;
}

/** A rule's rank by its outputs' priority lists: lower ranks first, output by output. */
function priorityRank(table: DecisionTable, outputs: Outputs): number[] {
  return table.outputs
    .filter((output) => output.priority)
    .map((output) => {
      const value = JSON.stringify(outputs[output.name]);
      const rank = output.priority!.findIndex((candidate) => JSON.stringify(candidate) === value);
      return rank === -1 ? output.priority!.length : rank;
    });
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function aggregate(table: DecisionTable, rows: Outputs[], rules: DecisionRule[]): Outputs[] {
  const output = table.outputs[0]!;
  const aggregation = table.aggregation!;
  if (aggregation === 'COUNT') return [{ [output.name]: rows.length }];
  const values = rows.map((row) => row[output.name]).filter((value) => value !== null);
  if (values.some((value) => typeof value !== 'number')) {
    throw decisionError(
      'decision_aggregation',
      {
        da: `${aggregation} kræver tal, men reglerne ${ruleNames(rules)} giver ikke alle tal i "${output.label}".`,
        en: `${aggregation} needs numbers, but the rules ${ruleNames(rules)} do not all give numbers in "${output.label}".`,
      },
      'unprocessable',
    );
  }
  const numbers = values as number[];
  if (numbers.length === 0) return [];
  switch (aggregation) {
    case 'SUM':
      return [{ [output.name]: numbers.reduce((sum, n) => sum + n, 0) }];
    case 'MIN':
      return [{ [output.name]: Math.min(...numbers) }];
    case 'MAX':
      return [{ [output.name]: Math.max(...numbers) }];
  }
}

/**
 * Decides with one version of a table: the variables from `inputs` (dates as 'YYYY-MM-DD'), each
 * rule's input entries tested in table order, the hit policy applied to the rules that matched. The
 * result names the rules that decided, so a caseworker can see why. A table that cannot decide on
 * these inputs (two UNIQUE rules match, ANY rules disagree) is refused, naming the rules.
 */
export function evaluateDecisionTable(table: DecisionTable, inputs: DecisionInputs): DecisionResult {
  const args = table.variables.map((variable) =>
    toFeelValue(variable.name, variable.type, inputs[variable.name]),
  );
  const values = table.inputs.map((input) => input.compiled(args));
  const matched = table.rules.filter((rule) =>
    rule.inputEntries.every((entry, k) => entry.test(values[k], args)),
  );

  const result = (decided: DecisionRule[], outputs: Outputs[]): DecisionResult => ({
    key: table.key,
    decisionId: table.decisionId,
    version: table.version,
    hitPolicy: table.hitPolicy,
    ...(table.aggregation ? { aggregation: table.aggregation } : {}),
    outputs,
    fired: decided.map(fired),
    matched: matched.map(fired),
  });
  const refuseFor = (code: string, da: string, en: string) =>
    decisionError(
      code,
      {
        da: `"${table.name}" (version ${table.version}): ${da}`,
        en: `"${table.name}" (version ${table.version}): ${en}`,
      },
      'unprocessable',
    );

  switch (table.hitPolicy) {
    case 'UNIQUE': {
      if (matched.length > 1) {
        throw refuseFor(
          'decision_unique_violated',
          `Hit policy UNIQUE, men flere regler passer: ${ruleNames(matched)}.`,
          `Hit policy UNIQUE, but more than one rule matches: ${ruleNames(matched)}.`,
        );
      }
      return result(
        matched,
        matched.map((rule) => ruleOutputs(table, rule, args)),
      );
    }
    case 'FIRST': {
      const first = matched.slice(0, 1);
      return result(
        first,
        first.map((rule) => ruleOutputs(table, rule, args)),
      );
    }
    case 'ANY': {
      const rows = matched.map((rule) => ruleOutputs(table, rule, args));
      const distinct = new Set(rows.map((row) => JSON.stringify(row)));
      if (distinct.size > 1) {
        throw refuseFor(
          'decision_any_violated',
          `Hit policy ANY, men reglerne ${ruleNames(matched)} giver forskellige output.`,
          `Hit policy ANY, but the rules ${ruleNames(matched)} give different outputs.`,
        );
      }
      return result(matched, rows.slice(0, 1));
    }
    case 'PRIORITY': {
      const ranked = matched
        .map((rule) => {
          const outputs = ruleOutputs(table, rule, args);
          return { rule, outputs, rank: priorityRank(table, outputs) };
        })
        .sort((a, b) => compareRanks(a.rank, b.rank) || a.rule.index - b.rule.index);
      const best = ranked.slice(0, 1);
      return result(
        best.map((r) => r.rule),
        best.map((r) => r.outputs),
      );
    }
    case 'COLLECT':
    case 'RULE ORDER': {
      const rows = matched.map((rule) => ruleOutputs(table, rule, args));
      return result(matched, table.aggregation ? aggregate(table, rows, matched) : rows);
    }
  }
}
