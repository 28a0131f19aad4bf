/**
 * How a simulated system fails, as real ones do:
 * - `unavailable`: answers 503 before doing anything (a restart, an overloaded integration platform);
 * - `timeout`: never answers (the caller's time runs out; nothing was done);
 * - `lost_answer`: does the work, then drops the connection before answering (the caller cannot
 *   tell it from a timeout, and a blind retry would do the work twice).
 * Faults are planned by tests (`POST /_control/faults`) or happen by chance at the configured rate.
 */
export const SIMULATOR_FAULTS = ['unavailable', 'timeout', 'lost_answer'] as const;
export type SimulatorFault = (typeof SIMULATOR_FAULTS)[number];

export interface PlannedFault {
  system: string;
  /** The operation (a route's `config.operation`); absent: any of the system's operations. */
  operation?: string;
  fault: SimulatorFault;
  /** How many calls it hits before it is used up. */
  times: number;
}

export class SimulatorFaults {
  private planned: PlannedFault[] = [];

  constructor(
    private readonly options: { latencyMs: [number, number]; faultRate: number; random?: () => number },
  ) {}

  plan(fault: PlannedFault) {
    this.planned.push({ ...fault });
  }

  clear() {
    this.planned = [];
  }

  /** The fault this call suffers, if any: a planned one first, else one by chance. */
  take(system: string, operation: string): SimulatorFault | undefined {
    const index = this.planned.findIndex(
      (f) => f.system === system && (!f.operation || f.operation === operation) && f.times > 0,
    );
    if (index >= 0) {
      const fault = this.planned[index]!;
      fault.times -= 1;
      if (fault.times === 0) this.planned.splice(index, 1);
      return fault.fault;
    }
    const random = this.options.random ?? Math.random;
    if (this.options.faultRate > 0 && random() < this.options.faultRate)
      return random() < 0.8 ? 'unavailable' : 'lost_answer';
    return undefined;
  }

  /** Waits as long as the system takes to answer. */
  async latency(): Promise<void> {
    const [min, max] = this.options.latencyMs;
    const ms = min + Math.round((this.options.random ?? Math.random)() * Math.max(0, max - min));
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
