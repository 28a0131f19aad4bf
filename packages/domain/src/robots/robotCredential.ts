import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A robot's credential is `<robot id>.<secret>`: the id finds the row, the secret (32 random bytes,
 * 256 bits) proves it. Only the secret's SHA-256 is stored. A slow password hash (bcrypt, scrypt)
 * protects low-entropy secrets people choose against guessing after a leak; a 256-bit random
 * secret cannot be guessed either way, so one SHA-256 is as safe here and costs microseconds on a
 * request path robots call many times a second, where bcrypt would cost ~100 ms of CPU each.
 */
export interface RobotCredential {
  robotId: string;
  secret: string;
}

export const newRobotSecret = (): string => randomBytes(32).toString('base64url');

export const hashRobotSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const robotToken = (credential: RobotCredential): string =>
  `${credential.robotId}.${credential.secret}`;

/** Reads `Bearer <robot id>.<secret>`; anything else is null. */
export function parseRobotAuthorization(header: string | undefined): RobotCredential | null {
  const match = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(header?.trim() ?? '');
  return match ? { robotId: match[1]!, secret: match[2]! } : null;
}

/** Compares a secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashRobotSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
