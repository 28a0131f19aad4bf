import './home.css';
import { Link } from 'react-router';
import { ROLE_LABELS, type TCaseCounts } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { menuLinks } from '../components/menuLinks';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { useSession } from '../session/SessionProvider';

/** One count of what waits, linking to the list that shows those cases. */
type Count = [to: string, n: number, label: MessageKey];

/** Counts as DKFDS cards of a number and what it counts, each a link to the filtered list. */
function Counts({ heading, counts }: { heading: MessageKey; counts: Count[] }) {
  const { t } = useI18n();
  return (
    <section className="waiting-group" aria-labelledby={`waiting-${heading}`}>
      <h3 id={`waiting-${heading}`}>{t(heading)}</h3>
      <ul className="waiting-list">
        {counts.map(([to, n, label]) => (
          <li key={label} className={n > 0 ? 'waiting-some' : undefined}>
            <Link to={to}>
              <span className="waiting-count">{n}</span> <span>{t(label)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The landing page: what waits on the user, counted (her cases returned to her, received and in
 * progress; for a leader her units' cases waiting on their submitters; for a caseworker her team's
 * queue), each count linking to the filtered list; then who she is here and what she can reach —
 * only what the menu offers her.
 */
export function HomePage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const counts = useApi<TCaseCounts>(me ? '/api/v1/cases/counts' : null);
  if (!me) return null;
  const reachable = new Set(menuLinks(me).map((l) => l.to));
  const cards: Array<[string, MessageKey, MessageKey]> = [
    ['/services', 'nav.services', 'home.card.services'],
    ['/sager', 'nav.cases', 'home.card.cases'],
    ['/sagsbehandling', 'nav.queue', 'home.card.queue'],
    ['/profil', 'nav.profile', 'home.card.profile'],
    ['/organisation', 'nav.org', 'home.card.org'],
    ['/revision', 'nav.audit', 'home.card.audit'],
    ['/import', 'nav.import', 'home.card.import'],
    ['/gevinster', 'nav.benefits', 'home.card.benefits'],
  ];
  const names = (ids: string[]) => ids.map((id) => me.unitNames[id] ?? id).join(', ');
  const c = counts.data;
  const hasCases = reachable.has('/sager');
  return (
    <Page title={t('home.title', { name: me.displayName })}>
      {c && (hasCases || c.queue || c.approvals > 0) && (
        <>
          <h2>{t('home.waiting')}</h2>
          <div className="waiting">
            {(c.approvals > 0 || me.ledUnitIds.length + me.delegatedUnitIds.length > 0) && (
              <Counts
                heading="home.waiting.approvals"
                counts={[['/sager?view=approvals', c.approvals, 'home.count.approvals']]}
              />
            )}
            {hasCases && (
              <Counts
                heading="home.waiting.yours"
                counts={[
                  ['/sager?status=awaiting_submitter', c.returned, 'home.count.returned'],
                  ['/sager?status=submitted', c.submitted, 'home.count.submitted'],
                  ['/sager?status=in_progress', c.inProgress, 'home.count.inProgress'],
                ]}
              />
            )}
            {hasCases && c.unitsReturned !== null && (
              <Counts
                heading="home.waiting.units"
                counts={[
                  [
                    '/sager?view=units&status=awaiting_submitter',
                    c.unitsReturned,
                    'home.count.unitsReturned',
                  ],
                ]}
              />
            )}
            {c.queue && (
              <Counts
                heading="home.waiting.queue"
                counts={[
                  ['/sagsbehandling', c.queue.unassigned, 'home.count.unassigned'],
                  ['/sagsbehandling', c.queue.mine, 'home.count.mine'],
                  ['/sagsbehandling', c.queue.overdue, 'home.count.overdue'],
                ]}
              />
            )}
          </div>
        </>
      )}
      <h2>{t('home.roles')}</h2>
      <ul className="role-list">
        {me.roles.map((r) => (
          <li key={r}>{ROLE_LABELS[r] ? pick(ROLE_LABELS[r]) : r}</li>
        ))}
      </ul>
      <p>
        {me.orgWide
          ? t('home.scope.all')
          : me.ledUnitIds.length > 0
            ? t('home.scope.leader', { units: names(me.ledUnitIds) })
            : me.delegatedUnitIds.length > 0
              ? t('home.scope.deputy', { units: names(me.delegatedUnitIds) })
              : t('home.scope.self')}
      </p>
      <h2>{t('home.whatYouDo')}</h2>
      <ul className="card-list">
        {cards
          .filter(([to]) => reachable.has(to))
          .map(([to, title, text]) => (
            <li key={to} className="card">
              <div className="card-content">
                <h3 className="header-title">
                  <Link to={to}>{t(title)}</Link>
                </h3>
                <p>{t(text)}</p>
              </div>
            </li>
          ))}
      </ul>
    </Page>
  );
}
