import { XMLParser } from 'fast-xml-parser';

/**
 * CPR's lookup on the wire, as the client sends it and the simulator answers it: Serviceplatformen's
 * SF1520 "CPR replika opslag", service PersonBaseDataExtended version 4, operation PersonLookup
 * (SOAP 1.1, document/literal). The request carries the InvocationContext of the municipality's
 * service agreement and the number as `PNR` (ten digits); the answer is `PersonLookupResponse` with
 * `persondata` (navn, status, adressebeskyttelse, …) and `adresse` (aktuelAdresse, udrejseoplysninger)
 * in CPR's Danish element names. A refusal is a SOAP fault (HTTP 500) with Serviceplatformen's
 * `ServiceplatformFault` → ErrorList → Error (ErrorCode, ErrorText) as its detail.
 */
export const SF1520_PATH = 'service/CPR/PersonBaseDataExtended/4';
export const SF1520_NAMESPACE = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';
export const SF1520_SOAP_ACTION = `${SF1520_NAMESPACE}PersonLookup`;
const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const INVOCATION_NAMESPACE = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';
const PNR_NAMESPACE = 'http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/';
const FAULT_NAMESPACE = 'http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/';

/** The municipality's service agreement with Serviceplatformen, sent with every call. */
export interface InvocationContext {
  ServiceAgreementUUID: string;
  UserSystemUUID: string;
  UserUUID: string;
  ServiceUUID: string;
  /** Who the call is on behalf of (the job, never a person's name). */
  OnBehalfOfUser?: string;
  /** The caller's own identifier of the call: Indgang's call key, so both logs name the same call. */
  CallersServiceCallIdentifier?: string;
  AccountingInfo?: string;
}

/** A date CPR may mark as uncertain (`usikkerhedDatoType`). */
export interface Sf1520Date {
  dato: string;
  usikkerhedsmarkering?: string;
}

export interface Sf1520Protection {
  startdato?: string;
  slutdato?: string;
  beskyttet?: boolean;
}

export interface Sf1520Address {
  kommunekode?: string;
  vejkode?: string;
  vejnavn?: string;
  vejadresseringsnavn?: string;
  husnummer?: string;
  etage?: string;
  sidedoer?: string;
  conavn?: string;
  bynavn?: string;
  postnummer?: string;
  postdistrikt?: string;
  standardadresse?: string;
  tilflytningsdato?: Sf1520Date;
}

/** The parts of PersonLookupResponse Indgang reads, in CPR's own element names. */
export interface Sf1520Person {
  persondata: {
    personnummer: string;
    navn: { personadresseringsnavn: string; fornavn?: string; mellemnavn?: string; efternavn?: string };
    foedselsdato?: Sf1520Date;
    koen?: 'K' | 'M';
    status?: { status: number; statusdato?: Sf1520Date };
    adressebeskyttelse?: Sf1520Protection;
    tilmeldtDigitalpost?: boolean;
  };
  adresse?: {
    aktuelAdresse?: Sf1520Address;
    udrejseoplysninger?: {
      udrejselandekode?: string;
      udrejsedato?: Sf1520Date;
      udlandsadresse1?: string;
      udlandsadresse2?: string;
      udlandsadresse3?: string;
    };
  };
}

export interface Sf1520Fault {
  /** soap:Client (the request) or soap:Server (the service). */
  faultcode: string;
  faultstring: string;
  errorCode: string | null;
  errorText: string | null;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const element = (name: string, value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
};

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NAMESPACE}"><soap:Body>${body}</soap:Body></soap:Envelope>`;

/** The PersonLookup request for one number (ten digits). */
export function personLookupRequestXml(pnr: string, context: InvocationContext): string {
  const ctx = Object.entries(context)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<invctx:${k}>${escape(String(v))}</invctx:${k}>`)
    .join('');
  return envelope(
    `<ns:PersonLookupRequest xmlns:ns="${SF1520_NAMESPACE}" xmlns:invctx="${INVOCATION_NAMESPACE}" xmlns:pnr="${PNR_NAMESPACE}">` +
      `<invctx:InvocationContext>${ctx}</invctx:InvocationContext><pnr:PNR>${escape(pnr)}</pnr:PNR></ns:PersonLookupRequest>`,
  );
}

/** The PersonLookup answer (the simulator's; the elements in the schema's order). */
export function personLookupResponseXml(person: Sf1520Person): string {
  const p = person.persondata;
  const persondata =
    element('personnummer', p.personnummer) +
    element('navn', p.navn) +
    element('foedselsdato', p.foedselsdato) +
    element('koen', p.koen) +
    element('antalBoernUnder18', 0) +
    element('status', p.status) +
    element('adressebeskyttelse', p.adressebeskyttelse) +
    element('tilmeldtDigitalpost', p.tilmeldtDigitalpost);
  const a = person.adresse;
  const adresse = a
    ? element('aktuelAdresse', a.aktuelAdresse) + element('udrejseoplysninger', a.udrejseoplysninger)
    : '';
  // The service's namespace as the default one: every element of the answer is qualified by it.
  return envelope(
    `<PersonLookupResponse xmlns="${SF1520_NAMESPACE}"><persondata>${persondata}</persondata>` +
      (adresse ? `<adresse>${adresse}</adresse>` : '') +
      `</PersonLookupResponse>`,
  );
}

/** A SOAP fault with Serviceplatformen's error list (HTTP 500 goes with it). */
export function soapFaultXml(
  fault: Omit<Sf1520Fault, 'errorCode' | 'errorText'> & { errorCode: string; errorText: string },
) {
  return envelope(
    `<soap:Fault><faultcode>${escape(fault.faultcode)}</faultcode><faultstring>${escape(fault.faultstring)}</faultstring>` +
      `<detail><spf:ServiceplatformFault xmlns:spf="${FAULT_NAMESPACE}"><spf:ErrorList><spf:Error>` +
      `<spf:ErrorCode>${escape(fault.errorCode)}</spf:ErrorCode><spf:ErrorText>${escape(fault.errorText)}</spf:ErrorText>` +
      `</spf:Error></spf:ErrorList></spf:ServiceplatformFault></detail></soap:Fault>`,
  );
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

type Tree = Record<string, unknown>;
const at = (tree: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined),
    tree,
  );
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** The SOAP body's one element, by its local name, from a SOAP envelope; null when it is not one. */
export function soapBody(xml: string): Tree | null {
  try {
    const body = at(parser.parse(xml) as Tree, 'Envelope', 'Body');
    return body && typeof body === 'object' ? (body as Tree) : null;
  } catch {
    return null;
  }
}

/** What the client reads: the person, a fault, or an answer it cannot read. */
export function readPersonLookupResponse(
  xml: string,
): { person: Sf1520Person } | { fault: Sf1520Fault } | { unreadable: string } {
  const body = soapBody(xml);
  if (!body) return { unreadable: 'The answer is not a SOAP envelope' };
  const fault = body.Fault;
  if (fault && typeof fault === 'object') {
    const error = at(fault, 'detail', 'ServiceplatformFault', 'ErrorList', 'Error');
    const first = Array.isArray(error) ? (error[0] as unknown) : error;
    return {
      fault: {
        faultcode: text(at(fault, 'faultcode')) ?? '',
        faultstring: text(at(fault, 'faultstring')) ?? '',
        errorCode: text(at(first, 'ErrorCode')) ?? null,
        errorText: text(at(first, 'ErrorText')) ?? null,
      },
    };
  }
  const response = body.PersonLookupResponse;
  const data = at(response, 'persondata');
  const pnr = text(at(data, 'personnummer'));
  const addressingName = text(at(data, 'navn', 'personadresseringsnavn'));
  if (!data || !pnr || !addressingName)
    return { unreadable: 'PersonLookupResponse has no persondata with a name' };
  return { person: toPerson(response as Tree) };
}

/** The answer's tree as typed data: numbers and booleans read, dates kept as CPR writes them. */
function toPerson(response: Tree): Sf1520Person {
  const d = at(response, 'persondata') as Tree;
  const date = (value: unknown): Sf1520Date | undefined => {
    const dato = text(at(value, 'dato'));
    return dato ? { dato, usikkerhedsmarkering: text(at(value, 'usikkerhedsmarkering')) } : undefined;
  };
  const strings = (value: unknown) =>
    value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Tree)
            .map(([k, v]): [string, unknown] => [k, k.endsWith('dato') ? date(v) : text(v)])
            .filter(([, v]) => v !== undefined),
        )
      : undefined;
  const status = at(d, 'status');
  const protection = at(d, 'adressebeskyttelse');
  return {
    persondata: {
      personnummer: text(at(d, 'personnummer'))!,
      navn: strings(at(d, 'navn')) as Sf1520Person['persondata']['navn'],
      foedselsdato: date(at(d, 'foedselsdato')),
      koen: text(at(d, 'koen')) as 'K' | 'M' | undefined,
      status: status
        ? { status: Number(text(at(status, 'status'))), statusdato: date(at(status, 'statusdato')) }
        : undefined,
      adressebeskyttelse: protection
        ? {
            startdato: text(at(protection, 'startdato')),
            slutdato: text(at(protection, 'slutdato')),
            beskyttet: text(at(protection, 'beskyttet')) === 'true',
          }
        : undefined,
      tilmeldtDigitalpost:
        text(at(d, 'tilmeldtDigitalpost')) === undefined
          ? undefined
          : text(at(d, 'tilmeldtDigitalpost')) === 'true',
    },
    adresse: at(response, 'adresse')
      ? {
          aktuelAdresse: strings(at(response, 'adresse', 'aktuelAdresse')) as Sf1520Address | undefined,
          udrejseoplysninger: strings(at(response, 'adresse', 'udrejseoplysninger')),
        }
      : undefined,
  };
}

/** CPR's numbers are ten digits on the wire; Indgang writes DDMMYY-XXXX. */
export const pnrOf = (cpr: string) => cpr.replace('-', '');
export const dashedCpr = (pnr: string) => `${pnr.slice(0, 6)}-${pnr.slice(6)}`;
