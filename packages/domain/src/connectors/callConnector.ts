import { sql } from 'drizzle-orm';
import { CONNECTOR_TITLES, type ConnectorCallOutcome, type ConnectorName } from '@indgang/schemas';
import type { Db } from '@indgang/db';
import { DomainError } from '../errors/DomainError';
import type { ConnectorCall } from './ConnectorCall';
import { ConnectorError } from './ConnectorError';
import type { Connectors } from './Connectors';

export interface ConnectorCallServices {
  db: Db;
  connectors: Connectors;
  log: (msg: string, err?: unknown) => void;
}

/** The system's words are cut to this length on the operations page. */
const ERROR_TEXT_MAX = 500;

/**
 * Calls a municipal system through its connector and records how the call ended (connector_calls,
 * for the operations page). Never inside a transaction: the record is written on its own, and on
 * the embedded database a transaction holds the only connection.
 * - a connector that is off: a DomainError saying so, so the case goes to a person;
 * - the system refused (`refused`): a DomainError with the system's own words (not retried);
 * - anything else (a timeout, a fault, no answer): thrown on, so the job engine retries.
 */
export async function callConnector<T>(
  services: ConnectorCallServices,
  connector: ConnectorName,
  operation: string,
  call: ConnectorCall,
  work: (connectors: Connectors, call: ConnectorCall) => Promise<T>,
): Promise<T> {
  const title = CONNECTOR_TITLES[connector];
  const started = performance.now();
  const record = async (outcome: ConnectorCallOutcome, code?: string, text?: string) => {
    try {
      await services.db.execute(sql`
        INSERT INTO connector_calls (connector, operation, call_key, case_id, job_id, outcome, error_code, error_text, duration_ms)
        VALUES (${connector}, ${operation}, ${call.key}, ${call.caseId ?? null}, ${call.jobId ?? null}, ${outcome},
                ${code ?? null}, ${text?.slice(0, ERROR_TEXT_MAX) ?? null}, ${Math.round(performance.now() - started)})`);
    } catch (error) {
      services.log(`could not record a ${connector} call`, error);
    }
  };
  if (services.connectors.modes[connector] === 'off') {
    await record('unavailable', 'connector_off', 'off');
    throw new DomainError('unprocessable', 'connector_off', {
      da: `${title.da} er ikke forbundet til Indgang; en sagsbehandler må gøre det direkte i ${title.da}.`,
      en: `${title.en} is not connected to Indgang; a caseworker must do it directly in ${title.en}.`,
    });
  }
  try {
    const answer = await work(services.connectors, call);
    await record('ok');
    return answer;
  } catch (error) {
    if (error instanceof ConnectorError) {
      await record(error.outcome, error.code, error.systemText);
      if (error.outcome === 'refused' || error.outcome === 'unavailable')
        throw new DomainError(
          'unprocessable',
          `connector_${error.outcome}`,
          error.text ?? {
            da: `${title.da} afviste: ${error.systemText}`,
            en: `${title.en} refused: ${error.systemText}`,
          },
        );
      throw error;
    }
    const aborted = call.signal.aborted || (error instanceof Error && error.name === 'AbortError');
    await record(aborted ? 'timeout' : 'transient', aborted ? 'timeout' : 'fault', errorName(error));
    throw error;
  }
}

/** An unexpected error's name and message, never its data. */
const errorName = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, ERROR_TEXT_MAX) : 'unknown error';
