import type { ConnectorCallOutcome } from '@indgang/schemas';

/**
 * A call to a municipal system that did not succeed, as the adapter understood the answer:
 * - `transient`: the system failed or could not be reached (retried by the job engine);
 * - `timeout`: no answer in time (retried; the adapter's create operations look for their own
 *   earlier attempt first, so a retry never creates twice);
 * - `refused`: the system refused the request on its merits (a validation error, an unknown
 *   employment): not retried, the case goes to a person with the system's own words;
 * - `unavailable`: the connector is switched off in this installation.
 * `systemText` is the system's message as it gave it (no personal data: adapters strip CPR numbers).
 * `text`, when given, is what a person reads instead of "<system> refused: <systemText>": for a
 * request the adapter refused itself before sending (a message that breaks the system's format).
 */
export class ConnectorError extends Error {
  constructor(
    readonly outcome: Exclude<ConnectorCallOutcome, 'ok'>,
    readonly code: string,
    readonly systemText: string,
    readonly text?: { da: string; en: string },
  ) {
    super(`${outcome} ${code}: ${systemText}`);
    this.name = 'ConnectorError';
  }
}
