import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { persons, users, type Db } from '@indgang/db';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';

export interface OidcClaims {
  sub: string;
  email?: string;
  name?: string;
}

/**
 * Maps an identity provider's user to an Indgang user: by subject first, then by e-mail
 * against the organisation's people (a first login links the two). Nobody unknown gets in.
 */
export async function resolveOidcUser(deps: { db: Db }, issuer: string, claims: OidcClaims): Promise<string> {
  const subject = `${issuer}#${claims.sub}`;
  const [known] = await deps.db.select({ id: users.id }).from(users).where(eq(users.oidcSubject, subject));
  if (known) return known.id;
  const email = claims.email?.trim().toLowerCase();
  const refused = new DomainError('forbidden', 'oidc_unknown_user', {
    da: 'Du er logget ind hos kommunens login, men er ikke kendt i Indgang. Kontakt Koncernservice.',
    en: "You signed in with the municipality's login but are not known to Indgang. Contact the service centre.",
  });
  if (!email) throw refused;
  return deps.db.transaction(async (tx) => {
    const [byEmail] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (byEmail) {
      if (byEmail.oidcSubject) throw refused;
      await tx.update(users).set({ oidcSubject: subject }).where(eq(users.id, byEmail.id));
      await appendAudit(tx, {
        actorUserId: byEmail.id,
        action: 'user.link_oidc',
        entityType: 'user',
        entityId: byEmail.id,
        details: { issuer },
      });
      return byEmail.id;
    }
    const [person] = await tx
      .select()
      .from(persons)
      .where(sql`lower(${persons.email}) = ${email}`);
    if (!person) throw refused;
    const id = randomUUID();
    await tx.insert(users).values({
      id,
      personId: person.id,
      displayName: claims.name ?? `${person.firstName} ${person.lastName}`,
      email,
      oidcSubject: subject,
    });
    await appendAudit(tx, {
      actorUserId: id,
      action: 'user.create_from_oidc',
      entityType: 'user',
      entityId: id,
      subjectPersonId: person.id,
      details: { issuer },
    });
    return id;
  });
}
