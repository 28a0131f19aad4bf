// dmn-moddle ships no types; this declares the little of it that parseDecisionTables reads. The
// model's elements are read as `unknown` and checked field by field where they are used.
declare module 'dmn-moddle' {
  export interface DmnFromXmlResult {
    rootElement: unknown;
    warnings: Array<{ message: string }>;
  }
  export class DmnModdle {
    fromXML(xml: string): Promise<DmnFromXmlResult>;
  }
}
