import { describe, expect, it } from 'vitest';
import { generateDemoMunicipality, isFakeCpr } from './generateDemoMunicipality';

describe('generateDemoMunicipality', () => {
  const data = generateDemoMunicipality({ seed: 2026 });

  it('is the same municipality for the same seed and another for another seed', () => {
    expect(JSON.stringify(generateDemoMunicipality({ seed: 2026 }))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoMunicipality({ seed: 7 }).people.slice(0, 20))).not.toBe(
      JSON.stringify(data.people.slice(0, 20)),
    );
  });

  it('has seven administrations, about 200 units and about 5,000 employees', () => {
    const administrations = data.units.filter((u) => u.kind === 'administration').map((u) => u.code);
    expect(administrations).toEqual(['BUF', 'SUF', 'SOF', 'KFF', 'TMF', 'BIF', 'ØKF']);
    expect(data.units.length).toBeGreaterThanOrEqual(180);
    expect(data.units.length).toBeLessThanOrEqual(220);
    expect(data.people.length).toBeGreaterThanOrEqual(4500);
    expect(data.people.length).toBeLessThanOrEqual(5500);
  });

  it('forms one tree whose every parent exists', () => {
    const ids = new Set(data.units.map((u) => u.id));
    expect(ids.size).toBe(data.units.length);
    expect(data.units.filter((u) => u.parentId === null)).toHaveLength(1);
    for (const u of data.units) if (u.parentId) expect(ids.has(u.parentId)).toBe(true);
  });

  it('gives every staffed unit a leader and a deputy, and the service centre its teams', () => {
    const staffed = data.units.filter(
      (u) => !['municipality', 'administration', 'area', 'service_centre'].includes(u.kind),
    );
    for (const unit of staffed) {
      expect(
        data.people.filter((p) => p.managerOf.includes(unit.id)),
        unit.id,
      ).toHaveLength(1);
      expect(
        data.people.some((p) => p.managerOf.length === 0 && p.affiliations.some((a) => a.unitId === unit.id)),
      ).toBe(true);
    }
    expect(data.units.filter((u) => u.parentId === 'okf-ks').map((u) => u.name)).toContain(
      'HR-administration',
    );
  });

  it('only uses CPR numbers that cannot belong to anyone, flagged as test data', () => {
    for (const p of data.people) {
      expect(p.cprIsTestData).toBe(true);
      expect(isFakeCpr(p.cpr as string), p.cpr as string).toBe(true);
    }
    expect(isFakeCpr('010190-1234')).toBe(false);
  });

  it('holds hours as whole hundredths and dates as calendar dates', () => {
    for (const p of data.people.slice(0, 500)) {
      for (const a of p.affiliations) {
        expect(Number.isInteger(a.weeklyHoursCenti)).toBe(true);
        expect(a.startDate).toMatch(/^\d{4}-\d{2}-01$/);
        expect(a.seniorityDate! <= a.startDate).toBe(true);
      }
    }
  });
});
