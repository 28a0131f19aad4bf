import { describe, expect, it } from 'vitest';
import { checkProcessDefinition, DEFAULT_PROCESS, PROCESS_STEP_KINDS } from '@indgang/schemas';
import { bpmnToProcess } from './bpmnToProcess';
import { processToBpmn } from './processToBpmn';
import { SAMPLE_PROCESSES } from './sampleProcesses';

const service = { id: 'koerselsgodtgoerelse', version: 3, name: { da: 'Kørsel', en: 'Mileage' } };

describe('BPMN export and import', () => {
  it('the samples cover every step kind and are valid', () => {
    const kinds = new Set(Object.values(SAMPLE_PROCESSES).flatMap((s) => s.process.steps.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual([...PROCESS_STEP_KINDS].sort());
    for (const s of Object.values(SAMPLE_PROCESSES))
      expect(checkProcessDefinition(s.process, s.outcomes)).toEqual([]);
  });

  it.each([
    ['DEFAULT_PROCESS', { outcomes: [] as string[], process: DEFAULT_PROCESS }],
    ...Object.entries(SAMPLE_PROCESSES),
  ])('%s makes the round trip without losing anything', async (_name, sample) => {
    const xml = await processToBpmn(sample.process, service);
    const back = await bpmnToProcess(xml, sample.outcomes);
    expect(back.problems).toEqual([]);
    expect(back.definition).toEqual(sample.process);
    // and once more: exporting what was imported gives the same file
    expect(await processToBpmn(back.definition!, service)).toBe(xml);
  });

  it('draws each kind as its BPMN element, with a start event, conditions and a laid-out diagram', async () => {
    const xml = await processToBpmn(SAMPLE_PROCESSES.everyKind!.process, service);
    expect(xml).toMatch(/<bpmn:startEvent id="StartEvent">/);
    expect(xml).toMatch(/<bpmn:userTask id="leder" name="Lederens godkendelse" indgang:kind="approval"/);
    expect(xml).toMatch(/indgang:approver="unit_leader"/);
    expect(xml).toMatch(/<bpmn:businessRuleTask id="takst"[^>]*indgang:decision="kilometertakst"/);
    expect(xml).toMatch(/<bpmn:serviceTask id="robot"[^>]*indgang:topic="payroll.mileage"/);
    expect(xml).toMatch(/<bpmn:parallelGateway id="split"[^>]*gatewayDirection="Diverging"/);
    expect(xml).toMatch(/<bpmn:parallelGateway id="samle"[^>]*gatewayDirection="Converging"/);
    expect(xml).toMatch(/<bpmn:intermediateCatchEvent id="vent-dato"[\s\S]*?<bpmn:timerEventDefinition>/);
    expect(xml).toMatch(/<bpmn:message id="Message_payroll.receipt" name="payroll.receipt"/);
    expect(xml).toMatch(/<bpmn:endEvent id="udbetalt"[^>]*indgang:outcome="udbetalt"/);
    expect(xml).toContain('answers.km &gt; 1000</bpmn:conditionExpression>');
    expect(xml).toMatch(/<bpmndi:BPMNShape id="leder_di" bpmnElement="leder">\s*<dc:Bounds/);
    expect(xml).toMatch(/<bpmndi:BPMNEdge id="Flow_leder_1_di"/);
  });

  it('reads a process drawn in a modelling tool without Indgang attributes by its elements', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:message id="m" name="certificate.received" />
  <bpmn:process id="p">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="Activity_1" name="Behandl" />
    <bpmn:serviceTask id="Activity_2" name="Bestil attest" indgang:topic="certificate.order" xmlns:indgang="urn:indgang:process:1" />
    <bpmn:intermediateCatchEvent id="Event_1" name="Attest modtaget"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="e" name="Slut" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="Activity_1" />
    <bpmn:sequenceFlow id="f1" sourceRef="Activity_1" targetRef="Activity_2" />
    <bpmn:sequenceFlow id="f2" sourceRef="Activity_2" targetRef="Event_1" />
    <bpmn:sequenceFlow id="f3" sourceRef="Event_1" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const read = await bpmnToProcess(xml, []);
    expect(read.problems).toEqual([]);
    expect(read.definition?.start).toBe('Activity_1');
    expect(read.definition?.steps.map((s) => [s.id, s.kind])).toEqual([
      ['Activity_1', 'human'],
      ['Activity_2', 'robot'],
      ['Event_1', 'wait'],
      ['e', 'end'],
    ]);
    expect(read.definition?.steps[2]?.event).toBe('certificate.received');
  });

  it('refuses unknown elements, missing attributes and what the checks find, by step in both languages', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:indgang="urn:indgang:process:1" id="d" targetNamespace="x">
  <bpmn:process id="p">
    <bpmn:startEvent id="s" />
    <bpmn:exclusiveGateway id="gw" name="Valg" />
    <bpmn:endEvent id="e" name="Slut" indgang:kind="approval" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="gw" />
  </bpmn:process>
</bpmn:definitions>`;
    const read = await bpmnToProcess(xml, []);
    expect(read.definition).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({ stepId: 'gw', da: expect.stringContaining('eksklusiv gateway') }),
      expect.objectContaining({
        stepId: 'e',
        en: expect.stringContaining('cannot be a step of kind "approval"'),
      }),
    ]);

    const checks = await bpmnToProcess(
      (await processToBpmn(SAMPLE_PROCESSES.everyKind!.process, service))
        .replace(' indgang:approver="unit_leader"', '')
        .replace(' indgang:outcome="afvist"', ''),
      ['udbetalt', 'afvist'],
    );
    expect(checks.problems).toEqual([
      expect.objectContaining({
        stepId: 'leder',
        da: 'Trinnet "Lederens godkendelse" mangler en godkender.',
      }),
      expect.objectContaining({ stepId: 'afvist', en: expect.stringContaining('needs one of the service') }),
    ]);

    const unreachable = await bpmnToProcess(
      (await processToBpmn(DEFAULT_PROCESS, service)).replace(
        '<bpmn:endEvent id="afsluttet"',
        '<bpmn:userTask id="ekstra" name="Ekstra" /><bpmn:endEvent id="afsluttet"',
      ),
      [],
    );
    expect(unreachable.problems.map((p) => [p.stepId, p.en])).toEqual([
      ['ekstra', 'Step "Ekstra" is a dead end: it leads nowhere.'],
      ['ekstra', 'Step "Ekstra" cannot be reached from the start.'],
    ]);
  });

  it('refuses what is not BPMN', async () => {
    expect((await bpmnToProcess('<nope', [])).problems[0]?.da).toMatch(/kan ikke læses som BPMN/);
    expect((await bpmnToProcess('<a/>', [])).problems.length).toBeGreaterThan(0);
  });
});
