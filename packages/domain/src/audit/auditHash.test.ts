import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from './auditHash';

const entry = {
  seq: 7,
  at: '2026-11-27T10:00:00.000Z',
  actorUserId: 'u1',
  action: 'person.read',
  entityType: 'person',
  entityId: 'p-1',
  subjectPersonId: 'p-1',
  details: { b: 1, a: [1, { d: 2, c: 3 }] },
};

describe('auditHash', () => {
  it('serialises objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });

  it('gives the same hash for the same content whatever the key order', () => {
    const reordered = { ...entry, details: { a: [1, { c: 3, d: 2 }], b: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, entry));
  });

  it('changes when any field or the predecessor changes', () => {
    const base = auditHash(GENESIS_HASH, entry);
    expect(auditHash(GENESIS_HASH, { ...entry, action: 'person.read_cpr' })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...entry, at: '2026-11-27T10:00:00.001Z' })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...entry, details: { b: 2, a: [1, { d: 2, c: 3 }] } })).not.toBe(base);
    expect(auditHash('f'.repeat(64), entry)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...entry, seq: 8 })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
