import type { ConnectorCall } from './ConnectorCall';

/** CPR (shaped after the municipal lookup service, SF1520 on Serviceplatformen). */
export interface CprPerson {
  cpr: string;
  firstName: string;
  lastName: string;
  /** Absent when the address is protected (navne- og adressebeskyttelse) and withheld. */
  address: { street: string; postcode: string; city: string } | null;
  addressProtected: boolean;
  status: 'alive' | 'emigrated' | 'dead';
  statusDate: string | null;
}

export interface CprConnector {
  /** Null when CPR does not know the number. */
  lookup(input: { cpr: string }, call: ConnectorCall): Promise<CprPerson | null>;
}
