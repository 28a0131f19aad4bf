import type { AutomatedAction } from '../automatedActions';
import { payrollAllowance } from './payrollAllowance';
import { payrollChange } from './payrollChange';
import { payrollCreateEmployment } from './payrollCreateEmployment';
import { payrollEndEmployment } from './payrollEndEmployment';

/**
 * The automated steps that register in payroll. Each is prepared from the case in the database and
 * sent by the job with no transaction open, under the step's call key; the step records what was
 * sent (never the CPR number) with payroll's answer: the employment, the payment and the payroll
 * run it reaches. A refusal in payroll's words hands the case to a person.
 */
export const PAYROLL_ACTIONS: readonly AutomatedAction[] = [
  {
    name: 'payroll.allowance',
    description: { da: 'Godtgørelse til lønnen', en: 'Allowance to payroll' },
    connector: payrollAllowance,
  },
  {
    name: 'payroll.change',
    description: { da: 'Lønændring til lønnen', en: 'Pay change to payroll' },
    connector: payrollChange,
  },
  {
    name: 'payroll.createEmployment',
    description: { da: 'Opret ansættelsen i lønnen', en: 'Create the employment in payroll' },
    connector: payrollCreateEmployment,
  },
  {
    name: 'payroll.endEmployment',
    description: { da: 'Fratrædelse til lønnen', en: 'Termination to payroll' },
    connector: payrollEndEmployment,
  },
];
