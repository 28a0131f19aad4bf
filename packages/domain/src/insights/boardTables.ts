import type { TTeamBoard, TText } from '@indgang/schemas';
import { BOARD_TABLES, textOf } from '@indgang/schemas';

type Lang = 'da' | 'en';
type Cell = string | number | null;

/** One of the board's tables as people read it: a title, named columns and rows of plain values. */
export interface BoardTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** The status words of the back office (the web app's `workStatus.*`), so a download reads as the page does. */
const STATUS: Record<string, TText> = {
  submitted: { da: 'Ny', en: 'New' },
  in_progress: { da: 'Under behandling', en: 'In progress' },
  awaiting_submitter: { da: 'Afventer indsender', en: 'Awaiting submitter' },
  awaiting_approval: { da: 'Afventer leders godkendelse', en: "Awaiting leader's approval" },
  automated: { da: 'Automatisk behandling', en: 'Automated handling' },
  resolved: { da: 'Løst', en: 'Resolved' },
};

const text = (value: TText | null | undefined, lang: Lang, fallback = '') =>
  value ? textOf(value, lang) : fallback;

/**
 * The board's tables for export (CSV and Excel), with the headings the page shows: the backlog by
 * service and step, the oldest waiting cases, returns by reason and, for the team lead, each
 * caseworker's output. Names, never ids; dates as ISO days, which both Excel and people read.
 */
export function boardTable(board: TTeamBoard, table: (typeof BOARD_TABLES)[number], lang: Lang): BoardTable {
  const t = (da: string, en: string) => (lang === 'da' ? da : en);
  switch (table) {
    case 'backlog':
      return {
        title: t(`Beholdning – ${board.teamName}`, `Backlog – ${board.teamName}`),
        columns: [
          t('Service', 'Service'),
          t('Trin', 'Step'),
          t('Status', 'Status'),
          t('Sager', 'Cases'),
          t('Over frist', 'Overdue'),
        ],
        rows: board.backlog.map((b) => [
          text(b.serviceName, lang, b.serviceId),
          text(b.stepName, lang, t('Ingen proces', 'No process')),
          text(STATUS[b.status], lang, b.status),
          b.cases,
          b.overdue,
        ]),
      };
    case 'oldest':
      return {
        title: t(`Ældste ventende sager – ${board.teamName}`, `Oldest waiting cases – ${board.teamName}`),
        columns: [
          t('Sag', 'Case'),
          t('Service', 'Service'),
          t('Enhed', 'Unit'),
          t('Status', 'Status'),
          t('Modtaget', 'Received'),
          t('Frist', 'Due'),
          t('Sagsbehandler', 'Caseworker'),
        ],
        rows: board.oldest.map((o) => [
          o.number,
          text(o.serviceName, lang),
          o.unitName,
          text(STATUS[o.status], lang, o.status),
          o.submittedAt.slice(0, 10),
          o.dueDate,
          o.assignee ?? '',
        ]),
      };
    case 'returns':
      return {
        title: t(
          `Tilbageløb efter årsag, ${board.windowDays} dage – ${board.teamName}`,
          `Returns by reason, ${board.windowDays} days – ${board.teamName}`,
        ),
        columns: [t('Årsag', 'Reason'), t('Tilbageløb', 'Returns')],
        rows: board.returns.map((r) => [text(r.label, lang), r.returns]),
      };
    case 'caseworkers':
      return {
        title: t(
          `Sagsbehandlernes produktion – ${board.teamName}`,
          `Caseworkers' output – ${board.teamName}`,
        ),
        columns: [
          t('Sagsbehandler', 'Caseworker'),
          t('Åbne sager', 'Open cases'),
          t('Løst i dag', 'Resolved today'),
          t(`Løst, ${board.windowDays} dage`, `Resolved, ${board.windowDays} days`),
          t(`Tilbageløb, ${board.windowDays} dage`, `Returns, ${board.windowDays} days`),
        ],
        rows: (board.caseworkers ?? []).map((w) => [
          w.name,
          w.open,
          w.resolvedToday,
          w.resolvedInWindow,
          w.returnsInWindow,
        ]),
      };
  }
}
