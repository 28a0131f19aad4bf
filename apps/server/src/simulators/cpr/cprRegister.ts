import { generateDemoMunicipality } from '@indgang/domain';
import type { Sf1520Address, Sf1520Person } from '../../connectors/cpr/sf1520Wire';

/**
 * A made-up person the simulated CPR knows besides the demo municipality's staff: people a leader
 * may hire, each with a number no one can have (day 00, birth years the demo never uses, so they
 * never collide with a demo person's number).
 */
export interface SimulatedCprPerson {
  cpr: string;
  firstName: string;
  lastName: string;
  /** What the demo shows with this person. */
  note: string;
  status: 1 | 70 | 80 | 90;
  statusDate?: string;
  addressProtected?: boolean;
  abroad?: string[];
}

/** The hires of the demo and the tests: typed in the new-hire form, answered by the simulated CPR. */
export const CPR_SIMULATED_HIRES: readonly SimulatedCprPerson[] = [
  {
    cpr: '000604-4118',
    firstName: 'Mathilde',
    lastName: 'Krogh Nielsen',
    note: 'an ordinary hire',
    status: 1,
  },
  { cpr: '001105-4217', firstName: 'Oliver', lastName: 'Bach Sørensen', note: 'an ordinary hire', status: 1 },
  { cpr: '000306-4326', firstName: 'Amira', lastName: 'Haddad', note: 'an ordinary hire', status: 1 },
  {
    cpr: '000907-4424',
    firstName: 'Sara',
    lastName: 'Lund Kristiansen',
    note: 'address protection (navne- og adressebeskyttelse)',
    status: 1,
    addressProtected: true,
  },
  {
    cpr: '000105-4535',
    firstName: 'Emil',
    lastName: 'Vestergaard Holm',
    note: 'emigrated',
    status: 80,
    statusDate: '2024-08-15',
    abroad: ['Exempelgatan 3', '123 45 Exempelstad', 'Sverige'],
  },
  {
    cpr: '000248-0643',
    firstName: 'Poul Erik',
    lastName: 'Mortensen',
    note: 'dead',
    status: 90,
    statusDate: '2025-01-10',
  },
];

/** Streets of the made-up town every simulated address is in (postcode 9999 does not exist). */
const STREETS = [
  'Eksempelvej',
  'Prøvegade',
  'Testvænget',
  'Demostien',
  'Fiktivvej',
  'Modelallé',
  'Skitsevej',
];
const TOWN = { postnummer: '9999', postdistrikt: 'Eksempelby', kommunekode: '999' };

/** A made-up address, the same for the same number every time. */
function addressFor(pnr: string): Sf1520Address {
  const n = Number(pnr.slice(6));
  const vejnavn = STREETS[n % STREETS.length]!;
  const husnummer = String((n % 97) + 1);
  const etage = n % 3 === 0 ? String(n % 4) : undefined;
  const sidedoer = etage ? (n % 2 === 0 ? 'th' : 'tv') : undefined;
  return {
    ...TOWN,
    vejkode: String(100 + (n % STREETS.length)),
    vejnavn,
    vejadresseringsnavn: vejnavn,
    husnummer,
    etage,
    sidedoer,
    standardadresse: `${vejnavn} ${husnummer}${etage ? `, ${etage}. ${sidedoer}` : ''}`,
  };
}

const pnr = (cpr: string) => cpr.replace('-', '');

/** A person as CPR's PersonLookupResponse carries her. */
function record(person: {
  cpr: string;
  firstName: string;
  lastName: string;
  status: number;
  statusDate?: string;
  addressProtected?: boolean;
  abroad?: string[];
}): Sf1520Person {
  const digits = pnr(person.cpr);
  const [fornavn, ...middle] = person.firstName.split(' ');
  const lastParts = person.lastName.split(' ');
  const efternavn = lastParts.pop()!;
  const mellemnavn = [...middle, ...lastParts].join(' ') || undefined;
  const resident = [1, 3, 5, 7].includes(person.status);
  return {
    persondata: {
      personnummer: digits,
      navn: {
        personadresseringsnavn: `${efternavn},${[fornavn, mellemnavn].filter(Boolean).join(' ')}`,
        fornavn,
        mellemnavn,
        efternavn,
      },
      koen: Number(digits.slice(9)) % 2 === 0 ? 'K' : 'M',
      status: {
        status: person.status,
        statusdato: person.statusDate ? { dato: `${person.statusDate}T00:00:00.000+01:00` } : undefined,
      },
      adressebeskyttelse: person.addressProtected ? { startdato: '2023-02-01', beskyttet: true } : undefined,
      tilmeldtDigitalpost: resident,
    },
    adresse: resident
      ? { aktuelAdresse: addressFor(digits) }
      : person.abroad
        ? {
            udrejseoplysninger: {
              udrejsedato: person.statusDate
                ? { dato: `${person.statusDate}T00:00:00.000+01:00` }
                : undefined,
              udlandsadresse1: person.abroad[0],
              udlandsadresse2: person.abroad[1],
              udlandsadresse3: person.abroad[2],
            },
          }
        : undefined,
  };
}

/**
 * Everyone the simulated CPR knows, by ten-digit number: the demo municipality's staff (the same
 * seed as the people Indgang holds, with their day-00 numbers) and the made-up hires. Nobody else:
 * any other number is unknown to it, as a real person's is to a simulator.
 */
export class CprRegister {
  private readonly people = new Map<string, Sf1520Person>();

  constructor(demo: { seed: number; scale?: number } | undefined) {
    if (demo)
      for (const person of generateDemoMunicipality({ seed: demo.seed, scale: demo.scale }).people)
        if (person.cpr) this.people.set(pnr(person.cpr), record({ ...person, cpr: person.cpr, status: 1 }));
    for (const person of CPR_SIMULATED_HIRES) this.people.set(pnr(person.cpr), record(person));
  }

  get(pnrDigits: string): Sf1520Person | undefined {
    return this.people.get(pnrDigits);
  }

  /** Every number it knows (for the test that they are all made up). */
  numbers(): string[] {
    return [...this.people.keys()];
  }
}
