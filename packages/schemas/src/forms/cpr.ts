/**
 * The CPR number's rules (CPR-kontoret, "Personnummeret i CPR-systemet"): DDMMYY-SSSS, where DDMMYY
 * is the date of birth and the first digit of SSSS together with YY gives the century:
 *
 * | 7th digit | YY 00–36 | YY 37–57 | YY 58–99 |
 * |-----------|----------|----------|----------|
 * | 0–3       | 19YY     | 19YY     | 19YY     |
 * | 4, 9      | 20YY     | 19YY     | 19YY     |
 * | 5–8       | 20YY     | 20YY     | 18YY     |
 *
 * Numbers issued since 2007 need not pass the old modulus-11 check, so it is not applied. Day 00
 * belongs to no one: the demo municipality and the tests use it for their made-up people, flagged
 * as test data, and an installation accepts it only when it runs with test data (`testCpr`).
 */

const CPR = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

export interface CprProblem {
  da: string;
  en: string;
}

/** The year of birth a CPR number gives, from its YY and its seventh digit. */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What is wrong with a CPR number, in Danish and English, or null when it is a possible number. */
export function cprProblem(value: string, options: { testCpr: boolean }): CprProblem | null {
  const m = CPR.exec(value);
  if (!m)
    return {
      da: 'CPR-nummeret skal have formen DDMMÅÅ-NNNN (10 cifre).',
      en: 'The CPR number must look like DDMMYY-NNNN (10 digits).',
    };
  const [day, month, yy, seventh] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12)
    return {
      da: `CPR-nummeret har måned ${m[2]}. Måneden (3. og 4. ciffer) skal være 01–12.`,
      en: `The CPR number has month ${m[2]}. The month (3rd and 4th digit) must be 01–12.`,
    };
  if (day === 0) {
    if (options.testCpr) return null;
    return {
      da: 'CPR-nummeret har dag 00, som kun bruges til testdata. Skriv personens rigtige CPR-nummer.',
      en: "The CPR number has day 00, which is only used for test data. Enter the person's real CPR number.",
    };
  }
  const year = cprBirthYear(yy, seventh);
  const last = daysInMonth(year, month);
  if (day > last)
    return {
      da: `CPR-nummeret har dag ${m[1]}, men ${month}.${year} har kun ${last} dage. Kontrollér de første seks cifre (fødselsdatoen).`,
      en: `The CPR number has day ${m[1]}, but ${month}/${year} has only ${last} days. Check the first six digits (the date of birth).`,
    };
  return null;
}
