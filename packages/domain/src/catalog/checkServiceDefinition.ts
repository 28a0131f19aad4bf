import safeRegex from 'safe-regex2';
import type { TCondition, TServiceDefinition } from '@indgang/schemas';
import type { FieldError } from '../errors/DomainError';
import { AUTOMATED_ACTION_NAMES } from '../process/automatedActions';
import { conditionProblem } from '../process/feelCondition';

function conditionFields(condition: TCondition | undefined, out: string[] = []): string[] {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => conditionFields(c, out));
  else if ('any' in condition) condition.any.forEach((c) => conditionFields(c, out));
  else if ('not' in condition) conditionFields(condition.not, out);
  else out.push(condition.field);
  return out;
}

/**
 * What in a service definition the schema lets through but would fail when a form is filled in or
 * a case is handled: a pattern that is not a regular expression or could backtrack for ever,
 * conditions and documents naming fields that do not exist, a field id used twice, a choice
 * without options, a period that is not a date. Each problem is named by its place (`at` is the
 * definition's place in the bundle, e.g. "services.3").
 */
export function checkServiceDefinition(def: TServiceDefinition, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const fail = (path: string, da: string, en: string) =>
    problems.push({ path: `${at}.${path}`, message: { da: `${def.id}: ${da}`, en: `${def.id}: ${en}` } });
  const fields = new Map<string, { type: string; path: string; section: string }>();
  def.sections.forEach((section, s) =>
    section.fields.forEach((field, f) => {
      const path = `sections.${s}.fields.${f}`;
      if (fields.has(field.id))
        fail(`${path}.id`, `Feltet "${field.id}" findes to gange.`, `Field "${field.id}" appears twice.`);
      fields.set(field.id, { type: field.type, path, section: section.id });
      if (field.payrollDeadline && field.type !== 'date')
        fail(
          `${path}.payrollDeadline`,
          `"${field.id}" har en lønfrist, men er ikke et datofelt.`,
          `"${field.id}" has a payroll deadline but is not a date field.`,
        );
      if (field.pattern !== undefined) {
        try {
          new RegExp(field.pattern);
          if (!safeRegex(field.pattern))
            fail(
              `${path}.pattern`,
              `Mønsteret for "${field.id}" kan tage meget lang tid at afprøve (indlejrede gentagelser). Forenkl det.`,
              `The pattern of "${field.id}" can take very long to test (nested repetition). Simplify it.`,
            );
        } catch (error) {
          fail(
            `${path}.pattern`,
            `Mønsteret for "${field.id}" er ikke et gyldigt regulært udtryk: ${(error as Error).message}`,
            `The pattern of "${field.id}" is not a valid regular expression: ${(error as Error).message}`,
          );
        }
      }
      if ((field.type === 'select' || field.type === 'radio') && !field.options?.length)
        fail(
          `${path}.options`,
          `"${field.id}" er et valg uden valgmuligheder.`,
          `"${field.id}" is a choice without options.`,
        );
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        fail(`${path}.min`, `"${field.id}" har min over max.`, `"${field.id}" has min above max.`);
    }),
  );
  def.sections.forEach((section, s) =>
    section.fields.forEach((field, f) => {
      if (field.type !== 'roleReview' && field.unitField === undefined) return;
      const unit = field.unitField === undefined ? undefined : fields.get(field.unitField);
      if (field.type !== 'roleReview')
        fail(
          `sections.${s}.fields.${f}.unitField`,
          `"${field.id}" nævner en enhed, men er ikke en gennemgang af roller.`,
          `"${field.id}" names a unit but is not a review of roles.`,
        );
      else if (unit?.type !== 'unit' || unit.section !== section.id || section.repeat)
        fail(
          `sections.${s}.fields.${f}.unitField`,
          `Gennemgangen "${field.id}" skal nævne et enhedsfelt i samme (ikke gentagne) afsnit i unitField.`,
          `The review "${field.id}" must name a unit field of the same (not repeated) section in unitField.`,
        );
    }),
  );
  const known = (path: string, id: string, what: { da: string; en: string }) => {
    if (!fields.has(id))
      fail(
        path,
        `${what.da} nævner feltet "${id}", som ikke findes.`,
        `${what.en} names field "${id}", which does not exist.`,
      );
  };
  const conditions: ReadonlyArray<readonly [string, TCondition | undefined, { da: string; en: string }]> = [
    ...def.sections.flatMap((section, s) => [
      [`sections.${s}.showIf`, section.showIf, { da: 'En betingelse', en: 'A condition' }] as const,
      ...section.fields.map(
        (field, f) =>
          [
            `sections.${s}.fields.${f}.showIf`,
            field.showIf,
            { da: 'En betingelse', en: 'A condition' },
          ] as const,
      ),
    ]),
    ...def.routing.map(
      (rule, r) =>
        [`routing.${r}.when`, rule.when, { da: 'En routningsregel', en: 'A routing rule' }] as const,
    ),
    ...def.documents.map(
      (doc, d) =>
        [`documents.${d}.when`, doc.when, { da: 'Et dokumentkrav', en: 'A document requirement' }] as const,
    ),
    ...(typeof def.subjectVisibility === 'object'
      ? [
          [
            'subjectVisibility.when',
            def.subjectVisibility.when,
            { da: 'Synligheden for medarbejderen', en: 'The visibility to the employee' },
          ] as const,
        ]
      : []),
  ];
  for (const [path, condition, what] of conditions)
    for (const id of conditionFields(condition)) known(path, id, what);
  def.documents.forEach((doc, d) => {
    if (fields.get(doc.field)?.type !== 'file')
      fail(
        `documents.${d}.field`,
        `Dokumentkravet "${doc.id}" peger ikke på et filfelt.`,
        `Document requirement "${doc.id}" does not point at a file field.`,
      );
  });
  for (const key of ['from', 'to'] as const) {
    const id = def.period?.[key];
    if (id && fields.get(id)?.type !== 'date')
      fail(
        `period.${key}`,
        `Perioden skal pege på et datofelt, ikke "${id}".`,
        `The period must point at a date field, not "${id}".`,
      );
  }
  // The period's fields are read together: in a repeated section, per item of that one section.
  const periodSection = def.period ? fields.get(def.period.from)?.section : undefined;
  const repeated = def.sections.find((s) => s.id === periodSection)?.repeat !== undefined;
  const together = [
    ...(def.period?.to ? [['period.to', def.period.to] as const] : []),
    ...(def.period?.same ?? []).map((id, i) => [`period.same.${i}`, id] as const),
  ];
  for (const [path, id] of together) {
    const field = fields.get(id);
    if (!field)
      fail(
        path,
        `Perioden nævner feltet "${id}", som ikke findes.`,
        `The period names field "${id}", which does not exist.`,
      );
    else if (
      periodSection &&
      field.section !== periodSection &&
      (repeated || def.sections.find((s) => s.id === field.section)?.repeat)
    )
      fail(
        path,
        `"${id}" skal stå i samme gentagne afsnit som periodens startdato.`,
        `"${id}" must be in the same repeated section as the period's start date.`,
      );
  }
  // The process: what its schema and checkProcessDefinition cannot know, the engine's actions,
  // the FEEL of its conditions and the date fields its waits read.
  def.process?.steps.forEach((step, i) => {
    const path = `process.steps.${i}`;
    if (step.kind === 'automated' && step.action && !AUTOMATED_ACTION_NAMES.includes(step.action))
      fail(
        `${path}.action`,
        `Trinnet "${step.id}" beder om handlingen "${step.action}", som platformen ikke kender (${AUTOMATED_ACTION_NAMES.join(', ')}).`,
        `Step "${step.id}" asks for the action "${step.action}", which the platform does not know (${AUTOMATED_ACTION_NAMES.join(', ')}).`,
      );
    if (step.kind === 'automated' && step.action === 'digitalPost.send' && !step.letter)
      fail(
        `${path}.letter`,
        `Trinnet "${step.id}" sender et brev i Digital Post, men nævner ikke brevets titel (letter.label).`,
        `Step "${step.id}" sends a Digital Post letter but gives no title for it (letter.label).`,
      );
    if (step.until && fields.get(step.until.field)?.type !== 'date')
      fail(
        `${path}.until.field`,
        `Trinnet "${step.id}" venter på "${step.until.field}", som ikke er et datofelt.`,
        `Step "${step.id}" waits for "${step.until.field}", which is not a date field.`,
      );
    step.next.forEach((t, n) => {
      const problem = t.when ? conditionProblem(t.when) : null;
      if (problem)
        fail(
          `${path}.next.${n}.when`,
          `Betingelsen fra "${step.id}" til "${t.to}" kan ikke læses som FEEL: ${problem}`,
          `The condition from "${step.id}" to "${t.to}" cannot be read as FEEL: ${problem}`,
        );
    });
  });
  return problems;
}
