import { describe, expect, it } from 'vitest';
import { readAnswers, readAnswerValues } from './formAnswers';

describe('readAnswers', () => {
  it('keeps answers that have the shape the form functions read', () => {
    const answers = {
      person: { name: 'Ane', hours: 37, paid: true, files: ['a', 'b'], note: null },
      children: [{ name: 'Bo' }, { name: 'Cy' }],
    };
    expect(readAnswers(answers)).toEqual(answers);
  });

  it('leaves out what is neither a section nor a list of sections, and values that are no answers', () => {
    expect(
      readAnswers({
        plain: 'text',
        count: 3,
        empty: null,
        list: [{ a: 1 }, 'x', [{ b: 2 }]],
        section: { ok: 'yes', nested: { no: 1 }, mixed: ['a', 1] },
      }),
    ).toEqual({ list: [{ a: 1 }], section: { ok: 'yes' } });
  });

  it('reads anything else as no answers', () => {
    expect(readAnswers(null)).toEqual({});
    expect(readAnswers(['a'])).toEqual({});
    expect(readAnswers('answers')).toEqual({});
  });
});

describe('readAnswerValues', () => {
  it('keeps revealed answers by path and leaves out what is no answer', () => {
    expect(readAnswerValues({ 'person.cpr': '010190-1234', 'x.y': { z: 1 } })).toEqual({
      'person.cpr': '010190-1234',
    });
  });
});
