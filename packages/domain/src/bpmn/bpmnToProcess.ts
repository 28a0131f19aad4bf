import {
  checkProcessDefinition,
  issueText,
  PROCESS_STEP_KINDS,
  ZProcessDefinition,
  type ProcessProblem,
  type ProcessStepKind,
  type TProcessDefinition,
} from '@indgang/schemas';
import { createBpmnModdle, joinText, parseApprover, type ModdleElement } from './bpmnModdle';

/** The step kinds each BPMN element may carry, the first being the kind it has without `indgang:kind`. */
const KINDS_BY_ELEMENT: Record<string, readonly ProcessStepKind[]> = {
  'bpmn:UserTask': ['human', 'approval', 'four_eyes'],
  'bpmn:ManualTask': ['human'],
  'bpmn:Task': ['human'],
  'bpmn:ServiceTask': ['automated', 'robot'],
  'bpmn:BusinessRuleTask': ['automated'],
  'bpmn:IntermediateCatchEvent': ['wait'],
  'bpmn:ParallelGateway': ['parallel', 'join'],
  'bpmn:EndEvent': ['end'],
};

const ELEMENT_WORDS: Record<string, { da: string; en: string }> = {
  'bpmn:ExclusiveGateway': { da: 'en eksklusiv gateway', en: 'an exclusive gateway' },
  'bpmn:InclusiveGateway': { da: 'en inklusiv gateway', en: 'an inclusive gateway' },
  'bpmn:EventBasedGateway': { da: 'en hændelsesbaseret gateway', en: 'an event-based gateway' },
  'bpmn:SubProcess': { da: 'en delproces', en: 'a sub-process' },
  'bpmn:CallActivity': { da: 'et kald af en anden proces', en: 'a call activity' },
  'bpmn:ScriptTask': { da: 'en scriptopgave', en: 'a script task' },
  'bpmn:SendTask': { da: 'en afsendelsesopgave', en: 'a send task' },
  'bpmn:ReceiveTask': { da: 'en modtageopgave', en: 'a receive task' },
  'bpmn:BoundaryEvent': { da: 'en grænsehændelse', en: 'a boundary event' },
  'bpmn:IntermediateThrowEvent': { da: 'en udsendende hændelse', en: 'a throwing event' },
};

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

export interface BpmnReadResult {
  /** The definition read from the file; absent when the file cannot be read as one. */
  definition?: TProcessDefinition;
  /** Every reason the definition is refused, by step, in Danish and English. Empty when it can be saved. */
  problems: ProcessProblem[];
}

/**
 * Reads a process from BPMN 2.0 XML (as exported, or drawn in a modelling tool): the step kinds
 * from the elements and their `indgang:kind`, the transitions from the sequence flows. Refuses, with
 * the step named: elements Indgang has no step for, missing attributes, and whatever
 * checkProcessDefinition finds (unreachable steps, dead ends, missing outcomes). `outcomes` are the
 * service's outcome ids.
 */
export async function bpmnToProcess(xml: string, outcomes: readonly string[]): Promise<BpmnReadResult> {
  const moddle = createBpmnModdle();
  let root: ModdleElement;
  const problems: ProcessProblem[] = [];
  try {
    const read = await moddle.fromXML(xml);
    root = read.rootElement as ModdleElement;
    for (const warning of read.warnings.slice(0, 10))
      problems.push({
        da: `Filen har noget, der ikke er BPMN 2.0: ${warning.message}`,
        en: `The file has something that is not BPMN 2.0: ${warning.message}`,
      });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      problems: [
        {
          da: `Filen kan ikke læses som BPMN 2.0 XML: ${reason}`,
          en: `The file cannot be read as BPMN 2.0 XML: ${reason}`,
        },
      ],
    };
  }
  if (root?.$type !== 'bpmn:Definitions')
    return {
      problems: [{ da: 'Filen er ikke et BPMN 2.0-dokument.', en: 'The file is not a BPMN 2.0 document.' }],
    };
  const processes = list(root.rootElements).filter(
    (e) => e.$type === 'bpmn:Process' && list(e.flowElements).length > 0,
  );
  if (processes.length !== 1)
    return {
      problems: [
        {
          da: `Filen skal indeholde præcis én proces (den har ${processes.length}).`,
          en: `The file must hold exactly one process (it has ${processes.length}).`,
        },
      ],
    };

  const elements = list(processes[0]!.flowElements);
  const startEvents = elements.filter((e) => e.$type === 'bpmn:StartEvent');
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const stepElements = elements.filter(
    (e) => e.$type !== 'bpmn:StartEvent' && e.$type !== 'bpmn:SequenceFlow',
  );

  let start = '';
  if (startEvents.length !== 1)
    problems.push({
      da: `Processen skal have præcis én starthændelse (den har ${startEvents.length}).`,
      en: `The process must have exactly one start event (it has ${startEvents.length}).`,
    });
  else {
    const out = flows.filter((f) => f.sourceRef === startEvents[0]);
    const target = out[0]?.targetRef as ModdleElement | undefined;
    if (out.length !== 1 || !target?.id)
      problems.push({
        da: 'Starthændelsen skal føre til præcis ét trin.',
        en: 'The start event must lead to exactly one step.',
      });
    else start = target.id;
  }

  const steps: Record<string, unknown>[] = [];
  for (const element of stepElements) {
    const id = element.id ?? '';
    const allowed = KINDS_BY_ELEMENT[element.$type];
    if (!allowed) {
      const words = ELEMENT_WORDS[element.$type] ?? { da: element.$type, en: element.$type };
      problems.push({
        stepId: id,
        da: `Elementet "${element.name ?? id}" er ${words.da}, som Indgang ikke har et trin for.`,
        en: `Element "${element.name ?? id}" is ${words.en}, which Indgang has no step for.`,
      });
      continue;
    }
    const declared = str(element.kind);
    let kind: ProcessStepKind;
    if (declared !== undefined) {
      if (
        !(PROCESS_STEP_KINDS as readonly string[]).includes(declared) ||
        !allowed.includes(declared as ProcessStepKind)
      ) {
        problems.push({
          stepId: id,
          da: `Elementet "${element.name ?? id}" (${element.$type}) kan ikke være et trin af typen "${declared}" (kun ${allowed.join(', ')}).`,
          en: `Element "${element.name ?? id}" (${element.$type}) cannot be a step of kind "${declared}" (only ${allowed.join(', ')}).`,
        });
        continue;
      }
      kind = declared as ProcessStepKind;
    } else if (element.$type === 'bpmn:ServiceTask') kind = str(element.topic) ? 'robot' : 'automated';
    else if (element.$type === 'bpmn:ParallelGateway')
      kind =
        element.gatewayDirection === 'Converging' ||
        (list(element.incoming).length > 1 && list(element.outgoing).length <= 1)
          ? 'join'
          : 'parallel';
    else kind = allowed[0]!;

    const definitions = list(element.eventDefinitions);
    const message = definitions.find((d) => d.$type === 'bpmn:MessageEventDefinition');
    const untilField = str(element.untilField);
    const letterLabel = joinText(str(element.letterLabelDa), str(element.letterLabelEn));
    if (
      kind === 'wait' &&
      definitions.some((d) => !['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition'].includes(d.$type))
    )
      problems.push({
        stepId: id,
        da: `Ventetrinnet "${element.name ?? id}" kan kun vente på en dato (timer) eller en hændelse (besked).`,
        en: `Wait step "${element.name ?? id}" can only wait for a date (timer) or an event (message).`,
      });
    const next = flows
      .filter((f) => f.sourceRef === element)
      .map((f) => {
        const condition = f.conditionExpression as ModdleElement | undefined;
        return Object.fromEntries(
          Object.entries({
            to: (f.targetRef as ModdleElement | undefined)?.id ?? '',
            on: str(f.on),
            when: str(condition?.body)?.trim(),
            label: joinText(str(f.name), str(f.labelEn)),
          }).filter(([, v]) => v !== undefined),
        );
      });
    const step = {
      id,
      kind,
      name: joinText(str(element.name), str(element.nameEn)),
      portalText: joinText(str(element.portalTextDa), str(element.portalTextEn)),
      normDays: num(element.normDays),
      effortMinutes: num(element.effortMinutes),
      escalation: str(element.escalation),
      next,
      team: str(element.team),
      approver: parseApprover(str(element.approver)),
      action: str(element.action),
      decision: str(element.decision),
      topic: str(element.topic),
      until: untilField ? { field: untilField, offsetDays: num(element.untilOffsetDays) ?? 0 } : undefined,
      event: str(element.event) ?? str((message?.messageRef as ModdleElement | undefined)?.name) ?? undefined,
      outcome: str(element.outcome),
      letter: letterLabel
        ? {
            label: letterLabel,
            text: joinText(str(element.letterTextDa), str(element.letterTextEn)),
            legalNotification: element.letterLegalNotification === true,
            mandatory: element.letterMandatory === true,
            terms: str(element.letterTerms)
              ?.split(/[\s,]+/)
              .filter(Boolean),
          }
        : undefined,
    };
    if (step.name === undefined)
      problems.push({
        stepId: id,
        da: `Trinnet "${id}" mangler et navn.`,
        en: `Step "${id}" needs a name.`,
      });
    steps.push(Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined)));
  }
  if (problems.length > 0) return { problems };

  const parsed = ZProcessDefinition.safeParse({ start, steps });
  if (!parsed.success)
    return {
      problems: parsed.error.issues.slice(0, 50).map((issue) => {
        const index = issue.path[1];
        const stepId = typeof index === 'number' ? (steps[index]?.id as string | undefined) : undefined;
        const where = issue.path.slice(2).join('.');
        const text = issueText(issue);
        return {
          stepId,
          da: `${stepId ? `Trinnet "${stepId}"` : 'Processen'}${where ? ` (${where})` : ''}: ${text.da}`,
          en: `${stepId ? `Step "${stepId}"` : 'The process'}${where ? ` (${where})` : ''}: ${text.en}`,
        };
      }),
    };
  return { definition: parsed.data, problems: checkProcessDefinition(parsed.data, outcomes) };
}
