import { sf1601Simulator } from './digitalPost/sf1601Simulator';
import { getOrganizedSimulator } from './esdh/getOrganizedSimulator';
import { sdPayrollSimulator } from './payroll/sdSimulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [
  sdPayrollSimulator,
  getOrganizedSimulator,
  sf1601Simulator,
];
