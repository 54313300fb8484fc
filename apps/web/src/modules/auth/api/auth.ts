import type { LoginBody, LoginResponse, RegisterBody, UserView } from '@kepai/contracts';
import { ApiError, csrfToken, getJson, postJson } from '../../../lib/http';

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<UserView | null> {
  // signing in sets the readable csrf cookie beside the session cookie, and signing out clears
  // both: without it nobody is signed in, and asking would only log a 401 in the console
  if (csrfToken() === null) return null;
  try {
    return await getJson<UserView>('/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginBody): Promise<LoginResponse> {
  return postJson<LoginResponse>('/auth/login', body);
}

export function register(body: RegisterBody): Promise<LoginResponse> {
  return postJson<LoginResponse>('/auth/register', body);
}

export function logout(): Promise<void> {
  return postJson<void>('/auth/logout');
}
