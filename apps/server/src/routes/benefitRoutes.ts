import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  benefitOptions,
  benefitRegister,
  createProgramme,
  DomainError,
  followUpReport,
  getBenefitTree,
  getBusinessCase,
  getProgramme,
  getProject,
  invalidInput,
  listKpis,
  listProgrammes,
  recordMeasurement,
  recordRealisation,
  saveBenefitTree,
  saveBusinessCase,
  saveBusinessCaseWorkbook,
  saveKpi,
  saveProject,
  searchPeople,
  updateProgramme,
} from '@indgang/domain';
import {
  evaluateBusinessCase,
  ZBenefitTreeBody,
  ZBusinessCaseSaveBody,
  ZKpiBody,
  ZMeasurementBody,
  ZPeopleQuery,
  ZProgrammeBody,
  ZProjectBody,
  ZRealisationBody,
} from '@indgang/schemas';
import { z } from 'zod';
import { readBusinessCaseWorkbook, writeBusinessCaseWorkbook } from '../benefits/businessCaseWorkbook';
import { renderBenefitTreePdf, renderFollowUpReportPdf } from '../benefits/renderPdf';
import { requireActor, requireWritable } from '../http/authenticate';
import { idempotent } from '../http/idempotent';
import { parseInput } from '../http/parseInput';
import type { RateLimits } from '../http/rateLimits';

/** A business case of 40 years and 200 lines is about 60 KB; four times that is plenty. */
const EVALUATE_BODY_LIMIT = 256 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZProjectParams = z.object({ id: z.string().uuid(), projectId: z.string().uuid() });
const ZUuidParams = z.object({ id: z.string().uuid() });
const ZKpiParams = z.object({ id: z.string().uuid(), kpiId: z.string().uuid() });
const fileName = (name: string, ext: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(`${name.replace(/[\\/:*?"<>|]/g, ' ').slice(0, 80)}.${ext}`)}`;

/** Benefit realisation: programmes, projects, business cases, benefit trees, KPIs, register and report. */
export function benefitRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;
  const writer = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    requireWritable(actor);
    return actor;
  };

  // The evaluation alone, for scripts and other systems: no data is read or kept, so no login is needed.
  app.post(
    '/api/v1/business-cases/evaluate',
    { bodyLimit: EVALUATE_BODY_LIMIT, config: { rateLimit: deps.limits.public } },
    async (request) => {
      const { result, issues } = evaluateBusinessCase(request.body);
      if (!result) throw invalidInput('business_case_invalid', issues);
      return result;
    },
  );

  app.get('/api/v1/programmes', async (request) => listProgrammes({ db }, requireActor(request)));
  app.post('/api/v1/programmes', async (request, reply) => {
    const actor = writer(request);
    const body = parseInput(ZProgrammeBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) => createProgramme({ db: tx }, actor, body));
  });
  app.get('/api/v1/programmes/:id', async (request) =>
    getProgramme({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.put('/api/v1/programmes/:id', async (request) => {
    const actor = writer(request);
    return updateProgramme(
      { db },
      actor,
      parseInput(ZUuidParams, request.params, 'params').id,
      parseInput(ZProgrammeBody, request.body, 'body'),
    );
  });
  app.post('/api/v1/programmes/:id/projects', async (request, reply) => {
    const actor = writer(request);
    const { id } = parseInput(ZUuidParams, request.params, 'params');
    const body = parseInput(ZProjectBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) => saveProject({ db: tx }, actor, id, body));
  });
  app.put('/api/v1/programmes/:id/projects/:projectId', async (request) => {
    const actor = writer(request);
    const { id, projectId } = parseInput(ZProjectParams, request.params, 'params');
    return saveProject({ db }, actor, id, parseInput(ZProjectBody, request.body, 'body'), projectId);
  });
  app.get('/api/v1/programmes/:id/register', async (request) =>
    benefitRegister({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.get('/api/v1/programmes/:id/report', async (request) =>
    followUpReport({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.get('/api/v1/programmes/:id/report.pdf', async (request, reply) => {
    const report = await followUpReport(
      { db },
      requireActor(request),
      parseInput(ZUuidParams, request.params, 'params').id,
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', fileName(`Opfølgning ${report.programme.name}`, 'pdf'))
      .send(await renderFollowUpReportPdf(report));
  });

  app.get('/api/v1/projects/:id', async (request) =>
    getProject({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.get('/api/v1/benefits/options', async (request) => benefitOptions({ db }, requireActor(request)));
  app.get('/api/v1/projects/:id/business-case', async (request) =>
    getBusinessCase({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.put('/api/v1/projects/:id/business-case', async (request) => {
    const actor = writer(request);
    const { data, expectedVersion } = parseInput(ZBusinessCaseSaveBody, request.body, 'body');
    return saveBusinessCase(
      { db },
      actor,
      parseInput(ZUuidParams, request.params, 'params').id,
      data,
      expectedVersion,
    );
  });
  app.get('/api/v1/projects/:id/business-case.xlsx', async (request, reply) => {
    const stored = await getBusinessCase(
      { db },
      requireActor(request),
      parseInput(ZUuidParams, request.params, 'params').id,
    );
    if (!stored.data || !stored.result)
      throw new DomainError('not_found', 'no_business_case', {
        da: 'Projektet har ingen business case endnu.',
        en: 'The project has no business case yet.',
      });
    return reply
      .type(XLSX)
      .header('content-disposition', fileName(stored.data.title, 'xlsx'))
      .send(
        await writeBusinessCaseWorkbook(stored.data, stored.result, {
          projectId: parseInput(ZUuidParams, request.params, 'params').id,
          version: stored.version,
        }),
      );
  });
  // Workbooks are read only where one is uploaded.
  void app.register(async (workbooks) => {
    workbooks.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    workbooks.post(
      '/api/v1/projects/:id/business-case.xlsx',
      { config: { rateLimit: deps.limits.upload } },
      async (request) => {
        const actor = writer(request);
        const { id } = parseInput(ZUuidParams, request.params, 'params');
        if (!Buffer.isBuffer(request.body))
          throw new DomainError('invalid', 'workbook_missing', {
            da: 'Send regnearket som .xlsx.',
            en: 'Send the workbook as .xlsx.',
          });
        return saveBusinessCaseWorkbook({ db }, actor, id, await readBusinessCaseWorkbook(request.body));
      },
    );
  });

  app.get('/api/v1/projects/:id/benefit-tree', async (request) =>
    getBenefitTree({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.put('/api/v1/projects/:id/benefit-tree', async (request) => {
    const actor = writer(request);
    return saveBenefitTree(
      { db },
      actor,
      parseInput(ZUuidParams, request.params, 'params').id,
      parseInput(ZBenefitTreeBody, request.body, 'body'),
    );
  });
  app.get('/api/v1/projects/:id/benefit-tree.pdf', async (request, reply) => {
    const tree = await getBenefitTree(
      { db },
      requireActor(request),
      parseInput(ZUuidParams, request.params, 'params').id,
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', fileName(`Gevinsttræ ${tree.projectName}`, 'pdf'))
      .send(await renderBenefitTreePdf(tree, tree.projectName));
  });

  app.get('/api/v1/projects/:id/kpis', async (request) =>
    listKpis({ db }, requireActor(request), parseInput(ZUuidParams, request.params, 'params').id),
  );
  app.post('/api/v1/projects/:id/kpis', async (request, reply) => {
    const actor = writer(request);
    const { id } = parseInput(ZUuidParams, request.params, 'params');
    const body = parseInput(ZKpiBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) => saveKpi({ db: tx }, actor, id, body));
  });
  app.put('/api/v1/projects/:id/kpis/:kpiId', async (request) => {
    const actor = writer(request);
    const { id, kpiId } = parseInput(ZKpiParams, request.params, 'params');
    const body = parseInput(
      ZKpiBody.extend({ expectedVersion: z.number().int().positive().optional() }),
      request.body,
      'body',
    );
    return saveKpi({ db }, actor, id, body, kpiId);
  });
  app.post('/api/v1/kpis/:id/measurements', async (request, reply) => {
    const actor = writer(request);
    const { id } = parseInput(ZUuidParams, request.params, 'params');
    const body = parseInput(ZMeasurementBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) => recordMeasurement({ db: tx }, actor, id, body));
  });
  app.post('/api/v1/projects/:id/realisations', async (request, reply) => {
    const actor = writer(request);
    const { id } = parseInput(ZUuidParams, request.params, 'params');
    const body = parseInput(ZRealisationBody, request.body, 'body');
    return idempotent(request, reply, db, 200, async (tx) => {
      await recordRealisation({ db: tx }, actor, id, body);
      return { ok: true };
    });
  });
  app.get('/api/v1/benefits/people', async (request) =>
    searchPeople({ db }, requireActor(request), parseInput(ZPeopleQuery, request.query, 'query').q),
  );
}
