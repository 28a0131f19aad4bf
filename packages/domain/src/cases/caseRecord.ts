import { sql } from 'drizzle-orm';
import { sqlArray } from '@indgang/db';
import {
  isRoleReviewLines,
  isSensitive,
  textOf,
  type AnswerValue,
  type SectionAnswers,
  type TField,
  type TServiceDefinition,
} from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { danishDate } from '../time/isoDate';

/**
 * What a case's record for the personnel file says, in Danish: a receipt while the case is open, a
 * decision once an outcome is given. Plain JSON, so it can be kept on a step and drawn again the
 * same on every retry.
 */
export interface CaseRecord {
  kind: 'Kvittering' | 'Afgørelse';
  title: string;
  caseNumber: string;
  facts: Array<[string, string]>;
  sections: Array<{ title: string; lines: Array<[string, string]> }>;
  /** Said at the end, e.g. that sensitive answers were left out. */
  notes: string[];
}

interface RecordCase {
  id: string;
  number: string;
  answers: Record<string, unknown>;
  submittedAt: string;
  service: TServiceDefinition;
}

/** An authorisation review as evidence: every line with the leader's decision, removals first. */
function roleReviewText(value: AnswerValue): string | null {
  if (!isRoleReviewLines(value)) return null;
  const line = (l: (typeof value)[number], word: string) =>
    `${word}: ${l.name} (${l.userId}) – ${l.roleName} (${l.system})`;
  return [
    ...value.filter((l) => l.decision === 'remove').map((l) => line(l, 'Fjernes')),
    ...value.filter((l) => l.decision !== 'remove').map((l) => line(l, 'Beholdes')),
  ].join('\n');
}

const money = (oere: number) =>
  `${(oere / 100).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`;

/**
 * Reads what the record says about a case: the service, who submitted it, whom it is about, its
 * outcome when one is given (the case's, or the caseworker's choice on her finished task), and the
 * answers by their labels. People and units appear by name; files by name (they are filed beside
 * it); CPR numbers and answers the service marks sensitive are left out, since the personnel file
 * is read by more than those who may see them in Indgang.
 */
export async function readCaseRecord(tx: Pick<Tx, 'execute'>, pc: RecordCase): Promise<CaseRecord> {
  const { rows } = await tx.execute<{
    submitter: string;
    subject: string | null;
    unit: string;
    outcome: string | null;
    outcomeId: string | null;
    resolvedAt: string | null;
  }>(sql`
    SELECT su.display_name AS submitter,
           CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS subject,
           u.name AS unit, c.outcome, c.outcome_id AS "outcomeId", c.resolved_at::text AS "resolvedAt"
    FROM cases c JOIN users su ON su.id = c.submitted_by_user_id JOIN org_units u ON u.id = c.unit_id
    LEFT JOIN persons p ON p.id = c.subject_person_id
    WHERE c.id = ${pc.id}`);
  const row = rows[0]!;
  const { rows: given } = await tx.execute<{ outcomeId: string | null; outcome: string | null }>(sql`
    SELECT data->>'outcomeId' AS "outcomeId", data->>'outcome' AS outcome FROM case_steps
    WHERE case_id = ${pc.id} AND status = 'done' AND data ? 'outcomeId' ORDER BY completed_at DESC, id DESC LIMIT 1`);
  const outcomeId = row.outcomeId ?? given[0]?.outcomeId ?? null;
  const chosen = outcomeId ? pc.service.outcomes.find((o) => o.id === outcomeId) : undefined;
  const outcome = row.outcome ?? (chosen ? textOf(chosen.label, 'da') : (given[0]?.outcome ?? null));

  const sections = pc.service.sections.flatMap((section) => {
    const value = pc.answers[section.id];
    const items = (Array.isArray(value) ? value : value ? [value] : []) as SectionAnswers[];
    return items.map((item, i) => ({
      title: `${textOf(section.title, 'da')}${items.length > 1 ? ` (${i + 1})` : ''}`,
      fields: section.fields,
      item,
    }));
  });
  const ids = (type: TField['type']) =>
    sections.flatMap((s) =>
      s.fields
        .filter((f) => f.type === type)
        .flatMap((f) => {
          const v = s.item[f.id];
          return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
        }),
    );
  const names = await namesOf(tx, ids('person'), ids('unit'), ids('file'));
  let leftOut = false;
  const show = (field: TField, value: AnswerValue | undefined): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (isSensitive(field)) {
      leftOut = true;
      return null;
    }
    if (field.type === 'checkbox') return value ? 'Ja' : 'Nej';
    if (field.type === 'roleReview') return roleReviewText(value);
    if (field.type === 'money' && typeof value === 'number') return money(value);
    if (field.type === 'date' && typeof value === 'string') return danishDate(value);
    if (field.type === 'file' && Array.isArray(value))
      return value.map((id) => names.get(String(id)) ?? String(id)).join(', ') || null;
    if ((field.type === 'person' || field.type === 'unit') && typeof value === 'string')
      return names.get(value) ?? value;
    const option = field.options?.find((o) => o.value === value);
    if (option) return textOf(option.label, 'da');
    if (typeof value === 'number') return value.toLocaleString('da-DK');
    return Array.isArray(value) ? value.map(String).join(', ') : String(value);
  };
  const answered = sections
    .map((s) => ({
      title: s.title,
      lines: s.fields.flatMap((f): Array<[string, string]> => {
        const shown = show(f, s.item[f.id]);
        return shown === null ? [] : [[textOf(f.label, 'da'), shown]];
      }),
    }))
    .filter((s) => s.lines.length > 0);

  const service = textOf(pc.service.name, 'da');
  const kind = outcome ? 'Afgørelse' : 'Kvittering';
  const facts: Array<[string, string]> = [
    ['Sagsnummer', pc.number],
    ['Service', service],
    ['Indsendt', danishDate(pc.submittedAt.slice(0, 10))],
    ['Indsendt af', row.submitter],
    ...(row.subject ? ([['Medarbejder', row.subject]] as Array<[string, string]>) : []),
    ['Enhed', row.unit],
    ...(outcome ? ([['Afgørelse', outcome]] as Array<[string, string]>) : []),
    ...(row.resolvedAt
      ? ([['Afgjort', danishDate(row.resolvedAt.slice(0, 10))]] as Array<[string, string]>)
      : []),
  ];
  return {
    kind,
    title: `${kind}: ${service}`,
    caseNumber: pc.number,
    facts,
    sections: answered,
    notes: leftOut ? ['CPR-numre og følsomme oplysninger er udeladt; de står i sagen i Indgang.'] : [],
  };
}

/** People, units and files by id, for the record to name them. */
async function namesOf(tx: Pick<Tx, 'execute'>, persons: string[], units: string[], files: string[]) {
  const found = new Map<string, string>();
  if (persons.length + units.length + files.length === 0) return found;
  const { rows } = await tx.execute<{ id: string; name: string }>(sql`
    SELECT id, first_name || ' ' || last_name AS name FROM persons WHERE id = ANY(${sqlArray(persons)}::text[])
    UNION ALL SELECT id, name FROM org_units WHERE id = ANY(${sqlArray(units)}::text[])
    UNION ALL SELECT id, file_name AS name FROM attachments WHERE id = ANY(${sqlArray(files)}::text[])`);
  for (const r of rows) found.set(r.id, r.name);
  return found;
}
