import type { TMe } from '@indgang/schemas';
import type { MessageKey } from '../i18n/messages';
import { can } from '../session/SessionProvider';

export interface MenuLink {
  to: string;
  label: MessageKey;
}

/**
 * The main menu: only what the user may do. Ordering a service is offered to those who may submit
 * (never a read-only role such as the auditor) and, in the service centre, to its leaders; "Mine
 * sager" to those who can have cases (a person, a leader or a deputy); "Mine papirer" to a person,
 * and her staff's personnel files to a leader or a deputy.
 */
export function menuLinks(me: TMe): MenuLink[] {
  const leads = me.ledUnitIds.length + me.delegatedUnitIds.length > 0;
  const submits = !me.readOnly && (!!me.personId || leads);
  const links: Array<[string, MessageKey, boolean]> = [
    ['/', 'nav.home', true],
    ['/services', 'nav.services', submits && (!can(me, 'cases.handle') || leads)],
    ['/sager', 'nav.cases', !!me.personId || leads],
    ['/papirer', 'nav.papers', !!me.personId],
    ['/personalesager', 'nav.staffFiles', leads],
    ['/sagsbehandling', 'nav.queue', can(me, 'cases.handle')],
    ['/tavle', 'nav.board', can(me, 'insights.team')],
    ['/profil', 'nav.profile', true],
    ['/organisation', 'nav.org', can(me, 'org.read')],
    ['/revision', 'nav.audit', can(me, 'audit.read')],
    ['/import', 'nav.import', can(me, 'org.import')],
    ['/katalog', 'nav.catalogAdmin', can(me, 'catalog.manage')],
    ['/automatisering', 'nav.automation', can(me, 'benefits.read') || can(me, 'catalog.manage')],
    ['/processer', 'nav.processes', can(me, 'catalog.manage') || can(me, 'audit.read')],
    ['/beslutningstabeller', 'nav.decisionTables', can(me, 'catalog.manage') || can(me, 'audit.read')],
    ['/gevinster', 'nav.benefits', can(me, 'benefits.read') || can(me, 'benefits.manage')],
    ['/databeskyttelse', 'nav.privacy', can(me, 'privacy.manage')],
    ['/drift', 'nav.operations', can(me, 'jobs.manage')],
    ['/robotter', 'nav.robots', can(me, 'robots.read')],
  ];
  return links.filter(([, , show]) => show).map(([to, label]) => ({ to, label }));
}

/** Whether `pathname` is the page of `to` or one below it (the home page only itself). */
export const isWithin = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
