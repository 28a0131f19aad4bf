import { todayInDenmark } from '@indgang/domain';
import type { SimulatorStore } from '../SimulatorStore';
import { SD_INSTITUTION } from './sdCatalogue';
import type { SdDemoRegister } from './sdDemoRegister';
import type { SimEmployment } from './sdEmployment';
import { SdFault } from './sdFault';

/** A one-off payment (engangsløndel) the simulated SD was sent, paid with its run. */
export interface SimSalaryItem {
  id: string;
  institution: string;
  employmentId: string;
  code: string;
  amount: string;
  lines: Array<{ date: string | null; text: string; amount: string }>;
  received: string;
  runMonth: string;
}

/** New employments are numbered from here, above the demo's employee numbers. */
const FIRST_NEW_EMPLOYMENT = 200_000;

/**
 * The simulated SD's employments: what it was sent (in the store) before what it held from the
 * start (the demo register), and its own clock (`clock/today` in the store, for tests of the
 * cut-off; today in Denmark otherwise).
 */
export class SdRegistry {
  constructor(
    readonly store: SimulatorStore,
    readonly demo: SdDemoRegister,
  ) {}

  today(): string {
    return this.store.get<{ date: string }>('clock', 'today')?.date ?? todayInDenmark();
  }

  institution(value: unknown): string {
    if (typeof value !== 'string' || value === '')
      throw new SdFault('MissingElement', 'Elementet InstitutionIdentifier mangler.');
    if (value !== SD_INSTITUTION)
      throw new SdFault(
        'UnknownInstitution',
        `Institutionen ${value.slice(0, 10)} findes ikke, eller brugeren har ikke adgang til den.`,
        403,
      );
    return value;
  }

  find(institution: string, employmentId: string): SimEmployment | undefined {
    return (
      this.store.get<SimEmployment>('employments', `${institution}:${employmentId}`) ??
      (institution === SD_INSTITUTION ? structuredClone(this.demo.get(employmentId)) : undefined)
    );
  }

  /** The employment a write names, or SD's refusal. */
  get(institution: string, employmentId: unknown): SimEmployment {
    if (typeof employmentId !== 'string' || employmentId === '')
      throw new SdFault('MissingElement', 'Elementet EmploymentIdentifier mangler.');
    const employment = this.find(institution, employmentId);
    if (!employment)
      throw new SdFault(
        'UnknownEmployment',
        `Ansættelsen ${employmentId.slice(0, 12)} findes ikke på institution ${institution}.`,
        404,
      );
    return employment;
  }

  forCpr(institution: string, cpr: string): SimEmployment[] {
    const stored = this.store.find<SimEmployment>(
      'employments',
      (e) => e.institution === institution && e.cpr === cpr,
    );
    const seeded = institution === SD_INSTITUTION ? this.demo.forCpr(cpr) : [];
    return [...seeded.filter((s) => !stored.some((e) => e.employmentId === s.employmentId)), ...stored].sort(
      (a, b) => a.employmentDate.localeCompare(b.employmentDate),
    );
  }

  save(employment: SimEmployment): void {
    this.store.put('employments', `${employment.institution}:${employment.employmentId}`, employment);
  }

  nextEmploymentId(): string {
    return String(FIRST_NEW_EMPLOYMENT + this.store.next());
  }

  salaryItems(institution: string, employmentId: string): SimSalaryItem[] {
    return this.store.find<SimSalaryItem>(
      'salaryItems',
      (i) => i.institution === institution && i.employmentId === employmentId,
    );
  }
}
