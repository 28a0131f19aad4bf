import { sql } from 'drizzle-orm';
import type {
  CaseAutomation,
  CaseEventType,
  CaseStatus,
  KPI_UNITS,
  KpiSource,
  MEASUREMENT_KINDS,
  PROGRAMME_STATUSES,
  PROJECT_STATUSES,
  RISK_LEVELS,
  CaseStepStatus,
  ConnectorCallOutcome,
  ConnectorName,
  LookupStatus,
  ProcessStepKind,
  WorkItemStatus,
} from '@indgang/schemas';
import { customType } from 'drizzle-orm/pg-core';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Organisational units: administrations (forvaltninger) at the top, then areas and institutions. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    /** Materialised path of ids, '/adm/area/unit/', so "this unit and all below" is a prefix test. */
    path: text('path').notNull(),
    kind: text('kind').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    administrationId: text('administration_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_units_path_idx').on(t.path), index('org_units_parent_idx').on(t.parentId)],
);

export const persons = pgTable(
  'persons',
  {
    id: text('id').primaryKey(),
    cpr: text('cpr'),
    cprIsTestData: boolean('cpr_is_test_data').notNull().default(false),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    employeeNumber: text('employee_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_employee_number_uq').on(t.employeeNumber),
    index('persons_name_idx').on(t.lastName, t.firstName),
    index('persons_cpr_idx').on(t.cpr),
  ],
);

/** An affiliation of a person with a unit (SOFD "tilhørsforhold"). */
export const employments = pgTable(
  'employments',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    position: text('position').notNull(),
    agreement: text('agreement').notNull(),
    /** Weekly hours in hundredths (37 hours = 3700), never a float. */
    weeklyHoursCenti: integer('weekly_hours_centi').notNull(),
    seniorityDate: date('seniority_date'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
  },
  (t) => [index('employments_unit_idx').on(t.unitId), index('employments_person_idx').on(t.personId)],
);

/** Who leads which unit (SOFD "leder af"). */
export const unitManagers = pgTable(
  'unit_managers',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.personId] })],
);

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  area: text('area').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').references(() => persons.id),
    displayName: text('display_name').notNull(),
    email: text('email'),
    oidcSubject: text('oidc_subject'),
    locale: text('locale').notNull().default('da'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_oidc_subject_uq').on(t.oidcSubject), uniqueIndex('users_email_uq').on(t.email)],
);

/** A role held by a user, optionally scoped to a unit (leader), a team (caseworker) or a service (anchor person). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    unitId: text('unit_id').references(() => orgUnits.id),
    teamId: text('team_id').references(() => teams.id),
    /** For an anchor person: the service she is the specialist of. */
    serviceId: text('service_id'),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** A leader's delegation of a unit to a deputy for a period. */
export const delegations = pgTable(
  'delegations',
  {
    id: text('id').primaryKey(),
    fromUserId: text('from_user_id')
      .notNull()
      .references(() => users.id),
    /** The deputy, as a person: she need not have logged in before she is trusted. */
    toPersonId: text('to_person_id')
      .notNull()
      .references(() => persons.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delegations_to_idx').on(t.toPersonId)],
);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Append-only audit trail. An entry is written in the transaction of the change or read it
 * records; `xid` is that transaction, so the chainer knows when the entry is final.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    xid: bigint('xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    subjectPersonId: text('subject_person_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('audit_subject_idx').on(t.subjectPersonId), index('audit_actor_idx').on(t.actorUserId)],
);

/**
 * The hash chain over the audit trail, in the order entries were sealed: each link's SHA-256
 * covers its predecessor's hash and its entry's content. Also append-only. `pos` is the previous
 * link's position + 1, given by the sealer under its lock, so it has no gaps.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    pos: bigint('pos', { mode: 'number' }).primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_chain_seq_uq').on(t.seq)],
);

/** One row per organisation import, with its outcome. */
export const orgImports = pgTable('org_imports', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  format: text('format').notNull(),
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull(),
  errorCount: integer('error_count').notNull().default(0),
  summary: jsonb('summary').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** A service of the catalogue, one row per version; a case pins the version it started with. */
export const services = pgTable(
  'services',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const returnReasons = pgTable('return_reasons', {
  code: text('code').primaryKey(),
  label: jsonb('label').notNull(),
});

export const replyTemplates = pgTable('reply_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  /** What the caseworker fills in before sending (`{{document}}`), with its label; see ZReplyTemplate. */
  inputs: jsonb('inputs').notNull().default([]),
});

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    serviceId: text('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    /** The unit the case concerns: what decides who may see it. */
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    subjectPersonId: text('subject_person_id').references(() => persons.id),
    submittedByUserId: text('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    /** Set when a deputy or secretary submitted for a leader. */
    onBehalfOfUserId: text('on_behalf_of_user_id').references(() => users.id),
    status: text('status').$type<CaseStatus>().notNull(),
    teamId: text('team_id').notNull(),
    assigneeUserId: text('assignee_user_id').references(() => users.id),
    answers: jsonb('answers').notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    dueDate: date('due_date').notNull(),
    /** When the case began waiting on the submitter; the norm-time clock stands still meanwhile. */
    pausedSince: date('paused_since'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * The outcome the case was resolved with: `outcomeId` names one of the pinned service version's
     * `outcomes`, and `outcome` keeps its Danish label as it read then; a service without outcomes
     * leaves `outcomeId` null and `outcome` is the caseworker's free text.
     */
    outcomeId: text('outcome_id'),
    outcome: text('outcome'),
    /** Optimistic lock: every change raises it, a stale edit is refused. */
    version: integer('version').notNull().default(1),
    /**
     * Kept from the person the case is about until this stage is reached ('never': always kept);
     * null: she may follow it. Decided at submission from the service's subjectVisibility.
     */
    subjectHiddenUntil: text('subject_hidden_until'),
    /** The service's stages the caseworkers have marked as reached. */
    stagesReached: text('stages_reached')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When its retention period ran out and its answers, files and messages were deleted. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /**
     * How automation handled the case (null: its process has no automated step): end to end
     * without a caseworker, partly, excluded (watch list or exclusion criteria) or failed to a
     * person; `automationReason` says why for the last two.
     */
    automation: text('automation').$type<CaseAutomation>(),
    automationReason: text('automation_reason'),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.number),
    index('cases_unit_idx').on(t.unitId),
    index('cases_submitter_idx').on(t.submittedByUserId),
    index('cases_team_status_idx').on(t.teamId, t.status),
    index('cases_subject_idx').on(t.subjectPersonId, t.serviceId),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    type: text('type').$type<CaseEventType>().notNull(),
    /** Internal events (notes, assignments) never reach the portal. */
    internal: boolean('internal').notNull(),
    body: text('body'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').references(() => cases.id),
    uploadedByUserId: text('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_case_idx').on(t.caseId),
    index('attachments_uploader_idx').on(t.uploadedByUserId, t.createdAt),
  ],
);

export const drafts = pgTable(
  'drafts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    serviceId: text('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    answers: jsonb('answers').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.serviceId] })],
);

/** Jobs written in the same transaction as the change that causes them (the outbox). */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The attempt that failed last gave up: the job waits for a person to retry or discard it. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
    /** Set when a person discarded a dead job (it stays as history). */
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
    /** Attempts before the job is dead, taken from its kind when written. */
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** A job written twice with the same key is one job (e.g. one payroll call per case step). */
    idempotencyKey: text('idempotency_key'),
    /** A recurring job's schedule name: only one pending job per name exists. */
    recurring: text('recurring'),
    /** The case the job works for, which goes to a person's queue if the job dies. */
    caseId: text('case_id'),
    /** Which worker holds the lease. */
    lockedBy: text('locked_by'),
    /** The municipal system the job calls, if any: the job is part of that connector's queue. */
    connector: text('connector').$type<ConnectorName>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_pending_idx').on(t.doneAt, t.runAt),
    index('jobs_connector_idx')
      .on(t.connector)
      .where(sql`connector IS NOT NULL AND done_at IS NULL`),
    uniqueIndex('jobs_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('jobs_recurring_uq')
      .on(t.recurring)
      .where(sql`done_at IS NULL AND dead_at IS NULL`),
  ],
);

/**
 * A case's place in its service's process: one row per step the case has entered. A step is
 * active until it is done (with its result: approved, rejected, done, …) or cancelled; parallel
 * branches make several active steps at once.
 */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** The step's id in the process definition of the case's pinned service version. */
    stepId: text('step_id').notNull(),
    kind: text('kind').$type<ProcessStepKind>().notNull(),
    status: text('status').$type<CaseStepStatus>().notNull(),
    /** What the step ended with, the name its transitions are chosen by (approved, rejected, done, …). */
    result: text('result'),
    /** The person who must act (the approving leader), when the step names one. */
    assigneeUserId: text('assignee_user_id').references(() => users.id),
    /** Who completed it: a user id, or null with `system` set when automation did. */
    completedByUserId: text('completed_by_user_id').references(() => users.id),
    /** The automation that completed it (a job kind, a decision table, a robot's name). */
    completedBySystem: text('completed_by_system'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** The step's deadline from its norm time in working days; escalated when passed. */
    dueDate: date('due_date'),
    /** A wait step's date, when it waits for one. */
    waitUntil: date('wait_until'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The step's data: a decision's inputs, outputs and fired rules; a robot's output; an error. */
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    index('case_steps_case_idx').on(t.caseId),
    index('case_steps_assignee_idx')
      .on(t.assigneeUserId)
      .where(sql`status = 'active'`),
    uniqueIndex('case_steps_active_uq')
      .on(t.caseId, t.stepId)
      .where(sql`status = 'active'`),
  ],
);

/**
 * A robot's work: one item per robot step of a case, on a topic robots fetch from with a lease.
 * Completing twice changes nothing: the item keeps its first output.
 */
export const workItems = pgTable(
  'work_items',
  {
    id: text('id').primaryKey(),
    topic: text('topic').notNull(),
    caseId: text('case_id').references(() => cases.id),
    caseStepId: bigint('case_step_id', { mode: 'number' }).references(() => caseSteps.id),
    /** What the robot needs to do the work; never more than the step's service allows. */
    payload: jsonb('payload').notNull(),
    status: text('status').$type<WorkItemStatus>().notNull(),
    lockedByRobotId: text('locked_by_robot_id'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    /** A failed item is offered again from this time. */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    output: jsonb('output'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('work_items_topic_idx').on(t.topic, t.status),
    uniqueIndex('work_items_step_uq').on(t.caseStepId),
  ],
);

/** A robot credential: named, scoped to topics, revocable; only the secret's hash is kept. */
export const robots = pgTable('robots', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  topics: text('topics').array().notNull(),
  secretHash: text('secret_hash').notNull(),
  createdByUserId: text('created_by_user_id')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
});

/**
 * The watch list ("obsliste"): a person, a unit or a case that must never be handled automatically,
 * with the reason and until when.
 */
export const watchList = pgTable(
  'watch_list',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').references(() => persons.id),
    unitId: text('unit_id').references(() => orgUnits.id),
    caseId: text('case_id').references(() => cases.id),
    reason: text('reason').notNull(),
    /** The last day the mark holds; null: until removed. */
    until: date('until'),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByUserId: text('ended_by_user_id').references(() => users.id),
  },
  (t) => [
    index('watch_list_person_idx').on(t.personId),
    index('watch_list_unit_idx').on(t.unitId),
    index('watch_list_case_idx').on(t.caseId),
  ],
);

/**
 * Decision tables as the configurator saved them: one row per revision of a table (a DMN 1.3
 * document whose decisions are the table's versions by effective date). The newest revision is in
 * force; the files in catalog/decisions are revision 1.
 */
export const decisionTables = pgTable(
  'decision_tables',
  {
    id: text('id').notNull(),
    revision: integer('revision').notNull(),
    xml: text('xml').notNull(),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.revision] })],
);

/** Every decision a table made for a case: which table, revision and version, the inputs, outputs and rules that fired. */
export const caseDecisions = pgTable(
  'case_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    caseStepId: bigint('case_step_id', { mode: 'number' }).references(() => caseSteps.id),
    tableId: text('table_id').notNull(),
    revision: integer('revision').notNull(),
    /** The `<decision>` (version) that applied, by its effective dates. */
    decisionId: text('decision_id').notNull(),
    inputs: jsonb('inputs').notNull(),
    outputs: jsonb('outputs').notNull(),
    /** The rules that fired, by id and position. */
    rules: jsonb('rules').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_decisions_case_idx').on(t.caseId)],
);

/** A programme of projects whose benefits are planned and followed up together. */
export const programmes = pgTable('programmes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  ownerUserId: text('owner_user_id')
    .notNull()
    .references(() => users.id),
  status: text('status').$type<(typeof PROGRAMME_STATUSES)[number]>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id),
    /** The "gevinstansvarlig": answers for harvesting the benefits and records what was realised. */
    benefitOwnerUserId: text('benefit_owner_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<(typeof PROJECT_STATUSES)[number]>().notNull(),
    riskLevel: text('risk_level').$type<(typeof RISK_LEVELS)[number]>().notNull(),
    riskDescription: text('risk_description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_programme_idx').on(t.programmeId)],
);

/** A project's business case as written (amounts in 1,000 DKK); its rows are computed, never stored. */
export const businessCases = pgTable('business_cases', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id),
  data: jsonb('data').notNull(),
  version: integer('version').notNull().default(1),
  updatedByUserId: text('updated_by_user_id')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A project's benefit tree: technology → changes → benefits → goals, and the links between them. */
export const benefitTrees = pgTable('benefit_trees', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id),
  nodes: jsonb('nodes').notNull(),
  links: jsonb('links').notNull(),
  version: integer('version').notNull().default(1),
  updatedByUserId: text('updated_by_user_id')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A key performance indicator with SMART fields; values in hundredths of its unit. */
export const kpis = pgTable(
  'kpis',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    unit: text('unit').$type<(typeof KPI_UNITS)[number]>().notNull(),
    direction: text('direction').$type<'increase' | 'decrease'>().notNull(),
    baselineCenti: bigint('baseline_centi', { mode: 'number' }).notNull(),
    baselineDate: date('baseline_date').notNull(),
    targetPessimisticCenti: bigint('target_pessimistic_centi', { mode: 'number' }),
    targetLikelyCenti: bigint('target_likely_centi', { mode: 'number' }).notNull(),
    targetOptimisticCenti: bigint('target_optimistic_centi', { mode: 'number' }),
    deadline: date('deadline').notNull(),
    howAchieved: text('how_achieved').notNull(),
    howMeasured: text('how_measured').notNull(),
    followUpBy: text('follow_up_by').notNull(),
    followUpWhen: text('follow_up_when').notNull(),
    /** 'manual' (entered measurements) or the name of a metric measured from the platform's cases. */
    source: text('source').$type<KpiSource>().notNull(),
    serviceId: text('service_id'),
    administrationId: text('administration_id').references(() => orgUnits.id),
    params: jsonb('params').notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpis_project_idx').on(t.projectId)],
);

export const kpiMeasurements = pgTable(
  'kpi_measurements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id),
    measuredOn: date('measured_on').notNull(),
    valueCenti: bigint('value_centi', { mode: 'number' }).notNull(),
    /** 'before' (førmåling), 'after' (eftermåling) or 'actual'. */
    kind: text('kind').$type<(typeof MEASUREMENT_KINDS)[number]>().notNull(),
    note: text('note').notNull().default(''),
    recordedByUserId: text('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpi_measurements_kpi_idx').on(t.kpiId, t.measuredOn)],
);

/** What a project's benefit owner reports as realised in a year, in kroner, against the business case. */
export const benefitRealisations = pgTable(
  'benefit_realisations',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    realisedKroner: bigint('realised_kroner', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    recordedByUserId: text('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);

/**
 * The first answer to a create sent with an Idempotency-Key, written in the same transaction as
 * what it created, so a client that retries after a lost answer gets that answer, not a second row.
 * No index on created_at: the table holds a day of keys, and every create pays for each index.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    /** Method and route pattern, and a hash of the request, so a key reused for another request is refused. */
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * A legal hold ("retsligt tilbageholdt") on a case or on everything about a person: while it is not
 * released, the retention job leaves what it covers alone.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: text('id').primaryKey(),
    /** No foreign key: a released hold stays as history after its case is gone. */
    caseId: text('case_id'),
    personId: text('person_id').references(() => persons.id),
    reason: text('reason').notNull(),
    setByUserId: text('set_by_user_id')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedByUserId: text('released_by_user_id').references(() => users.id),
  },
  (t) => [index('legal_holds_case_idx').on(t.caseId), index('legal_holds_person_idx').on(t.personId)],
);

/**
 * One call to a municipal system (payroll, ESDH, CPR, Digital Post, identity management, mail), as
 * the connector saw it: which operation, for which case and job, how it ended and how long it took.
 * The operations page reads each connector's last success and last error from here. Never holds
 * what was sent or answered: the error text is the system's own words without personal data.
 */
export const connectorCalls = pgTable(
  'connector_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    connector: text('connector').$type<ConnectorName>().notNull(),
    operation: text('operation').notNull(),
    /** The key the call carried, so a retry can be told from a new call. */
    callKey: text('call_key'),
    caseId: text('case_id'),
    jobId: bigint('job_id', { mode: 'number' }),
    outcome: text('outcome').$type<ConnectorCallOutcome>().notNull(),
    errorCode: text('error_code'),
    errorText: text('error_text'),
    durationMs: integer('duration_ms').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('connector_calls_recent_idx').on(t.connector, t.at)],
);

/**
 * A read a person asked for (a CPR lookup for a form, her payslips, a personnel file's documents):
 * the web request writes it with a job and answers at once; the job calls the system and writes the
 * result here; the person's browser asks for it until it is done. Only the person who asked may read
 * it, and housekeeping deletes it after a few minutes, since it holds personal data.
 */
export const connectorLookups = pgTable(
  'connector_lookups',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    operation: text('operation').notNull(),
    input: jsonb('input').notNull(),
    status: text('status').$type<LookupStatus>().notNull().default('pending'),
    result: jsonb('result'),
    /** Danish and English text of why it failed. */
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('connector_lookups_created_idx').on(t.createdAt)],
);
