import { describe, expect, it } from 'vitest';
import { EXAMPLE_SENDER, digitalPostSender, messageUuidFor } from './sf1601Client';

describe('the Digital Post sender and message UUIDs', () => {
  it('uses the example sender on the simulator, and refuses a live start without the municipality as sender', () => {
    expect(digitalPostSender({})).toEqual(EXAMPLE_SENDER);
    expect(() => digitalPostSender({ INDGANG_DIGITAL_POST_URL: 'https://sp.example' })).toThrow(
      /INDGANG_DIGITAL_POST_SENDER_CVR must be the municipality's CVR number/,
    );
    expect(() =>
      digitalPostSender({
        INDGANG_DIGITAL_POST_URL: 'https://sp.example',
        INDGANG_DIGITAL_POST_SENDER_CVR: '1234',
      }),
    ).toThrow(/8 digits/);
    expect(
      digitalPostSender({
        INDGANG_DIGITAL_POST_URL: 'https://sp.example',
        INDGANG_DIGITAL_POST_SENDER_CVR: '87654321',
        INDGANG_DIGITAL_POST_SENDER_NAME: 'Anden Kommune',
      }),
    ).toEqual({ cvr: '87654321', label: 'Anden Kommune' });
  });

  it('derives one UUID per sender, case and key: the same on a retry, another for another step or case', () => {
    const uuid = messageUuidFor(EXAMPLE_SENDER, { key: 'step-7', caseId: 'c1' });
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageUuidFor(EXAMPLE_SENDER, { key: 'step-7', caseId: 'c1' })).toBe(uuid);
    expect(messageUuidFor(EXAMPLE_SENDER, { key: 'step-8', caseId: 'c1' })).not.toBe(uuid);
    expect(messageUuidFor(EXAMPLE_SENDER, { key: 'step-7', caseId: 'c2' })).not.toBe(uuid);
    expect(messageUuidFor({ cvr: '87654321', label: 'x' }, { key: 'step-7', caseId: 'c1' })).not.toBe(uuid);
  });
});
