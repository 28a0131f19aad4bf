import { sf1520Simulator } from './cpr/sf1520Simulator';
import { sf1601Simulator } from './digitalPost/sf1601Simulator';
import { getOrganizedSimulator } from './esdh/getOrganizedSimulator';
import { rollekatalogSimulator } from './identity/rollekatalogSimulator';
import { sdPayrollSimulator } from './payroll/sdSimulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [
  sdPayrollSimulator,
  getOrganizedSimulator,
  sf1601Simulator,
  sf1520Simulator,
  rollekatalogSimulator,
];
