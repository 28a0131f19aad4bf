// bpmn-moddle's package exports no types for its entry, and bpmn-auto-layout ships none; this
// declares the little of them the mapping uses. Elements are read as ModdleElement and checked
// property by property where they are used.
declare module 'bpmn-moddle' {
  export interface BpmnFromXmlResult {
    rootElement: unknown;
    warnings: Array<{ message: string }>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, attributes?: Record<string, unknown>): unknown;
    fromXML(xml: string, typeName?: string): Promise<BpmnFromXmlResult>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}

declare module 'bpmn-auto-layout' {
  /** The XML with a diagram (BPMNDiagram) laid out for its first process. */
  export function layoutProcess(xml: string): Promise<string>;
}
