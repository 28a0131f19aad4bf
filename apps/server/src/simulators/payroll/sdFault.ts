import type { SdFaultBody } from '../../connectors/payroll/sdWire';

/** A refusal of the simulated SD Løn, in its own words (Danish), with its code and HTTP status. */
export class SdFault extends Error {
  constructor(
    readonly code: string,
    readonly text: string,
    readonly status = 400,
  ) {
    super(text);
    this.name = 'SdFault';
  }

  body(): SdFaultBody {
    return { Fault: { FaultCode: this.code, FaultText: this.text } };
  }
}

/** SD writes dates in its texts as DD.MM.YYYY. */
export const sdTextDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date element: present and a real date, or SD refuses it by name. */
export function requireDate(value: unknown, element: string): string {
  if (value === undefined || value === null || value === '')
    throw new SdFault('MissingElement', `Elementet ${element} mangler.`);
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new SdFault('InvalidDate', `${element} er ikke en gyldig dato: ${String(value).slice(0, 20)}.`);
  return value;
}

/** A text element that must be there. */
export function requireText(value: unknown, element: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new SdFault('MissingElement', `Elementet ${element} mangler.`);
  return value.trim();
}
