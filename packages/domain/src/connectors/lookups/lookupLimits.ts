/** A lookup's answer is kept this long for its asker to fetch, then deleted by housekeeping. */
export const LOOKUP_MINUTES = 15;
