import { getOrganizedSimulator } from './esdh/getOrganizedSimulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [getOrganizedSimulator];
