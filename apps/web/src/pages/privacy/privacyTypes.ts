import type { TRetention, TText } from '@indgang/schemas';

/** A person found by the search. */
export interface PersonHit {
  id: string;
  name: string;
  employeeNumber: string | null;
}

/** A legal hold on a case or on everything about a person. */
export interface Hold {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  personId: string | null;
  personName: string | null;
  reason: string;
  setAt: string;
  setBy: string;
}

/** The retention rules by service and when the nightly run last ran. */
export interface Overview {
  lastRun: string | null;
  services: Array<{
    id: string;
    name: TText;
    kle: string | null;
    retention: TRetention | null;
    cases: number;
    anonymised: number;
  }>;
}
