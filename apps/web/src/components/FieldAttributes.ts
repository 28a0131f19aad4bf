/** The attributes a form field passes to its control: its id, description, validity and requiredness. */
export type FieldAttributes = Record<string, unknown> & { id: string };
