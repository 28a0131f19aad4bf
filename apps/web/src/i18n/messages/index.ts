import { interpolate, type Locale } from '../defineMessages';
import { audit } from './audit';
import { backoffice } from './backoffice';
import { benefits } from './benefits';
import { benefitTree } from './benefitTree';
import { businessCase } from './businessCase';
import { calculators } from './calculators';
import { catalog } from './catalog';
import { cases } from './cases';
import { caseWork } from './caseWork';
import { common } from './common';
import { insights } from './insights';
import { kpi } from './kpi';
import { operations } from './operations';
import { papers } from './papers';
import { org } from './org';
import { privacy } from './privacy';
import { process } from './process';
import { robots } from './robots';
import { processes } from './processes';
import { serviceForm } from './serviceForm';
import { shell } from './shell';

export type { Locale };

/** Every feature's catalogue; each key lives in exactly one of them (the i18n test checks it). */
export const CATALOGUES = {
  common,
  org,
  audit,
  catalog,
  cases,
  backoffice,
  caseWork,
  privacy,
  operations,
  process,
  robots,
  benefits,
  businessCase,
  kpi,
  benefitTree,
  calculators,
  shell,
  serviceForm,
  processes,
  papers,
  insights,
};

/** All interface texts by language, Danish the source of truth. */
export const MESSAGES = {
  da: {
    ...common.da,
    ...org.da,
    ...audit.da,
    ...catalog.da,
    ...cases.da,
    ...backoffice.da,
    ...caseWork.da,
    ...privacy.da,
    ...operations.da,
    ...process.da,
    ...robots.da,
    ...benefits.da,
    ...businessCase.da,
    ...kpi.da,
    ...benefitTree.da,
    ...calculators.da,
    ...shell.da,
    ...serviceForm.da,
    ...processes.da,
    ...papers.da,
    ...insights.da,
  },
  en: {
    ...common.en,
    ...org.en,
    ...audit.en,
    ...catalog.en,
    ...cases.en,
    ...backoffice.en,
    ...caseWork.en,
    ...privacy.en,
    ...operations.en,
    ...process.en,
    ...robots.en,
    ...benefits.en,
    ...businessCase.en,
    ...kpi.en,
    ...benefitTree.en,
    ...calculators.en,
    ...shell.en,
    ...serviceForm.en,
    ...processes.en,
    ...papers.en,
    ...insights.en,
  },
};

export type MessageKey = keyof typeof MESSAGES.da;

/** The text of `key` in `locale`, its `{name}` placeholders filled from `values`. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  return interpolate(MESSAGES[locale][key], values);
}

/**
 * A message in both languages, for the few places that build what the server would send (an
 * error body the error alert reads with `pick`).
 */
export function bothLanguages(key: MessageKey, values?: Record<string, string | number>) {
  return { da: translate('da', key, values), en: translate('en', key, values) };
}
