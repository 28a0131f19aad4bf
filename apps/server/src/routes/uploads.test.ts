import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const MB = 1024 * 1024;

describe.each(targets)('uploads on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;
  const upload = (client: TestClient, fileName: string, content = PDF, type = 'application/pdf') =>
    t.as(client, {
      method: 'POST',
      url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': type },
      payload: content,
    });

  beforeAll(async () => {
    t = await createTestApp(target, {
      uploadLimits: {
        filesPerUserPerDay: 10,
        bytesPerUserPerDay: 100 * MB,
        filesPerCase: 3,
        bytesPerCase: 100 * MB,
      },
    });
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
  });
  afterAll(() => t.close());

  it('refuses a name whose extension says another type, in both languages', async () => {
    for (const name of ['faktura.exe', 'kvittering.png', 'rapport.pdf.html']) {
      const refused = await upload(employee, name);
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error.code).toBe('attachment_extension');
      expect(refused.json().error.message.da).toContain('Omdøb filen');
    }
  });

  it('strips control and direction-changing characters, and gives a name without extension the right one', async () => {
    // "kvittering‮fdp.exe" would show as "kvitteringexe.pdf" in a right-to-left override.
    expect((await upload(employee, 'rapport\u202e\u0007.pdf')).json().fileName).toBe('rapport.pdf');
    expect((await upload(employee, 'kvittering\u202efdp.exe')).statusCode).toBe(400);
    expect((await upload(employee, 'foto', PNG, 'image/png')).json().fileName).toBe('foto.png');
    expect((await upload(employee, 'a.exe\u200b.pdf')).json().fileName).toBe('a.exe.pdf');
    // A long name given its extension is counted in characters, never cut through an emoji.
    expect((await upload(employee, `${'a'.repeat(195)}😀`)).json().fileName).toBe(`${'a'.repeat(195)}😀.pdf`);
  });

  it('refuses an Idempotency-Key reused for the same file under another name', async () => {
    const first = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/attachments?fileName=forste.pdf',
      headers: { 'content-type': 'application/pdf', 'idempotency-key': 'fil-1' },
      payload: PDF,
    });
    expect(first.statusCode).toBe(201);
    const renamed = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/attachments?fileName=anden.pdf',
      headers: { 'content-type': 'application/pdf', 'idempotency-key': 'fil-1' },
      payload: PDF,
    });
    expect(renamed.statusCode).toBe(422);
  });

  it('caps the files one person uploads in a day, counted exactly under parallel uploads', async () => {
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => upload(leader, `bilag-${i}.pdf`)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(3);
    const over = await upload(leader, 'bilag-10.pdf');
    expect(over.statusCode).toBe(400);
    expect(over.json().error.code).toBe('upload_quota');
    expect(over.json().error.message.en).toContain('10 files');
  });

  it('caps the files one case holds', async () => {
    const created = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'koerselsgodtgoerelse',
        answers: { trips: [{ date: '2026-11-02', from: 'A', to: 'B', km: '3', purpose: 'Møde' }] },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await upload(employee, `kvittering-${i}.pdf`)).json().id);
    expect(
      (
        await t.as(employee, {
          method: 'POST',
          url: `/api/v1/cases/${created.json().id}/messages`,
          payload: { body: 'Bilag', attachmentIds: ids.slice(0, 2) },
        })
      ).statusCode,
    ).toBe(200);
    const refused = await t.as(employee, {
      method: 'POST',
      url: `/api/v1/cases/${created.json().id}/messages`,
      payload: {
        body: 'Flere',
        attachmentIds: ids.slice(2).concat((await upload(employee, 'mere.pdf')).json().id),
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('case_files_limit');
  });
});
