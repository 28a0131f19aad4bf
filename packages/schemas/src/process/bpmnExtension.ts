/**
 * Indgang's own attributes on BPMN 2.0 elements, described to bpmn-moddle (and so to bpmn-js) as a
 * package: what BPMN has no word for (the step kind, norms, approver, action, topic, outcome, a
 * letter's label and flags, the result a flow is taken on, the English names) travels as `indgang:*` attributes, so a process
 * exported and imported again loses nothing, and a modelling tool that does not know them keeps them.
 * Shared by the server (export and import) and the browser (the diagram editor).
 */
export const PROCESS_BPMN_NAMESPACE = 'urn:indgang:process:1';

const attr = (name: string, type = 'String') => ({ name, isAttr: true, type });

export const PROCESS_BPMN_EXTENSION = {
  name: 'Indgang',
  prefix: 'indgang',
  uri: PROCESS_BPMN_NAMESPACE,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'Step',
      extends: ['bpmn:FlowNode'],
      properties: [
        attr('kind'),
        attr('nameEn'),
        attr('portalTextDa'),
        attr('portalTextEn'),
        attr('normDays', 'Integer'),
        attr('effortMinutes', 'Real'),
        attr('escalation'),
        attr('team'),
        attr('approver'),
        attr('action'),
        attr('decision'),
        attr('topic'),
        attr('untilField'),
        attr('untilOffsetDays', 'Integer'),
        attr('event'),
        attr('outcome'),
        attr('letterLabelDa'),
        attr('letterLabelEn'),
        attr('letterTextDa'),
        attr('letterTextEn'),
        attr('letterLegalNotification', 'Boolean'),
        attr('letterMandatory', 'Boolean'),
        attr('letterTerms'),
      ],
    },
    { name: 'Flow', extends: ['bpmn:SequenceFlow'], properties: [attr('on'), attr('labelEn')] },
  ],
} as const;
