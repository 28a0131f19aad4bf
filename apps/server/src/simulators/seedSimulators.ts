import type { Db } from '@indgang/db';
import { todayInDenmark } from '@indgang/domain';
import { demoPeople } from './demoPeople';
import { SIMULATORS } from './simulatorList';
import type { RunningSimulators } from './startSimulators';

/**
 * Demo and tests: each simulated system is given what the municipality's real one would already
 * hold for the demo people (their personnel files, …), only test data. Runs after the demo
 * municipality is in the database; a system that already holds it adds nothing.
 */
export async function seedSimulators(simulators: RunningSimulators, db: Pick<Db, 'execute'>): Promise<void> {
  const seeding = SIMULATORS.filter((s) => s.seed);
  if (seeding.length === 0) return;
  const today = todayInDenmark();
  const people = await demoPeople(db, today);
  for (const simulator of seeding) {
    const store = simulators.stores.get(simulator.connector);
    if (store) await simulator.seed!(store, people, today);
  }
}
