import { isCalendarDate } from '@indgang/schemas';
import { DmnModdle } from 'dmn-moddle';
import { evaluate } from 'feelin';
import { DomainError } from '../errors/DomainError';
import { compileExpression, compileUnaryTests, VALUE_PARAMETER } from './compileFeel';
import { decisionError } from './decisionError';
import { toPlainValue } from './feelValues';
import {
  AGGREGATIONS,
  HIT_POLICIES,
  type Aggregation,
  type DecisionInput,
  type DecisionOutput,
  type DecisionRule,
  type DecisionTable,
  type DecisionTableVersions,
  type DecisionVariable,
  type FeelType,
  type HitPolicy,
  type PlainValue,
} from './types';

/** The XML namespace of Indgang's attributes on a DMN file: validity and version of each decision. */
export const DECISIONS_NAMESPACE = 'urn:indgang:decisions:1';

interface Element {
  $type: string;
  $attrs?: Record<string, string>;
  [key: string]: unknown;
}

const asElement = (value: unknown): Element | undefined =>
  value && typeof value === 'object' && typeof (value as Element).$type === 'string'
    ? (value as Element)
    : undefined;
const elements = (value: unknown): Element[] =>
  Array.isArray(value) ? value.map(asElement).filter((e): e is Element => e !== undefined) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const cellText = (value: unknown): string => text(asElement(value)?.text) ?? '';

/** A FEEL name: letters, digits, underscores and inner spaces (e.g. `km driven earlier`). */
const FEEL_NAME = /^[\p{L}_][\p{L}\p{N}_]*( [\p{L}\p{N}_]+)*$/u;

function refuse(code: string, da: string, en: string): never {
  throw decisionError(code, { da, en });
}

function feelType(typeRef: unknown, where: string, whereEn: string): FeelType {
  const type = text(typeRef)?.trim();
  switch (type) {
    case undefined:
    case '':
    case 'Any':
      return 'any';
    case 'string':
    case 'boolean':
    case 'date':
    case 'number':
      return type;
    case 'double':
      return 'number';
    case 'integer':
    case 'long':
      return 'integer';
    default:
      return refuse(
        'decision_type',
        `Typen "${type}" i ${where} kendes ikke (brug string, number, integer, boolean eller date).`,
        `The type "${type}" in ${whereEn} is not known (use string, number, integer, boolean or date).`,
      );
  }
}

/**
 * Reads one decision table file: DMN 1.3 XML whose `<definitions>` is the table (its id the table's
 * key) and whose `<decision>` elements are its versions, each with `indgang:version`,
 * `indgang:effectiveFrom` and optionally `indgang:effectiveTo`. Every FEEL cell is parsed and compiled
 * here, so a table that is read can be evaluated; anything wrong is refused with where it is.
 */
export async function parseDecisionTables(xml: string): Promise<DecisionTableVersions> {
  let root: Element | undefined;
  try {
    const result = await new DmnModdle().fromXML(xml);
    const [warning] = result.warnings;
    if (warning) {
      refuse(
        'decision_xml',
        `Filen følger ikke DMN 1.3: ${warning.message}`,
        `The file does not follow DMN 1.3: ${warning.message}`,
      );
    }
    root = asElement(result.rootElement);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    refuse(
      'decision_xml',
      `Filen er ikke DMN 1.3-XML: ${message}`,
      `The file is not DMN 1.3 XML: ${message}`,
    );
  }
  if (root?.$type !== 'dmn:Definitions') {
    refuse('decision_xml', 'Filen har ingen DMN 1.3-definitions.', 'The file has no DMN 1.3 definitions.');
  }
  const prefix = Object.entries(root.$attrs ?? {}).find(
    ([key, value]) => key.startsWith('xmlns:') && value === DECISIONS_NAMESPACE,
  )?.[0];
  const attr = (element: Element, name: string): string | undefined =>
    prefix ? element.$attrs?.[`${prefix.slice('xmlns:'.length)}:${name}`] : undefined;

  const key = text(root.id);
  if (!key)
    refuse('decision_key', 'Tabellen (definitions) mangler et id.', 'The table (definitions) has no id.');
  const name = text(root.name) ?? key;

  const inputData = new Map<string, DecisionVariable>();
  for (const data of elements(root.drgElement).filter((e) => e.$type === 'dmn:InputData')) {
    const variable = asElement(data.variable);
    const dataName = text(variable?.name) ?? text(data.name);
    if (!dataName) continue;
    inputData.set(text(data.id) ?? dataName, {
      name: dataName,
      type: feelType(variable?.typeRef, `inputData "${dataName}"`, `inputData "${dataName}"`),
    });
  }

  const decisions = elements(root.drgElement).filter((e) => e.$type === 'dmn:Decision');
  if (decisions.length === 0) {
    refuse(
      'decision_versions',
      `Tabellen "${key}" har ingen decision.`,
      `The table "${key}" has no decision.`,
    );
  }
  const versions = decisions
    .map((decision) => parseVersion(decision, key, inputData, attr))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));

  const seen = new Set<number>();
  versions.forEach((version, i) => {
    if (seen.has(version.version)) {
      refuse(
        'decision_versions',
        `Tabellen "${key}" har version ${version.version} to gange.`,
        `The table "${key}" has version ${version.version} twice.`,
      );
    }
    seen.add(version.version);
    const next = versions[i + 1];
    if (next && (next.version <= version.version || next.effectiveFrom === version.effectiveFrom)) {
      refuse(
        'decision_versions',
        `Version ${next.version} af "${key}" skal have et højere nummer og en senere startdato end version ${version.version}.`,
        `Version ${next.version} of "${key}" must have a higher number and a later start date than version ${version.version}.`,
      );
    }
    if (next && version.effectiveTo && version.effectiveTo >= next.effectiveFrom) {
      refuse(
        'decision_versions',
        `Version ${version.version} af "${key}" gælder til ${version.effectiveTo}, men version ${next.version} gælder fra ${next.effectiveFrom}.`,
        `Version ${version.version} of "${key}" applies until ${version.effectiveTo}, but version ${next.version} applies from ${next.effectiveFrom}.`,
      );
    }
  });

  const dateInput = attr(root, 'dateInput');
  if (dateInput) {
    for (const version of versions) {
      if (version.variables.find((v) => v.name === dateInput)?.type !== 'date') {
        refuse(
          'decision_date_input',
          `Datoinputtet "${dateInput}" er ikke en dato i version ${version.version} af "${key}".`,
          `The date input "${dateInput}" is not a date in version ${version.version} of "${key}".`,
        );
      }
    }
  }
  return {
    key,
    name,
    ...(text(root.description) ? { description: text(root.description) } : {}),
    ...(dateInput ? { dateInput } : {}),
    versions,
  };
}

function parseVersion(
  decision: Element,
  key: string,
  inputData: Map<string, DecisionVariable>,
  attr: (element: Element, name: string) => string | undefined,
): DecisionTable {
  const decisionId = text(decision.id) ?? '?';
  const version = Number(attr(decision, 'version'));
  if (!Number.isInteger(version) || version < 1) {
    refuse(
      'decision_version',
      `Decision "${decisionId}" mangler indgang:version (et helt tal fra 1).`,
      `Decision "${decisionId}" lacks indgang:version (a whole number from 1).`,
    );
  }
  const effectiveFrom = attr(decision, 'effectiveFrom');
  const effectiveTo = attr(decision, 'effectiveTo');
  if (!effectiveFrom || !isCalendarDate(effectiveFrom)) {
    refuse(
      'decision_validity',
      `Decision "${decisionId}" mangler indgang:effectiveFrom (en dato ÅÅÅÅ-MM-DD).`,
      `Decision "${decisionId}" lacks indgang:effectiveFrom (a date YYYY-MM-DD).`,
    );
  }
  if (effectiveTo !== undefined && (!isCalendarDate(effectiveTo) || effectiveTo < effectiveFrom)) {
    refuse(
      'decision_validity',
      `indgang:effectiveTo i decision "${decisionId}" skal være en dato ÅÅÅÅ-MM-DD, tidligst ${effectiveFrom}.`,
      `indgang:effectiveTo in decision "${decisionId}" must be a date YYYY-MM-DD, ${effectiveFrom} or later.`,
    );
  }
  const table = asElement(decision.decisionLogic);
  if (table?.$type !== 'dmn:DecisionTable') {
    refuse(
      'decision_table',
      `Decision "${decisionId}" er ikke en beslutningstabel.`,
      `Decision "${decisionId}" is not a decision table.`,
    );
  }

  const hitPolicy = (text(table.hitPolicy) ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) {
    refuse(
      'decision_hit_policy',
      `Hit policy "${hitPolicy}" i "${decisionId}" kendes ikke eller understøttes ikke (brug ${HIT_POLICIES.join(', ')}).`,
      `The hit policy "${hitPolicy}" in "${decisionId}" is unknown or not supported (use ${HIT_POLICIES.join(', ')}).`,
    );
  }
  const aggregationText = text(table.aggregation);
  const aggregation = aggregationText as Aggregation | undefined;
  if (aggregation !== undefined && (hitPolicy !== 'COLLECT' || !AGGREGATIONS.includes(aggregation))) {
    refuse(
      'decision_aggregation',
      `Aggregeringen "${aggregation}" i "${decisionId}" kan kun være ${AGGREGATIONS.join(', ')} og kun med COLLECT.`,
      `The aggregation "${aggregation}" in "${decisionId}" can only be ${AGGREGATIONS.join(', ')}, and only with COLLECT.`,
    );
  }

  // The variables: the input data the decision requires, and each input whose expression is a name.
  const variables: DecisionVariable[] = [];
  const addVariable = (variable: DecisionVariable) => {
    if (variable.name === VALUE_PARAMETER) {
      refuse(
        'decision_variable',
        `Navnet "${VALUE_PARAMETER}" er reserveret.`,
        `The name "${VALUE_PARAMETER}" is reserved.`,
      );
    }
    if (!variables.some((v) => v.name === variable.name)) variables.push(variable);
  };
  for (const requirement of elements(decision.informationRequirement)) {
    const href = text(asElement(requirement.requiredInput)?.href);
    const data = href ? inputData.get(href.replace(/^#/, '')) : undefined;
    if (href && !data) {
      refuse(
        'decision_variable',
        `Decision "${decisionId}" kræver input "${href}", som filen ikke har.`,
        `Decision "${decisionId}" requires the input "${href}", which the file does not have.`,
      );
    }
    if (data) addVariable(data);
  }
  const inputClauses = elements(table.input);
  for (const clause of inputClauses) {
    const expression = asElement(clause.inputExpression);
    const expressionText = text(expression?.text)?.trim() ?? '';
    if (FEEL_NAME.test(expressionText)) {
      addVariable({
        name: expressionText,
        type: feelType(expression?.typeRef, `inputtet "${expressionText}"`, `the input "${expressionText}"`),
      });
    }
  }
  const names = variables.map((v) => v.name);

  const inputs: DecisionInput[] = inputClauses.map((clause, i) => {
    const expression = asElement(clause.inputExpression);
    const expressionText = text(expression?.text)?.trim() ?? '';
    const label = text(clause.label) ?? (expressionText || `input ${i + 1}`);
    return {
      id: text(clause.id) ?? `input-${i + 1}`,
      label,
      expression: expressionText,
      type: feelType(expression?.typeRef, `inputtet "${label}"`, `the input "${label}"`),
      compiled: compileExpression(expressionText, names, { column: label }),
    };
  });

  const outputs: DecisionOutput[] = elements(table.output).map((clause, i) => {
    const outputName = text(clause.name);
    const label = text(clause.label) ?? outputName ?? `output ${i + 1}`;
    if (!outputName) {
      refuse(
        'decision_output',
        `Outputtet "${label}" i "${decisionId}" mangler et navn.`,
        `The output "${label}" in "${decisionId}" has no name.`,
      );
    }
    const valuesText = cellText(clause.outputValues).trim();
    let priority: PlainValue[] | undefined;
    if (valuesText) {
      let value: unknown;
      try {
        value = evaluate(`[${valuesText}]`).value;
      } catch {
        value = undefined;
      }
      if (!Array.isArray(value)) {
        refuse(
          'decision_output_values',
          `Outputtets værdier for "${label}" kan ikke læses: "${valuesText}".`,
          `The output values of "${label}" cannot be read: "${valuesText}".`,
        );
      }
      priority = value.map(toPlainValue);
    }
    return {
      id: text(clause.id) ?? `output-${i + 1}`,
      name: outputName,
      label,
      type: feelType(clause.typeRef, `outputtet "${label}"`, `the output "${label}"`),
      ...(priority ? { priority } : {}),
    };
  });
  if (outputs.length === 0) {
    refuse('decision_output', `"${decisionId}" har intet output.`, `"${decisionId}" has no output.`);
  }
  if (aggregation && outputs.length !== 1) {
    refuse(
      'decision_aggregation',
      `"${decisionId}" aggregerer (${aggregation}) og skal derfor have netop ét output.`,
      `"${decisionId}" aggregates (${aggregation}) and so must have exactly one output.`,
    );
  }
  if (hitPolicy === 'PRIORITY' && !outputs.some((o) => o.priority)) {
    refuse(
      'decision_output_values',
      `"${decisionId}" har hit policy PRIORITY, men intet output angiver sine værdier i prioriteret rækkefølge.`,
      `"${decisionId}" has the hit policy PRIORITY, but no output lists its values in order of priority.`,
    );
  }

  const rules: DecisionRule[] = elements(table.rule).map((rule, index) => {
    const ruleId = text(rule.id) ?? `rule-${index + 1}`;
    const inputEntries = elements(rule.inputEntry);
    const outputEntries = elements(rule.outputEntry);
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      refuse(
        'decision_rule_shape',
        `Regel ${index + 1} (${ruleId}) har ${inputEntries.length} input- og ${outputEntries.length} outputceller; tabellen har ${inputs.length} input og ${outputs.length} output.`,
        `Rule ${index + 1} (${ruleId}) has ${inputEntries.length} input and ${outputEntries.length} output cells; the table has ${inputs.length} inputs and ${outputs.length} outputs.`,
      );
    }
    const description = text(rule.description);
    return {
      id: ruleId,
      index,
      ...(description ? { description } : {}),
      inputEntries: inputEntries.map((entry, k) => {
        const cell = cellText(entry);
        return {
          text: cell,
          test: compileUnaryTests(cell, names, { ruleIndex: index, ruleId, column: inputs[k]!.label }),
        };
      }),
      outputEntries: outputEntries.map((entry, k) => {
        const cell = cellText(entry);
        return {
          text: cell,
          compiled: compileExpression(cell, names, { ruleIndex: index, ruleId, column: outputs[k]!.label }),
        };
      }),
    };
  });

  const description = text(decision.description);
  return {
    key,
    decisionId,
    name: text(decision.name) ?? key,
    ...(description ? { description } : {}),
    version,
    effectiveFrom,
    ...(effectiveTo ? { effectiveTo } : {}),
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    variables,
    inputs,
    outputs,
    rules,
  };
}
