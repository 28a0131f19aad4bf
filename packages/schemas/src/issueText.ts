import type { z } from 'zod';

/** A validation problem in Danish and English, for messages at the edge and in catalogue files. */
export function issueText(issue: z.core.$ZodIssue): { da: string; en: string } {
  return { da: danish(issue), en: issue.message };
}

function danish(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'mangler eller har forkert type';
    case 'too_small':
      return 'er for kort eller for lille';
    case 'too_big':
      return 'er for lang eller for stor';
    case 'invalid_format':
      return 'har forkert format';
    case 'unrecognized_keys':
      return `ukendte felter: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return 'er ikke en tilladt værdi';
    default:
      return 'er ugyldigt';
  }
}
