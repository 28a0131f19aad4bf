import type { TKpi } from '@indgang/schemas';
import type { MessageKey } from '../../i18n/messages';

/** Why a month measured from the cases does not count, in the reader's words ('' when it counts). */
export function notCountedText(
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  month: Pick<TKpi['series'][number], 'notCounted' | 'basis'>,
  usualBasis: number | null,
): string {
  switch (month.notCounted) {
    case null:
      return '';
    case 'unfinished':
      return t('kpi.notCounted.unfinished');
    case 'suppressed':
      return t('kpi.notCounted.suppressed');
    case 'fewCases':
      return t('kpi.notCounted.fewCases', { count: month.basis ?? 0, usual: Math.round(usualBasis ?? 0) });
  }
}
