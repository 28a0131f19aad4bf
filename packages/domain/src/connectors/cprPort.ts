import type { CprPersonAnswerStatus } from '@indgang/schemas';
import type { ConnectorCall } from './ConnectorCall';

/**
 * A person's life status in CPR, from its status code (SF1520's `status`): 1, 3, 5, 7 alive
 * (resident in Denmark or Greenland), 70 disappeared, 80 emigrated, 90 dead, and 20, 30, 50, 60
 * inactive (no residence, an annulled, deleted or changed number).
 */
export type CprLifeStatus = CprPersonAnswerStatus;

/** CPR (shaped after the municipal lookup service, SF1520 "PersonBaseDataExtended" on Serviceplatformen). */
export interface CprPerson {
  /** DDMMYY-XXXX. */
  cpr: string;
  firstName: string;
  lastName: string;
  /** The name as CPR writes it on letters (personadresseringsnavn). */
  addressingName: string;
  /**
   * The current Danish address; null when the address is protected (navne- og adressebeskyttelse,
   * withheld by the adapter, so it never leaves it) or when there is none (emigrated, dead).
   */
  address: { street: string; postcode: string; city: string; coName: string | null } | null;
  addressProtected: boolean;
  status: CprLifeStatus;
  /** CPR's own status code (1, 3, 5, 7, 20, …, 90). */
  statusCode: number;
  /** When the status began (the date of emigration or death), if CPR knows it. */
  statusDate: string | null;
}

export interface CprConnector {
  /**
   * The person with this number. A number CPR does not know, or one it refuses to read, is a
   * ConnectorError `refused` in CPR's own words (code `PNRNotFound` or `InvalidPNR`).
   */
  lookup(input: { cpr: string }, call: ConnectorCall): Promise<CprPerson>;
}
