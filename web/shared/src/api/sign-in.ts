import type { ApiClient } from './client.js';
import { ensureOk } from './errors.js';

/**
 * Signs in with email and password (the session cookie is set by the answer);
 * returns where the server says this user belongs: a consumer's dashboard, the
 * Admin Portal or the console's home. Both web apps sign in through here.
 */
export async function signIn(api: ApiClient, email: string, password: string): Promise<string> {
  const { data, error, response } = await api.POST('/auth/password/login', { body: { email, password } });
  ensureOk(response, error);
  const meta = data?.Meta as { redirect_to?: unknown } | null | undefined;
  return typeof meta?.redirect_to === 'string' ? meta.redirect_to : '/';
}

export interface SsoAudienceOptions {
  /** Password sign-in is switched off for this audience. */
  SSOOnly: boolean;
  Providers: { ID: string; ProviderName: string; LoginURL: string }[];
}

/** What a sign-in page offers: each audience's single sign-on providers, and whether passwords are off. */
export async function ssoSignInOptions(api: ApiClient): Promise<{ staff: SsoAudienceOptions; consumers: SsoAudienceOptions }> {
  const { data, error, response } = await api.GET('/auth/sso/options');
  ensureOk(response, error);
  return data!;
}
