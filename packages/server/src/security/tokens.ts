// Random tokens and their stored digests.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const digest = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newId = (): string => randomUUID();
/** A 6-digit SMS verification code. */
export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
/** A readable one-time password: letters and digits, no look-alikes. */
export function newOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 14 }, () => alphabet[randomInt(0, alphabet.length)]);
  return `${chars.join('')}7a`; // always has a digit and a letter
}
