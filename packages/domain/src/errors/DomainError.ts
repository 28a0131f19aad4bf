export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'rate_limited';

export interface LocalizedText {
  da: string;
  en: string;
}

export interface FieldError {
  path: string;
  row?: number;
  column?: string;
  message: LocalizedText;
}

/** An error a user can act on: a kind for the transport, a message in Danish and English. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fields: FieldError[] = [],
    /** Facts the client can act on, e.g. the open case a duplicate would join. */
    readonly data?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}

export const notFound = (what: LocalizedText) =>
  new DomainError('not_found', 'not_found', {
    da: `${what.da} findes ikke, eller du har ikke adgang.`,
    en: `${what.en} does not exist, or you have no access.`,
  });

export const forbidden = () =>
  new DomainError('forbidden', 'forbidden', {
    da: 'Du har ikke adgang til dette.',
    en: 'You do not have access to this.',
  });

/** Input with problems named by where they are: the first few in the message, all as field errors. */
export function invalidInput(code: string, issues: Array<Pick<FieldError, 'path' | 'message'>>): DomainError {
  return new DomainError(
    'invalid',
    code,
    {
      da: `Der er fejl: ${issues
        .slice(0, 5)
        .map((i) => i.message.da)
        .join(' ')}`,
      en: `There are errors: ${issues
        .slice(0, 5)
        .map((i) => i.message.en)
        .join(' ')}`,
    },
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}
