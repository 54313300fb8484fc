import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Commonly leaked passwords (zxcvbn's list of ~50,000), compared case-insensitively. */
const LEAKED = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

/** Why a password is refused, in words a person can act on; null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
  const lowered = password.toLowerCase();
  if (LEAKED.has(lowered))
    return 'This password is on lists of commonly leaked passwords; choose another';
  if (new Set(password).size < 4) return 'Use more than three different characters';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= 4 && lowered.includes(local))
    return 'Do not build the password from your email address';
  return null;
}
