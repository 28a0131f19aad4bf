import { sf1601Simulator } from './digitalPost/sf1601Simulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [sf1601Simulator];
