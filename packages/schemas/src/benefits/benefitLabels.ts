/** Danish and English words for the codes of programmes, projects, KPIs and benefit trees, for screens and PDFs alike. */
import type { TreeLayer, TreeNode } from './checkBenefitTree';

type LocalText = { da: string; en: string };

export const PROJECT_STATUS: Record<string, LocalText> = {
  idea: { da: 'Idé', en: 'Idea' },
  planned: { da: 'Planlagt', en: 'Planned' },
  active: { da: 'I gang', en: 'Active' },
  paused: { da: 'Sat på pause', en: 'Paused' },
  completed: { da: 'Afsluttet', en: 'Completed' },
  stopped: { da: 'Stoppet', en: 'Stopped' },
};
export const RISK_LEVEL: Record<string, LocalText> = {
  high: { da: 'Høj', en: 'High' },
  medium: { da: 'Middel', en: 'Medium' },
  low: { da: 'Lav', en: 'Low' },
};
export const KPI_UNIT: Record<string, LocalText> = {
  percent: { da: '%', en: '%' },
  days: { da: 'dage', en: 'days' },
  count: { da: 'sager', en: 'cases' },
  kroner: { da: 'kr.', en: 'DKK' },
  minutes: { da: 'min.', en: 'min' },
  per100: { da: 'pr. 100 sager', en: 'per 100 cases' },
};
export const KPI_SOURCE: Record<string, LocalText> = {
  manual: { da: 'Indtastes (før-/eftermålinger)', en: 'Entered by hand (before/after measurements)' },
  cases_submitted: { da: 'Automatisk: antal indsendte sager', en: 'Automatic: cases submitted' },
  lead_time_days: { da: 'Automatisk: gennemløbstid', en: 'Automatic: lead time' },
  returns_per_100: { da: 'Automatisk: tilbageløb pr. 100 sager', en: 'Automatic: returns per 100 cases' },
  self_service_share: {
    da: 'Automatisk: andel indberettet af brugerne selv',
    en: 'Automatic: self-service share',
  },
  automated_share: { da: 'Automatisk: andel løst automatisk', en: 'Automatic: share resolved by automation' },
  automation_value_kr: {
    da: 'Automatisk: sparede minutter værdisat i kr.',
    en: 'Automatic: minutes saved valued in DKK',
  },
  automation_minutes_saved: {
    da: 'Automatisk: minutter sparet ved automatisering (indsatsnormer)',
    en: 'Automatic: minutes saved by automation (effort norms)',
  },
};

export const TREE_LAYER_LABEL: Record<TreeLayer, LocalText> = {
  technology: { da: 'Teknologi', en: 'Technology' },
  change: { da: 'Forandringer', en: 'Changes' },
  benefit: { da: 'Gevinster', en: 'Benefits' },
  goal: { da: 'Mål og vision', en: 'Goals and vision' },
};

const TREE_FILL = {
  technology: '#eeeeee',
  change: '#fbf0d4',
  economic: '#d8ecd9',
  quality: '#dce8f7',
  goal: '#ece2f5',
};

/** A tree box's fill: by layer, and for benefits by kind (economic green, service/quality blue). */
export function treeNodeFill(node: Pick<TreeNode, 'layer' | 'benefitKind'>): string {
  return node.layer === 'benefit' ? TREE_FILL[node.benefitKind ?? 'economic'] : TREE_FILL[node.layer];
}
