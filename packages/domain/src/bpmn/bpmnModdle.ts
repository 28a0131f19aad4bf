import { BpmnModdle } from 'bpmn-moddle';
import { PROCESS_BPMN_EXTENSION, type TApprover, type TText } from '@indgang/schemas';

/** A bpmn-moddle element as the mapping reads it: its type, and properties checked where used. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

/** A moddle that knows BPMN 2.0 with its diagram interchange and Indgang's `indgang:*` attributes. */
export function createBpmnModdle(): BpmnModdle {
  return new BpmnModdle({ indgang: PROCESS_BPMN_EXTENSION });
}

/** The language FEEL conditions are marked with on a sequence flow's `conditionExpression`. */
export const FEEL_LANGUAGE = 'https://www.omg.org/spec/DMN/20191111/FEEL/';

/** A catalogue text as the Danish name BPMN shows and the English one kept beside it. */
export function splitText(text: TText | undefined): { da?: string; en?: string } {
  if (text === undefined) return {};
  if (typeof text === 'string') return { da: text };
  return { da: text.da, en: text.en };
}

/** The text back: Danish alone is a plain string (the same meaning as `{ da }`, see ZText). */
export function joinText(da: string | undefined, en: string | undefined): TText | undefined {
  if (da === undefined || da === '') return undefined;
  return en ? { da, en } : da;
}

export function approverAttribute(approver: TApprover | undefined): string | undefined {
  if (approver === undefined) return undefined;
  return typeof approver === 'string' ? approver : `role:${approver.role}`;
}

export function parseApprover(value: string | undefined): TApprover | string | undefined {
  if (value === undefined) return undefined;
  if (value === 'unit_leader' || value === 'subject_leader') return value;
  if (value.startsWith('role:')) return { role: value.slice(5) };
  return value; // refused by the schema, with the step named
}
