import { describe, expect, it } from 'vitest';
import { renderLetterPdf, type LetterContent } from './renderLetterPdf';

const letter: LetterContent = {
  sender: 'Eksempel Kommune',
  signedBy: 'Koncernservice, HR og Løn',
  recipientName: 'Anne Holm',
  date: '2026-03-02',
  caseNumber: 'S-2026-000042',
  service: 'Ansættelse',
  title: 'Ansættelsesbrev',
  paragraphs: ['Du er ansat som pædagog fra 1. april 2026.', 'Velkommen.'],
  createdAt: '2026-03-02T09:15:00.000Z',
};

describe('renderLetterPdf', () => {
  it('makes a PDF, and the same letter gives the same bytes (so a resent letter is the same letter)', async () => {
    const first = await renderLetterPdf(letter);
    const again = await renderLetterPdf(letter);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(again.equals(first)).toBe(true);
    const other = await renderLetterPdf({ ...letter, paragraphs: ['Et andet brev.'] });
    expect(other.equals(first)).toBe(false);
  });
});
