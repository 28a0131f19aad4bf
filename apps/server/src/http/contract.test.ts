import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseTargets } from '@indgang/db';
import { ZApiError } from '@indgang/schemas';
import { checkContract, undeclaredKeys } from '../testing/checkContract';
import { createTestApp, type TestApp } from '../testing/createTestApp';
import { json, registerContract, registeredRoutes } from './contract';

const [target] = await testDatabaseTargets();

type Operation = {
  tags?: string[];
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { content?: Record<string, unknown> }>;
};

describe('the API contract', () => {
  let t: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>>; components: unknown };

  beforeAll(async () => {
    t = await createTestApp(target!);
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => t?.close());

  it('declares tags, a summary, its parameters and its answers on every route but the reference UI', () => {
    const routes = registeredRoutes(t.app).filter((route) => route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) {
      const schema = route.schema as
        | { hide?: boolean; tags?: string[]; summary?: string; params?: unknown; response?: object }
        | undefined;
      const name = `${String(route.method)} ${route.url}`;
      if (schema?.hide) {
        // Only the reference UI's own files and the web app are left out of the document.
        expect(route.url.startsWith('/api/docs') || !route.url.startsWith('/api/'), name).toBe(true);
        continue;
      }
      expect(schema, name).toBeDefined();
      expect(schema?.tags?.length, name).toBeGreaterThan(0);
      expect(schema?.summary, name).toBeTruthy();
      if (route.url.includes(':')) expect(schema?.params, name).toBeDefined();
      const statuses = Object.keys(schema?.response ?? {});
      expect(
        statuses.some((s) => /^[23]/.test(s)),
        `${name} declares its success`,
      ).toBe(true);
      expect(statuses, name).toEqual(expect.arrayContaining(['400', '500', '503']));
    }
  });

  it('serves a valid OpenAPI 3.1 document with every route, its errors and its security', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Every reference resolves.
    const refs = JSON.stringify(document).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    for (const ref of new Set(refs)) expect(schemas, ref).toHaveProperty(ref.slice(22, -1));

    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(60);
    const me = document.paths['/api/v1/me']!.get!;
    expect(me.security).toEqual([{ session: [] }]);
    expect(Object.keys(me.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '500', '503']));
    const submit = document.paths['/api/v1/cases']!.post!;
    expect(submit.security).toEqual([{ session: [], csrf: [] }]);
    expect(submit.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'idempotency-key' }),
    );
    expect(Object.keys(submit.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503']),
    );
    const evaluate = document.paths['/api/v1/business-cases/evaluate']!.post!;
    expect(evaluate.security).toEqual([{ csrf: [] }]);
    expect(evaluate.responses['429']).toBeDefined();
    expect(document.paths['/api/v1/org/units/{id}']!.get!.parameters).toContainEqual(
      expect.objectContaining({ in: 'path', name: 'id' }),
    );
    expect(document.paths['/health']!.get!.responses['503']).toBeDefined();
    expect(
      document.paths['/api/v1/projects/{id}/business-case.xlsx']!.get!.responses['200']!.content,
    ).toHaveProperty(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(JSON.stringify(document)).toContain('Idempotency-Key');
    for (const operation of operations) {
      expect(operation.tags?.length).toBeGreaterThan(0);
      expect(operation.responses['500']).toBeDefined();
    }
  });

  it('serves a readable reference at /api/docs from its own files, with no inline script', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src="/);
    for (const [, src] of page.body.matchAll(/src="([^"]+)"/g)) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const asset = await t.app.inject({ method: 'GET', url: new URL(src!, 'http://x/api/docs').pathname });
      expect(asset.statusCode, src).toBe(200);
    }
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });

  it('answers input that does not match the schema with the bilingual 400 naming each field', async () => {
    const leader = await t.login('demo-leder');
    const response = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: { toPersonId: 'p-1', unitId: 'buf-001', validFrom: '2026-02-31', validTo: 'x', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = ZApiError.parse(response.json());
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['body.validFrom', 'body.validTo', 'body']),
    );
    expect(body.error.message.da).toMatch(/^Ugyldigt input: /);
    expect(body.error.message.en).toMatch(/^Invalid input: /);
    // Without a session the answer is 401 before the input is looked at.
    const anonymous = await t.as(null, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: { nonsense: true },
      headers: { 'x-csrf-token': 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the contract check of the test app', () => {
  const build = async (answer: unknown, status = 200) => {
    const violations: string[] = [];
    const app = Fastify();
    registerContract(app);
    checkContract(app, violations);
    app.get(
      '/thing',
      {
        schema: {
          tags: ['Test'],
          summary: 'A thing',
          security: [],
          response: { 200: json(z.object({ id: z.string(), when: z.iso.datetime() }), 'The thing') },
        },
      },
      // The status is what the test asks for, declared or not.
      async (_request, reply) => reply.status(status as 200).send(answer),
    );
    const response = await app.inject({ method: 'GET', url: '/thing' });
    await app.close();
    return { response, violations };
  };

  it('passes an answer that matches its schema', async () => {
    const { response, violations } = await build({ id: 'a', when: '2026-11-02T10:00:00.000Z' });
    expect(response.statusCode).toBe(200);
    expect(violations).toEqual([]);
  });

  it('fails an answer of the wrong shape, with an undeclared field, or of an undeclared status', async () => {
    const wrong = await build({ id: 1, when: 'yesterday' });
    expect(wrong.response.statusCode).toBe(500);
    expect(wrong.response.json().error.code).toBe('contract_violation');
    expect(wrong.violations[0]).toMatch(/GET \/thing → 200 application\/json/);
    const extra = await build({ id: 'a', when: '2026-11-02T10:00:00.000Z', secret: 'x' });
    expect(extra.violations[0]).toMatch(/undeclared fields: \.secret/);
    const status = await build({ id: 'a', when: '2026-11-02T10:00:00.000Z' }, 202);
    expect(status.violations[0]).toMatch(/status is not declared/);
  });

  it('finds undeclared keys through arrays, records, unions and nullables', () => {
    const schema = z.object({
      list: z.array(z.object({ a: z.number() })),
      map: z.record(z.string(), z.object({ b: z.string() })),
      either: z.union([
        z.object({ kind: z.literal('x') }),
        z.object({ kind: z.literal('y'), y: z.number() }),
      ]),
      maybe: z.object({ c: z.boolean() }).nullable(),
      loose: z.looseObject({ d: z.number() }),
    });
    expect(
      undeclaredKeys(schema, {
        list: [{ a: 1, z: 1 }],
        map: { k: { b: 'b', q: 2 } },
        either: { kind: 'y', y: 1, w: 0 },
        maybe: null,
        loose: { d: 1, anything: true },
        top: 1,
      }),
    ).toEqual(['.list[0].z', '.map.k.q', '.either.w', '.top']);
  });
});
