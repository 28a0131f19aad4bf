import { evaluate, type FeelFunction } from 'feelin';

/** What a transition's `when` may read: the case's answers, the case, the person it is about and the last decision. */
export interface ConditionContext {
  answers: Record<string, unknown>;
  case: Record<string, unknown>;
  subject: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
}

const PARAMETERS = ['answers', 'case', 'subject', 'decision'] as const;

/**
 * Conditions compiled once per text: feelin parses an expression on every `evaluate`, so each `when`
 * becomes a FEEL function of the four names above, parsed the first time it is met and called after.
 */
const compiled = new Map<string, FeelFunction>();

function compile(text: string): FeelFunction {
  let fn = compiled.get(text);
  if (!fn) {
    const defined = evaluate(`function(${PARAMETERS.join(', ')}) ${text}`).value as FeelFunction | null;
    if (!defined || typeof defined.fn !== 'function')
      throw new Error(`the condition cannot be read as FEEL: ${text.slice(0, 200)}`);
    fn = defined;
    compiled.set(text, fn);
  }
  return fn;
}

/** Whether a transition's condition holds: only a FEEL `true` does (null, false or any other value does not). */
export function conditionHolds(text: string | undefined, context: ConditionContext): boolean {
  if (text === undefined || text.trim() === '') return true;
  const fn = compile(text);
  return fn.fn(context.answers, context.case, context.subject, context.decision) === true;
}

/**
 * Why a condition's text cannot be used, or null: FEEL that does not parse, or a name other than
 * answers, case, subject and decision (a misspelt `answer.kind` would otherwise never hold).
 */
export function conditionProblem(text: string): string | null {
  try {
    const { warnings } = evaluate(text, { answers: {}, case: {}, subject: null, decision: {} });
    const unknown = warnings.find((w) => w.type === 'NO_VARIABLE_FOUND');
    if (unknown) return unknown.message;
    compile(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
