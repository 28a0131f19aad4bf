import type { TProcessDefinition } from '@indgang/schemas';

/**
 * Processes with every step kind and setting, for the BPMN round trip and the demo: a mileage claim
 * approved by the leader, decided by a table and checked by four eyes, with a robot, a wait for a
 * date and for an event, and parallel branches that join.
 */
export const SAMPLE_PROCESSES: Record<string, { outcomes: string[]; process: TProcessDefinition }> = {
  everyKind: {
    outcomes: ['udbetalt', 'afvist'],
    process: {
      start: 'leder',
      steps: [
        {
          id: 'leder',
          kind: 'approval',
          name: { da: 'Lederens godkendelse', en: "The leader's approval" },
          portalText: { da: 'Afventer din leders godkendelse', en: "Awaiting your leader's approval" },
          normDays: 3,
          effortMinutes: 4,
          escalation: 'team_lead',
          approver: 'unit_leader',
          next: [
            { to: 'takst', on: 'approved' },
            { to: 'afvist', on: 'rejected', label: { da: 'Afvist', en: 'Rejected' } },
            { to: 'ret', on: 'returned' },
          ],
        },
        {
          id: 'ret',
          kind: 'human',
          name: 'Ret kravet',
          team: 'loen',
          normDays: 2,
          next: [{ to: 'leder' }],
        },
        {
          id: 'takst',
          kind: 'automated',
          name: { da: 'Beregn takst', en: 'Compute the rate' },
          decision: 'kilometertakst',
          action: 'record_decision',
          effortMinutes: 6.5,
          escalation: 'queue',
          next: [
            { to: 'kontrol', on: 'done', when: 'answers.km > 1000', label: 'Mange km' },
            { to: 'split', on: 'done', when: 'not(answers.km > 1000)' },
            { to: 'kontrol', on: 'excluded' },
          ],
        },
        {
          id: 'kontrol',
          kind: 'four_eyes',
          name: { da: 'Fire øjne', en: 'Four eyes' },
          next: [
            { to: 'split', on: 'approved' },
            { to: 'afvist', on: 'rejected' },
          ],
        },
        {
          id: 'split',
          kind: 'parallel',
          name: { da: 'Del op', en: 'Split' },
          next: [{ to: 'robot' }, { to: 'vent-dato' }, { to: 'vent-besked' }],
        },
        {
          id: 'robot',
          kind: 'robot',
          name: { da: 'Tast i lønsystemet', en: 'Key into payroll' },
          topic: 'payroll.mileage',
          effortMinutes: 3,
          next: [
            { to: 'samle', on: 'done' },
            { to: 'samle', on: 'business_error' },
          ],
        },
        {
          id: 'vent-dato',
          kind: 'wait',
          name: { da: 'Vent til lønkørsel', en: 'Wait for the payroll run' },
          until: { field: 'tripDate', offsetDays: -2 },
          next: [{ to: 'samle' }],
        },
        {
          id: 'vent-besked',
          kind: 'wait',
          name: { da: 'Vent på kvittering', en: 'Wait for the receipt' },
          event: 'payroll.receipt',
          until: { field: 'tripDate', offsetDays: 30 },
          next: [{ to: 'samle' }],
        },
        {
          id: 'samle',
          kind: 'join',
          name: { da: 'Saml', en: 'Join' },
          next: [{ to: 'udbetalt' }],
        },
        {
          id: 'udbetalt',
          kind: 'end',
          name: { da: 'Udbetalt', en: 'Paid' },
          outcome: 'udbetalt',
          next: [],
        },
        { id: 'afvist', kind: 'end', name: 'Afvist', outcome: 'afvist', next: [] },
      ],
    },
  },
  roleApproval: {
    outcomes: [],
    process: {
      start: 'godkend',
      steps: [
        {
          id: 'godkend',
          kind: 'approval',
          name: { da: 'HR godkender', en: 'HR approves' },
          approver: { role: 'team_lead' },
          next: [
            { to: 'vent', on: 'approved' },
            { to: 'slut', on: 'rejected' },
            { to: 'slut', on: 'returned' },
          ],
        },
        {
          id: 'vent',
          kind: 'wait',
          name: { da: 'Vent til sidste arbejdsdag', en: 'Wait for the last working day' },
          until: { field: 'lastDay', offsetDays: 0 },
          next: [{ to: 'slut' }],
        },
        { id: 'slut', kind: 'end', name: { da: 'Afsluttet', en: 'Resolved' }, next: [] },
      ],
    },
  },
};
