import { sf1601Simulator } from './digitalPost/sf1601Simulator';
import { sdPayrollSimulator } from './payroll/sdSimulator';
import type { SimulatorPlugin } from './startSimulators';

/** Every simulated system the simulator host serves. */
export const SIMULATORS: readonly SimulatorPlugin[] = [sdPayrollSimulator, sf1601Simulator];
