import { layoutProcess } from 'bpmn-auto-layout';
import type { TProcessDefinition, TProcessStep, TText } from '@indgang/schemas';
import {
  approverAttribute,
  createBpmnModdle,
  FEEL_LANGUAGE,
  splitText,
  type ModdleElement,
} from './bpmnModdle';

/** The BPMN element a step is drawn as, by its kind (decision 10). */
function elementType(step: TProcessStep): string {
  switch (step.kind) {
    case 'human':
    case 'approval':
    case 'four_eyes':
      return 'bpmn:UserTask';
    case 'automated':
      return step.decision !== undefined ? 'bpmn:BusinessRuleTask' : 'bpmn:ServiceTask';
    case 'robot':
      return 'bpmn:ServiceTask';
    case 'wait':
      return 'bpmn:IntermediateCatchEvent';
    case 'parallel':
    case 'join':
      return 'bpmn:ParallelGateway';
    case 'end':
      return 'bpmn:EndEvent';
  }
}

/** Drops the properties that are absent, so the XML carries only what the definition says. */
function present(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** A valid XML id from any text: letters, digits, `_`, `-`, `.`, starting with a letter. */
const xmlId = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^([^A-Za-z_])/, '_$1');

/**
 * A service's process as BPMN 2.0 XML: each step as the BPMN element of its kind, a start event
 * before the start step, each transition as a sequence flow (its FEEL `when` as the condition), what
 * BPMN has no word for in `indgang:*` attributes, and a diagram laid out by bpmn-auto-layout so it
 * opens in Camunda Modeler or bpmn.io as drawn.
 */
export async function processToBpmn(
  def: TProcessDefinition,
  service: { id: string; version: number; name: TText },
): Promise<string> {
  const moddle = createBpmnModdle();
  const taken = new Set(def.steps.map((s) => s.id));
  const unique = (wanted: string) => {
    let id = xmlId(wanted);
    for (let n = 2; taken.has(id); n++) id = `${xmlId(wanted)}_${n}`;
    taken.add(id);
    return id;
  };
  const messages: ModdleElement[] = [];
  const nodes = new Map<string, ModdleElement>();
  for (const step of def.steps) {
    const name = splitText(step.name);
    const portal = splitText(step.portalText);
    const letterLabel = splitText(step.letter?.label);
    const letterText = splitText(step.letter?.text);
    const attributes = present({
      id: step.id,
      name: name.da,
      kind: step.kind,
      nameEn: name.en,
      portalTextDa: portal.da,
      portalTextEn: portal.en,
      normDays: step.normDays,
      effortMinutes: step.effortMinutes,
      escalation: step.escalation,
      team: step.team,
      approver: approverAttribute(step.approver),
      action: step.action,
      decision: step.decision,
      topic: step.topic,
      untilField: step.until?.field,
      untilOffsetDays: step.until?.offsetDays,
      event: step.event,
      outcome: step.outcome,
      letterLabelDa: letterLabel.da,
      letterLabelEn: letterLabel.en,
      letterTextDa: letterText.da,
      letterTextEn: letterText.en,
      letterLegalNotification: step.letter?.legalNotification,
      letterMandatory: step.letter?.mandatory,
      letterTerms: step.letter?.terms?.join(' '),
    });
    if (step.kind === 'parallel') attributes.gatewayDirection = 'Diverging';
    if (step.kind === 'join') attributes.gatewayDirection = 'Converging';
    if (step.kind === 'wait') {
      const definitions: ModdleElement[] = [];
      if (step.until) {
        const offset = step.until.offsetDays;
        const body =
          offset === 0
            ? `date(answers.${step.until.field})`
            : `date(answers.${step.until.field}) ${offset < 0 ? '-' : '+'} duration("P${Math.abs(offset)}D")`;
        definitions.push(
          moddle.create('bpmn:TimerEventDefinition', {
            timeDate: moddle.create('bpmn:FormalExpression', { body, language: FEEL_LANGUAGE }),
          }) as ModdleElement,
        );
      }
      if (step.event) {
        const message = moddle.create('bpmn:Message', {
          id: unique(`Message_${step.event}`),
          name: step.event,
        }) as ModdleElement;
        messages.push(message);
        definitions.push(
          moddle.create('bpmn:MessageEventDefinition', { messageRef: message }) as ModdleElement,
        );
      }
      attributes.eventDefinitions = definitions;
    }
    nodes.set(step.id, moddle.create(elementType(step), attributes) as ModdleElement);
  }

  const flows: ModdleElement[] = [];
  const connect = (source: ModdleElement, target: ModdleElement, attributes: Record<string, unknown>) => {
    const flow = moddle.create('bpmn:SequenceFlow', {
      ...attributes,
      sourceRef: source,
      targetRef: target,
    }) as ModdleElement;
    const outgoing = (source.outgoing as ModdleElement[] | undefined) ?? [];
    source.outgoing = [...outgoing, flow];
    const incoming = (target.incoming as ModdleElement[] | undefined) ?? [];
    target.incoming = [...incoming, flow];
    flows.push(flow);
  };

  const startEvent = moddle.create('bpmn:StartEvent', { id: unique('StartEvent') }) as ModdleElement;
  const first = nodes.get(def.start);
  if (first) connect(startEvent, first, { id: unique(`Flow_start_${def.start}`) });
  for (const step of def.steps) {
    const source = nodes.get(step.id)!;
    step.next.forEach((t, index) => {
      const target = nodes.get(t.to);
      if (!target) return; // a definition with such a flow is refused by checkProcessDefinition
      const label = splitText(t.label);
      connect(
        source,
        target,
        present({
          id: unique(`Flow_${step.id}_${index + 1}`),
          name: label.da,
          labelEn: label.en,
          on: t.on,
          conditionExpression:
            t.when !== undefined
              ? moddle.create('bpmn:FormalExpression', { body: t.when, language: FEEL_LANGUAGE })
              : undefined,
        }),
      );
    });
  }

  const serviceName = splitText(service.name);
  const process = moddle.create('bpmn:Process', {
    id: unique(`Process_${service.id}`),
    name: serviceName.da,
    isExecutable: true,
    flowElements: [startEvent, ...nodes.values(), ...flows],
  });
  const definitions = moddle.create('bpmn:Definitions', {
    id: unique(`Definitions_${service.id}_${service.version}`),
    targetNamespace: `urn:indgang:service:${service.id}:${service.version}`,
    exporter: 'Indgang',
    exporterVersion: '1',
    rootElements: [...messages, process],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return layoutProcess(xml);
}
