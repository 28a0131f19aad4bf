import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CPR = '000190-0042';

describe.each(targets)('personal data in scope on $name', (target) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (who: string) => clients[who]!;
  const get = (who: string, url: string) => t.as(as(who), { method: 'GET', url });
  const post = (who: string, url: string, payload: object = {}) => t.as(as(who), { method: 'POST', url, payload });
  const upload = async (who: string, fileName = 'samtykke.pdf') => (await t.as(as(who), { method: 'POST', url: `/api/v1/attachments?fileName=${fileName}`, headers: { 'content-type': 'application/pdf' }, payload: PDF })).json().id as string;
  const audits = async (action: string, entityId: string) => (await t.database.pool.query('SELECT actor_user_id, details FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq', [action, entityId])).rows;
  let hireId = '';

  beforeAll(async () => {
    t = await createTestApp(target);
    for (const who of ['demo-leder', 'demo-stedfortraeder', 'demo-medarbejder', 'demo-sagsbehandler-loen', 'demo-teamleder', 'demo-procesejer', 'demo-revisor', 'demo-leder-pleje']) clients[who] = await t.login(who);
    const hire = {
      position: { unit: 'buf-001', position: 'Lærer', agreement: 'laerere', weeklyHours: '37', startDate: '2027-08-01', timeLimited: false },
      person: { firstName: 'Ny', lastName: 'Lærer', cpr: CPR, nationality: 'dk' },
      certificates: { worksWithChildren: 'yes', childConsent: [await upload('demo-leder')] },
      documents: { education: [await upload('demo-leder', 'eksamen.pdf')] },
    };
    const created = await post('demo-leder', '/api/v1/cases', { serviceId: 'ansaettelse', answers: hire });
    expect(created.statusCode, created.body).toBe(201);
    hireId = created.json().id;
  });
  afterAll(() => t.close());

  describe('CPR numbers in case answers', () => {
    it('are masked for the submitting leader, the deputy, the team lead and the process owner', async () => {
      for (const [who, url] of [['demo-leder', `/api/v1/cases/${hireId}`], ['demo-stedfortraeder', `/api/v1/cases/${hireId}`], ['demo-teamleder', `/api/v1/backoffice/cases/${hireId}`], ['demo-procesejer', `/api/v1/backoffice/cases/${hireId}`]] as const) {
        const response = await get(who, url);
        expect(response.statusCode, who).toBe(200);
        expect(response.body, who).not.toContain(CPR);
        expect(response.json().answers.person.cpr, who).toBe('000190-XXXX');
        expect(response.json().masked, who).toEqual(['person.cpr']);
      }
      expect((await get('demo-teamleder', `/api/v1/backoffice/cases/${hireId}`)).json().canReveal).toBe(false);
    });

    it('are masked for the caseworker too, until she asks to see them, which is audited as a CPR read', async () => {
      const view = await get('demo-sagsbehandler-loen', `/api/v1/backoffice/cases/${hireId}`);
      expect(view.body).not.toContain(CPR);
      expect(view.json().canReveal).toBe(true);
      expect(await audits('case.read_cpr', hireId)).toEqual([]);
      const revealed = await post('demo-sagsbehandler-loen', `/api/v1/backoffice/cases/${hireId}/reveal`);
      expect(revealed.statusCode).toBe(200);
      expect(revealed.json()).toEqual({ values: { 'person.cpr': CPR } });
      expect(await audits('case.read_cpr', hireId)).toEqual([{ actor_user_id: 'demo-sagsbehandler-loen', details: { fields: ['person.cpr'] } }]);
    });

    it('cannot be revealed by those without the CPR permission', async () => {
      for (const who of ['demo-teamleder', 'demo-procesejer', 'demo-leder', 'demo-stedfortraeder']) {
        expect((await post(who, `/api/v1/backoffice/cases/${hireId}/reveal`)).statusCode, who).toBe(403);
      }
      expect((await audits('case.read_cpr', hireId)).length).toBe(1);
    });
  });
});
