import {
  personLookupResponseXml,
  SF1520_PATH,
  soapBody,
  soapFaultXml,
} from '../../connectors/cpr/sf1520Wire';
import type { SimulatorPlugin } from '../startSimulators';
import { CprRegister } from './cprRegister';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AGREEMENT = ['ServiceAgreementUUID', 'UserSystemUUID', 'UserUUID', 'ServiceUUID'] as const;

/**
 * Serviceplatformen's SF1520 (PersonBaseDataExtended 4, PersonLookup), simulated: it answers the
 * demo municipality's staff and the made-up hires (CprRegister), all with numbers no one can have,
 * and faults as the service does (HTTP 500 with a SOAP fault and Serviceplatformen's error list):
 * an unknown number, one that is not ten digits, an InvocationContext without the agreement's
 * identifiers. A read: nothing is stored, and a repeated call answers the same.
 */
export const sf1520Simulator: SimulatorPlugin = {
  connector: 'cpr',
  prefix: '/cpr',
  register(app, _store, config) {
    const register = new CprRegister(config?.demo);
    app.post(`/${SF1520_PATH}`, { config: { operation: 'PersonLookup' } }, async (request, reply) => {
      const fault = (faultcode: string, errorCode: string, errorText: string) =>
        reply
          .code(500)
          .type('text/xml; charset=utf-8')
          .send(soapFaultXml({ faultcode, faultstring: errorText, errorCode, errorText }));
      const body = typeof request.body === 'string' ? soapBody(request.body) : null;
      const lookup = body?.PersonLookupRequest as Record<string, unknown> | undefined;
      if (!lookup || typeof lookup !== 'object')
        return fault('soap:Client', 'InvalidRequest', 'The request is not a PersonLookupRequest');
      const context = (lookup.InvocationContext ?? {}) as Record<string, unknown>;
      const missing = AGREEMENT.filter((k) => typeof context[k] !== 'string' || !UUID.test(context[k]));
      if (missing.length > 0)
        return fault(
          'soap:Client',
          'InvalidInvocationContext',
          `InvocationContext lacks a valid ${missing.join(', ')}`,
        );
      const pnr = typeof lookup.PNR === 'string' ? lookup.PNR : '';
      if (!/^\d{10}$/.test(pnr)) return fault('soap:Client', 'InvalidPNR', 'PNR must be 10 digits');
      const person = register.get(pnr);
      if (!person) return fault('soap:Client', 'PNRNotFound', 'PNR not found');
      return reply.type('text/xml; charset=utf-8').send(personLookupResponseXml(person));
    });
  },
};
