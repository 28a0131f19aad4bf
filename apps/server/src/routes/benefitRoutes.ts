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
  ZBenefitOptions,
  ZBenefitTree,
  ZBenefitTreeBody,
  ZBinary,
  ZBusinessCaseInput,
  ZBusinessCaseResult,
  ZBusinessCaseSaveBody,
  ZBusinessCaseSaved,
  ZCreated,
  ZFollowUpReport,
  ZKpiBody,
  ZKpiParams,
  ZKpis,
  ZKpiUpdateBody,
  ZMeasurementBody,
  ZMeasurementCreated,
  ZOk,
  ZPeople,
  ZPeopleQuery,
  ZProgramme,
  ZProgrammeBody,
  ZProgrammeList,
  ZProject,
  ZProjectBody,
  ZProjectParams,
  ZRealisationBody,
  ZRegister,
  ZSaved,
  ZStoredBusinessCase,
  ZUuidParams,
  ZVersion,
} from '@indgang/schemas';
import { readBusinessCaseWorkbook, writeBusinessCaseWorkbook } from '../benefits/businessCaseWorkbook';
import { renderBenefitTreePdf } from '../benefits/renderPdf';
import { renderFollowUpReportPdf } from '../benefits/renderFollowUpReportPdf';
import { requireActor } from '../http/authenticate';
import { fileName, PDF, XLSX } from '../http/download';
import { error, json, media, PUBLIC, validatedByOperation, type ApiTypeProvider, OK } from '../http/contract';
import { idempotent } from '../http/idempotent';
import type { RateLimits } from '../http/rateLimits';

/** A business case of 40 years and 200 lines is about 60 KB; four times that is plenty. */
const EVALUATE_BODY_LIMIT = 256 * 1024;

const tags = ['Benefits'];
const noProgramme = error(404, 'No such programme that the user may see.');
const noProject = error(404, 'No such project that the user may see.');
const mayNotManage = error(403, 'Needs the permission to manage benefits, or to own the project.');
const stale = error(409, 'Changed since it was read (stale `expectedVersion`): reload and try again.');

/** Benefit realisation: programmes, projects, business cases, benefit trees, KPIs, register and report. */
export function benefitRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();
  const writes = { writes: true };

  // The evaluation alone, for scripts and other systems: no data is read or kept, so no login is needed.
  api.post(
    '/api/v1/business-cases/evaluate',
    {
      bodyLimit: EVALUATE_BODY_LIMIT,
      config: { rateLimit: deps.limits.public },
      schema: {
        tags,
        summary: 'Compute a business case',
        description:
          'The rows, payback and committee shares of a business case, exactly as the editor computes them. Nothing is read or kept.',
        security: PUBLIC,
        body: validatedByOperation(ZBusinessCaseInput),
        response: {
          200: json(ZBusinessCaseResult, 'The computed business case'),
          400: error(400, 'The business case has errors, each by its line (`business_case_invalid`).'),
        },
      },
    },
    async (request) => {
      const { result, issues } = evaluateBusinessCase(request.body);
      if (!result) throw invalidInput('business_case_invalid', issues);
      return result;
    },
  );

  api.get(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'The programmes the user may see',
        response: { 200: json(ZProgrammeList, 'The programmes') },
      },
    },
    async (request) => listProgrammes({ db }, requireActor(request)),
  );
  api.post(
    '/api/v1/programmes',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Create a programme',
        body: ZProgrammeBody,
        response: { 201: json(ZCreated, 'The programme'), 403: mayNotManage },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) => createProgramme({ db: tx }, actor, request.body));
    },
  );
  api.get(
    '/api/v1/programmes/:id',
    {
      schema: {
        tags,
        summary: 'A programme with its projects',
        params: ZUuidParams,
        response: { 200: json(ZProgramme, 'The programme'), 404: noProgramme },
      },
    },
    async (request) => getProgramme({ db }, requireActor(request), request.params.id),
  );
  api.put(
    '/api/v1/programmes/:id',
    {
      config: writes,
      schema: {
        tags,
        summary: 'Change a programme',
        params: ZUuidParams,
        body: ZProgrammeBody,
        response: { 200: json(ZVersion, 'Its new version'), 403: mayNotManage, 404: noProgramme, 409: stale },
      },
    },
    async (request) => updateProgramme({ db }, requireActor(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/programmes/:id/projects',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Add a project to a programme',
        params: ZUuidParams,
        body: ZProjectBody,
        response: { 201: json(ZSaved, 'The project'), 403: mayNotManage, 404: noProgramme },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) =>
        saveProject({ db: tx }, actor, request.params.id, request.body),
      );
    },
  );
  api.put(
    '/api/v1/programmes/:id/projects/:projectId',
    {
      config: writes,
      schema: {
        tags,
        summary: 'Change a project',
        params: ZProjectParams,
        body: ZProjectBody,
        response: {
          200: json(ZSaved, 'The project and its new version'),
          403: mayNotManage,
          404: noProject,
          409: stale,
        },
      },
    },
    async (request) =>
      saveProject({ db }, requireActor(request), request.params.id, request.body, request.params.projectId),
  );
  api.get(
    '/api/v1/programmes/:id/register',
    {
      schema: {
        tags,
        summary: 'The benefit register of a programme',
        description: 'Expected against realised benefits per project and year, in 1,000 DKK.',
        params: ZUuidParams,
        response: { 200: json(ZRegister, 'The register'), 404: noProgramme },
      },
    },
    async (request) => benefitRegister({ db }, requireActor(request), request.params.id),
  );
  api.get(
    '/api/v1/programmes/:id/report',
    {
      schema: {
        tags,
        summary: 'The follow-up report of a programme',
        description:
          'Projects, risks, business cases, KPIs and the benefit register, for the steering group.',
        params: ZUuidParams,
        response: { 200: json(ZFollowUpReport, 'The report'), 404: noProgramme },
      },
    },
    async (request) => followUpReport({ db }, requireActor(request), request.params.id),
  );
  api.get(
    '/api/v1/programmes/:id/report.pdf',
    {
      schema: {
        tags,
        summary: 'The follow-up report as PDF',
        params: ZUuidParams,
        response: { 200: media(PDF, ZBinary, 'The report (as an attachment)'), 404: noProgramme },
      },
    },
    async (request, reply) => {
      const report = await followUpReport({ db }, requireActor(request), request.params.id);
      reply.type(PDF).header('content-disposition', fileName(`Opfølgning ${report.programme.name}`, 'pdf'));
      return renderFollowUpReportPdf(report);
    },
  );

  api.get(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project, and what the user may do with it',
        params: ZUuidParams,
        response: { 200: json(ZProject, 'The project'), 404: noProject },
      },
    },
    async (request) => getProject({ db }, requireActor(request), request.params.id),
  );
  api.get(
    '/api/v1/benefits/options',
    {
      schema: {
        tags,
        summary: 'What a KPI can be measured for',
        description: 'The services of the catalogue and the administrations.',
        response: { 200: json(ZBenefitOptions, 'The options'), 403: error(403, 'Needs a benefit role.') },
      },
    },
    async (request) => benefitOptions({ db }, requireActor(request)),
  );
  api.get(
    '/api/v1/projects/:id/business-case',
    {
      schema: {
        tags,
        summary: "A project's business case",
        description: 'As written, with its computed rows; `data` is null until one is written.',
        params: ZUuidParams,
        response: { 200: json(ZStoredBusinessCase, 'The business case'), 404: noProject },
      },
    },
    async (request) => getBusinessCase({ db }, requireActor(request), request.params.id),
  );
  api.put(
    '/api/v1/projects/:id/business-case',
    {
      config: writes,
      schema: {
        tags,
        summary: "Save a project's business case",
        params: ZUuidParams,
        body: ZBusinessCaseSaveBody,
        response: {
          200: json(ZBusinessCaseSaved, 'Its new version and computed rows'),
          400: error(400, 'The business case has errors, each by its line (`business_case_invalid`).'),
          403: mayNotManage,
          404: noProject,
          409: stale,
        },
      },
    },
    async (request) =>
      saveBusinessCase(
        { db },
        requireActor(request),
        request.params.id,
        request.body.data,
        request.body.expectedVersion,
      ),
  );
  api.get(
    '/api/v1/projects/:id/business-case.xlsx',
    {
      schema: {
        tags,
        summary: 'The business case as a workbook',
        description: 'Computed rows as formulas with their values; a hidden sheet names project and version.',
        params: ZUuidParams,
        response: {
          200: media(XLSX, ZBinary, 'The workbook (as an attachment)'),
          404: error(404, 'No such project, or it has no business case yet.'),
        },
      },
    },
    async (request, reply) => {
      const projectId = request.params.id;
      const stored = await getBusinessCase({ db }, requireActor(request), projectId);
      if (!stored.data || !stored.result)
        throw new DomainError('not_found', 'no_business_case', {
          da: 'Projektet har ingen business case endnu.',
          en: 'The project has no business case yet.',
        });
      reply.type(XLSX).header('content-disposition', fileName(stored.data.title, 'xlsx'));
      return writeBusinessCaseWorkbook(stored.data, stored.result, { projectId, version: stored.version });
    },
  );
  // Workbooks are read only where one is uploaded.
  void app.register(async (workbooks) => {
    workbooks.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    workbooks.withTypeProvider<ApiTypeProvider>().post(
      '/api/v1/projects/:id/business-case.xlsx',
      {
        config: { rateLimit: deps.limits.upload, writes: true },
        schema: {
          tags,
          summary: 'Save the business case from an edited workbook',
          description: 'The workbook must be one downloaded from this project; an outdated one answers 409.',
          params: ZUuidParams,
          body: { content: { [XLSX]: { schema: ZBinary } } },
          response: {
            200: json(ZBusinessCaseSaved, 'Its new version and computed rows'),
            400: error(400, 'Not a workbook, or its cells have errors (each by its address).'),
            403: mayNotManage,
            404: noProject,
            409: error(409, 'The workbook is of an older version, or of another project.'),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!Buffer.isBuffer(request.body))
          throw new DomainError('invalid', 'workbook_missing', {
            da: 'Send regnearket som .xlsx.',
            en: 'Send the workbook as .xlsx.',
          });
        return saveBusinessCaseWorkbook(
          { db },
          actor,
          request.params.id,
          await readBusinessCaseWorkbook(request.body),
        );
      },
    );
  });

  api.get(
    '/api/v1/projects/:id/benefit-tree',
    {
      schema: {
        tags,
        summary: "A project's benefit tree",
        params: ZUuidParams,
        response: {
          200: json(ZBenefitTree, 'The tree (empty, version 0, until one is saved)'),
          404: noProject,
        },
      },
    },
    async (request) => getBenefitTree({ db }, requireActor(request), request.params.id),
  );
  api.put(
    '/api/v1/projects/:id/benefit-tree',
    {
      config: writes,
      schema: {
        tags,
        summary: "Save a project's benefit tree",
        params: ZUuidParams,
        body: ZBenefitTreeBody,
        response: {
          200: json(ZVersion, 'Its new version'),
          400: error(400, 'The tree has errors (`benefit_tree_invalid`).'),
          403: mayNotManage,
          404: noProject,
          409: stale,
        },
      },
    },
    async (request) => saveBenefitTree({ db }, requireActor(request), request.params.id, request.body),
  );
  api.get(
    '/api/v1/projects/:id/benefit-tree.pdf',
    {
      schema: {
        tags,
        summary: 'The benefit tree as PDF',
        params: ZUuidParams,
        response: { 200: media(PDF, ZBinary, 'The tree (as an attachment)'), 404: noProject },
      },
    },
    async (request, reply) => {
      const tree = await getBenefitTree({ db }, requireActor(request), request.params.id);
      reply.type(PDF).header('content-disposition', fileName(`Gevinsttræ ${tree.projectName}`, 'pdf'));
      return renderBenefitTreePdf(tree, tree.projectName);
    },
  );

  api.get(
    '/api/v1/projects/:id/kpis',
    {
      schema: {
        tags,
        summary: "A project's KPIs",
        description: 'With their measurements, monthly values when measured from the cases, and progress.',
        params: ZUuidParams,
        response: { 200: json(ZKpis, 'The KPIs'), 404: noProject },
      },
    },
    async (request) => listKpis({ db }, requireActor(request), request.params.id),
  );
  api.post(
    '/api/v1/projects/:id/kpis',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Add a KPI to a project',
        params: ZUuidParams,
        body: ZKpiBody,
        response: {
          201: json(ZSaved, 'The KPI'),
          400: error(400, 'The KPI has errors (`kpi_invalid`).'),
          403: mayNotManage,
          404: noProject,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) =>
        saveKpi({ db: tx }, actor, request.params.id, request.body),
      );
    },
  );
  api.put(
    '/api/v1/projects/:id/kpis/:kpiId',
    {
      config: writes,
      schema: {
        tags,
        summary: 'Change a KPI',
        params: ZKpiParams,
        body: ZKpiUpdateBody,
        response: {
          200: json(ZSaved, 'The KPI and its new version'),
          400: error(400, 'The KPI has errors (`kpi_invalid`).'),
          403: mayNotManage,
          404: error(404, 'No such KPI of a project the user may see.'),
          409: stale,
        },
      },
    },
    async (request) =>
      saveKpi({ db }, requireActor(request), request.params.id, request.body, request.params.kpiId),
  );
  api.post(
    '/api/v1/kpis/:id/measurements',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Record a measurement of a KPI',
        description: "For the project's benefit owner and those who manage benefits.",
        params: ZUuidParams,
        body: ZMeasurementBody,
        response: {
          201: json(ZMeasurementCreated, 'The measurement'),
          403: error(403, "Only the project's benefit owner or a benefit manager records measurements."),
          404: error(404, 'No such KPI of a project the user may see.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) =>
        recordMeasurement({ db: tx }, actor, request.params.id, request.body),
      );
    },
  );
  api.post(
    '/api/v1/projects/:id/realisations',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Record the benefit realised in a year',
        description: 'In 1,000 DKK; a later report for the same year replaces the earlier one.',
        params: ZUuidParams,
        body: ZRealisationBody,
        response: {
          200: json(ZOk, 'Recorded'),
          403: error(403, "Only the project's benefit owner or a benefit manager records benefits."),
          404: noProject,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 200, async (tx) => {
        await recordRealisation({ db: tx }, actor, request.params.id, request.body);
        return OK;
      });
    },
  );
  api.get(
    '/api/v1/benefits/people',
    {
      schema: {
        tags,
        summary: 'Find users to make owner or benefit owner',
        querystring: ZPeopleQuery,
        response: { 200: json(ZPeople, 'The users found (at most 20)'), 403: mayNotManage },
      },
    },
    async (request) => searchPeople({ db }, requireActor(request), request.query.q),
  );
}
