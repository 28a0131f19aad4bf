import { evaluate, parseUnaryTests, unaryTest, type FeelFunction } from 'feelin';
import { decisionError, placeText, type CellPlace } from './decisionError';
import type { CompiledExpression, CompiledUnaryTests } from './types';

/**
 * feelin parses an expression on every `evaluate` and `unaryTest` call. A table is read once and
 * evaluated many times, so each cell is compiled once into a FEEL function whose parameters are the
 * table's variables (and, for an input entry, the value under test): feelin parses the function
 * definition once, and calling it runs the already built evaluation tree.
 */
export const VALUE_PARAMETER = '__value';

/** Literals and simple tests (`< 10`, `[1..5]`) that FEEL's `in` tests exactly as a unary test does. */
const IN_TESTABLE = new Set([
  'SimplePositiveUnaryTest',
  'NumericLiteral',
  'StringLiteral',
  'BooleanLiteral',
  'DateTimeLiteral',
]);

const ALWAYS: CompiledUnaryTests = () => true;

interface TreeNode {
  name: string;
  from: number;
  to: number;
  firstChild: TreeNode | null;
  nextSibling: TreeNode | null;
}

function children(node: TreeNode): TreeNode[] {
  const list: TreeNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

function nullContext(variables: string[], withValue: boolean): Record<string, null> {
  const context: Record<string, null> = Object.fromEntries(variables.map((name) => [name, null]));
  if (withValue) context['?'] = null;
  return context;
}

function syntaxRefusal(place: CellPlace, text: string, error: unknown) {
  const where = placeText(place);
  const detail = error instanceof Error ? error.message : String(error);
  return decisionError('decision_feel_syntax', {
    da: `FEEL-udtrykket i ${where.da} kan ikke læses: "${text}" (${detail}).`,
    en: `The FEEL expression in ${where.en} cannot be read: "${text}" (${detail}).`,
  });
}

/** Names the cell uses that are neither the table's variables nor FEEL's functions. */
function refuseUnknownNames(
  warnings: Array<{ type: string; message: string }>,
  place: CellPlace,
  text: string,
) {
  const unknown = warnings.find((w) => w.type === 'NO_VARIABLE_FOUND');
  if (!unknown) return;
  const where = placeText(place);
  throw decisionError('decision_feel_unknown_name', {
    da: `FEEL-udtrykket i ${where.da} bruger et navn, tabellen ikke kender: "${text}" (${unknown.message}).`,
    en: `The FEEL expression in ${where.en} uses a name the table does not know: "${text}" (${unknown.message}).`,
  });
}

function defineFunction(parameters: string[], body: string, place: CellPlace, text: string): FeelFunction {
  let fn: unknown;
  try {
    fn = evaluate(`function(${parameters.join(', ')}) ${body}`).value;
  } catch (error) {
    throw syntaxRefusal(place, text, error);
  }
  if (!fn || typeof (fn as FeelFunction).fn !== 'function') {
    throw syntaxRefusal(place, text, 'not a function');
  }
  return fn as FeelFunction;
}

/** An expression (an input expression or an output entry) compiled over the table's variables. */
export function compileExpression(text: string, variables: string[], place: CellPlace): CompiledExpression {
  const trimmed = text.trim();
  if (trimmed === '') return () => null;
  let warnings;
  try {
    ({ warnings } = evaluate(trimmed, nullContext(variables, false)));
  } catch (error) {
    throw syntaxRefusal(place, trimmed, error);
  }
  refuseUnknownNames(warnings, place, trimmed);
  const fn = defineFunction(variables, trimmed, place, trimmed);
  return (args) => fn.fn(...args) as unknown;
}

/**
 * An input entry (unary tests, e.g. `< 20000`, `"a","b"`, `not([1..5])`, `? > limit`, `-`) compiled
 * over the table's variables and the value under test. It matches as feelin's `unaryTest` does: a
 * literal or simple test by FEEL's `in`; an expression by its value when that is a boolean (with `?`
 * bound to the value), else by `in`; `not(…)` when none of its tests is true. One difference: a test
 * that computes with `?` never passes a missing value (feelin's `? > 5` passes null).
 */
export function compileUnaryTests(text: string, variables: string[], place: CellPlace): CompiledUnaryTests {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return ALWAYS;
  const context = nullContext(variables, true);
  let warnings;
  try {
    ({ warnings } = unaryTest(trimmed, context));
  } catch (error) {
    throw syntaxRefusal(place, trimmed, error);
  }
  refuseUnknownNames(warnings, place, trimmed);

  // Without `?` in the parse context: with it, the parser reads `?` as a variable name.
  const top = parseUnaryTests(trimmed, nullContext(variables, false), undefined)
    .topNode as unknown as TreeNode;
  const parts = children(top);
  const negate = parts[0]?.name === 'not';
  const list = parts.find((node) => node.name === 'PositiveUnaryTests');
  if (!list) throw syntaxRefusal(place, trimmed, 'no unary tests');

  const parameters = [...variables, VALUE_PARAMETER];
  const tests = children(list).map((test) => {
    const inner = test.firstChild;
    const questionMarks: TreeNode[] = [];
    const visit = (node: TreeNode) => {
      if (node.name === '?' || (node.name === 'VariableName' && trimmed.slice(node.from, node.to) === '?')) {
        questionMarks.push(node);
        return;
      }
      for (const child of children(node)) visit(child);
    };
    visit(test);
    let slice = trimmed.slice(test.from, test.to);
    for (const mark of questionMarks.sort((a, b) => b.from - a.from)) {
      slice =
        slice.slice(0, mark.from - test.from) + `(${VALUE_PARAMETER})` + slice.slice(mark.to - test.from);
    }
    let body: string;
    if (inner?.name === 'null') body = `${VALUE_PARAMETER} = null`;
    else if (inner && IN_TESTABLE.has(inner.name) && questionMarks.length === 0) {
      body = `${VALUE_PARAMETER} in (${slice})`;
    } else if (questionMarks.length > 0) {
      // A test that computes with the value: true passes. Unlike feelin's unaryTest, a missing value
      // (null) never passes it: `? > 5` is not true of nothing.
      body =
        `if (${slice}) instance of boolean then (${slice}) ` +
        `else if (${slice}) = null then false else ${VALUE_PARAMETER} in (${slice})`;
    } else {
      body =
        `if (${slice}) instance of boolean then (${slice}) ` +
        `else if (${slice}) = null then ${VALUE_PARAMETER} = null else ${VALUE_PARAMETER} in (${slice})`;
    }
    return defineFunction(parameters, body, place, trimmed);
  });

  if (tests.length === 1) {
    const only = tests[0]!;
    return negate
      ? (value, args) => only.fn(...args, value) !== true
      : (value, args) => only.fn(...args, value) === true;
  }
  return (value, args) => {
    for (const test of tests) if (test.fn(...args, value) === true) return !negate;
    return negate;
  };
}
