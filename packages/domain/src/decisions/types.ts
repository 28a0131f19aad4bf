export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];
export const AGGREGATIONS = ['SUM', 'MIN', 'MAX', 'COUNT'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The FEEL types a table's inputs and outputs may declare (DMN `typeRef`); `any` when none is given. */
export type FeelType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'any';

/** A value as evaluate takes and gives it: dates as 'YYYY-MM-DD' strings, numbers as numbers. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/** A variable the table's FEEL may name, given in evaluate's inputs under this name. */
export interface DecisionVariable {
  name: string;
  type: FeelType;
}

/** Compiled FEEL: parsed once when the table is read, called with the variables in declared order. */
export type CompiledExpression = (args: unknown[]) => unknown;
export type CompiledUnaryTests = (value: unknown, args: unknown[]) => boolean;

export interface DecisionInput {
  id: string;
  label: string;
  expression: string;
  type: FeelType;
  compiled: CompiledExpression;
}

export interface DecisionOutput {
  id: string;
  name: string;
  label: string;
  type: FeelType;
  /** The output's allowed values in priority order (DMN `outputValues`), used by PRIORITY. */
  priority?: PlainValue[];
}

export interface DecisionCell {
  text: string;
}

export interface DecisionRule {
  id: string;
  /** Position in the table, from 0; messages name it from 1, as a modeller shows it. */
  index: number;
  description?: string;
  inputEntries: Array<DecisionCell & { test: CompiledUnaryTests }>;
  outputEntries: Array<DecisionCell & { compiled: CompiledExpression }>;
}

/** One version of a decision table, parsed and checked, with every FEEL cell compiled. */
export interface DecisionTable {
  /** The table's key: the DMN definitions' id, shared by all its versions. */
  key: string;
  /** The DMN decision's id: one per version. */
  decisionId: string;
  name: string;
  description?: string;
  version: number;
  effectiveFrom: string;
  /** The last day the version applies; open when absent (until a later version starts). */
  effectiveTo?: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  variables: DecisionVariable[];
  inputs: DecisionInput[];
  outputs: DecisionOutput[];
  rules: DecisionRule[];
}

/** All versions of a table from one DMN file, oldest first. */
export interface DecisionTableVersions {
  key: string;
  name: string;
  description?: string;
  /** The input whose date chooses the version (e.g. the trip date); else the caller names a date. */
  dateInput?: string;
  versions: DecisionTable[];
}

export interface FiredRule {
  ruleId: string;
  index: number;
  description?: string;
}

export interface DecisionResult {
  key: string;
  decisionId: string;
  version: number;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  /**
   * The outputs by output name: none or one for UNIQUE, FIRST, PRIORITY and ANY, one per fired rule
   * for COLLECT and RULE ORDER, and one (the aggregate) for COLLECT with an aggregation.
   */
  outputs: Array<Record<string, PlainValue>>;
  /** The rules whose outputs make the result, in the order they count. */
  fired: FiredRule[];
  /** Every rule whose inputs matched, in table order (PRIORITY and FIRST choose among them). */
  matched: FiredRule[];
}

export type DecisionInputs = Record<string, unknown>;
