import { sf1520Simulator } from './cpr/sf1520Simulator';
import { rollekatalogSimulator } from './identity/rollekatalogSimulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [sf1520Simulator, rollekatalogSimulator];
