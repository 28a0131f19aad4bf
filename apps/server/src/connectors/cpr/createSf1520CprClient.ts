import { ConnectorError, type CprConnector, type CprLifeStatus, type CprPerson } from '@indgang/domain';
import { connectorRequest, type ResolvedEndpoint } from '../connectorRequest';
import {
  dashedCpr,
  personLookupRequestXml,
  pnrOf,
  readPersonLookupResponse,
  SF1520_PATH,
  SF1520_SOAP_ACTION,
  type InvocationContext,
  type Sf1520Fault,
  type Sf1520Person,
} from './sf1520Wire';

/** The service agreement's identifiers (Serviceplatformen's InvocationContext), from the configuration. */
export type Sf1520Agreement = Pick<
  InvocationContext,
  'ServiceAgreementUUID' | 'UserSystemUUID' | 'UserUUID' | 'ServiceUUID'
>;

const NO_AGREEMENT = '00000000-0000-0000-0000-000000000000';

/**
 * The agreement from INDGANG_CPR_SERVICE_AGREEMENT_UUID, _USER_SYSTEM_UUID, _USER_UUID and
 * _SERVICE_UUID (Serviceplatformen's "serviceaftale", the calling system, the municipality and
 * SF1520 itself). Unset ones are zero UUIDs, which the simulator takes and the real service refuses
 * in its own words (so a live endpoint without them fails on its first call, saying why).
 */
export function sf1520AgreementFromEnv(env: NodeJS.ProcessEnv): Sf1520Agreement {
  return {
    ServiceAgreementUUID: env.INDGANG_CPR_SERVICE_AGREEMENT_UUID || NO_AGREEMENT,
    UserSystemUUID: env.INDGANG_CPR_USER_SYSTEM_UUID || NO_AGREEMENT,
    UserUUID: env.INDGANG_CPR_USER_UUID || NO_AGREEMENT,
    ServiceUUID: env.INDGANG_CPR_SERVICE_UUID || NO_AGREEMENT,
  };
}

/**
 * CPR through Serviceplatformen's SF1520 (PersonBaseDataExtended 4, PersonLookup): a SOAP call with
 * the municipality's certificate (the endpoint's client certificate) and its service agreement. A
 * read, so a retry is harmless. The address of a person with address protection is dropped here,
 * so it never leaves the adapter; a number CPR does not know or refuses is `refused` in CPR's words.
 */
export function createSf1520CprClient(endpoint: ResolvedEndpoint, agreement: Sf1520Agreement): CprConnector {
  return {
    async lookup({ cpr }, call) {
      const response = await connectorRequest(
        endpoint,
        {
          method: 'POST',
          path: SF1520_PATH,
          headers: {
            'content-type': 'text/xml; charset=utf-8',
            accept: 'text/xml',
            soapaction: `"${SF1520_SOAP_ACTION}"`,
          },
          body: personLookupRequestXml(pnrOf(cpr), {
            ...agreement,
            OnBehalfOfUser: 'Indgang',
            CallersServiceCallIdentifier: call.key,
          }),
          soapFaults: true,
        },
        call,
      );
      const read = readPersonLookupResponse(response.text());
      if ('fault' in read) throw faultError(read.fault);
      if ('unreadable' in read || response.status !== 200)
        throw new ConnectorError(
          'transient',
          `http_${response.status}`,
          'unreadable' in read ? read.unreadable : `PersonLookup answered ${response.status}`,
        );
      return cprPerson(read.person);
    },
  };
}

/** CPR's status codes as a life status (SF1520's statusTypeType). */
export function lifeStatus(code: number): CprLifeStatus {
  if ([1, 3, 5, 7].includes(code)) return 'alive';
  if (code === 70) return 'disappeared';
  if (code === 80) return 'emigrated';
  if (code === 90) return 'dead';
  return 'inactive';
}

/** The person as Indgang knows her; a protected address is withheld. */
export function cprPerson(person: Sf1520Person): CprPerson {
  const data = person.persondata;
  const code = data.status?.status;
  if (code === undefined || !Number.isInteger(code))
    throw new ConnectorError('transient', 'no_status', 'PersonLookupResponse has no status');
  const addressProtected = data.adressebeskyttelse?.beskyttet === true;
  const current = person.adresse?.aktuelAdresse;
  const street =
    current?.standardadresse ??
    [current?.vejadresseringsnavn ?? current?.vejnavn, current?.husnummer].filter(Boolean).join(' ') +
      (current?.etage ? `, ${current.etage}.` : '') +
      (current?.sidedoer ? ` ${current.sidedoer}` : '');
  return {
    cpr: dashedCpr(data.personnummer),
    firstName: [data.navn.fornavn, data.navn.mellemnavn].filter(Boolean).join(' '),
    lastName: data.navn.efternavn ?? '',
    addressingName: data.navn.personadresseringsnavn,
    address:
      addressProtected || !current?.postnummer || !street
        ? null
        : {
            street,
            postcode: current.postnummer,
            city: current.postdistrikt ?? '',
            coName: current.conavn ?? null,
          },
    addressProtected,
    status: lifeStatus(code),
    statusCode: code,
    statusDate: data.status?.statusdato?.dato.slice(0, 10) ?? null,
  };
}

/** A CPR number in a system's words is never recorded. */
const withoutCpr = (text: string) => text.replace(/\b\d{6}-?\d{4}\b/g, '[CPR]');

/**
 * A fault as a ConnectorError: a number CPR does not know or calls invalid, and any other fault of
 * the request (soap:Client: an agreement the service does not accept) is `refused` in CPR's words;
 * a fault of the service itself (soap:Server) is `transient`, retried.
 */
function faultError(fault: Sf1520Fault): ConnectorError {
  const words = withoutCpr(
    [fault.faultstring, fault.errorText].filter((t, i, all) => t && all.indexOf(t) === i).join(': '),
  );
  if (fault.errorCode === 'PNRNotFound' || /pnr ?not ?found/i.test(fault.faultstring))
    return new ConnectorError('refused', 'PNRNotFound', words, {
      da: 'CPR kender ikke CPR-nummeret. Kontrollér nummeret.',
      en: 'CPR does not know the CPR number. Check the number.',
    });
  if (fault.errorCode === 'InvalidPNR')
    return new ConnectorError('refused', 'InvalidPNR', words, {
      da: `CPR afviste CPR-nummeret som ugyldigt (${words}). Kontrollér nummeret.`,
      en: `CPR refused the CPR number as invalid (${words}). Check the number.`,
    });
  const client = /(^|:)Client$/.test(fault.faultcode);
  return new ConnectorError(client ? 'refused' : 'transient', fault.errorCode ?? 'fault', words);
}
