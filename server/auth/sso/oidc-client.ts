import type * as Oidc from 'openid-client';

/** Loaded at the first sign-in through SSO: most servers never use it. */
const openid = () => import('openid-client');

/** The provider's answer, reduced to what an account needs. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string | null;
  organization: string | null;
}

export class SsoError extends Error {
  constructor(
    readonly code: 'sso_unavailable' | 'sso_failed' | 'sso_email_unverified',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The OpenID Connect relying party: discovery (once, retried after a failure), the
 * authorization URL with PKCE, state and nonce, and the code exchange that checks all three.
 * Plain http is accepted only for a provider on this machine (development and tests).
 */
export class OidcClient {
  private configuration: Promise<Oidc.Configuration> | null = null;

  constructor(private readonly settings: { issuer: string; clientId: string; clientSecret: string }) {}

  private discover(): Promise<Oidc.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      const client = await openid();
      try {
        return await client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          execute: loopback && issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
          timeout: 10,
        });
      } catch (err) {
        this.configuration = null;
        throw new SsoError('sso_unavailable', `The sign-in service does not answer: ${(err as Error).message}`);
      }
    })();
    return this.configuration;
  }

  async authorizationUrl(redirectUri: string, secrets: { state: string; nonce: string; verifier: string }): Promise<URL> {
    const config = await this.discover();
    const client = await openid();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(secrets.verifier),
      code_challenge_method: 'S256',
      state: secrets.state,
      nonce: secrets.nonce,
    });
  }

  /** Exchanges the code; throws SsoError unless state, nonce, PKCE and the ID token all check out. */
  async finish(callbackUrl: URL, secrets: { state: string; nonce: string; verifier: string }): Promise<VerifiedIdentity> {
    const config = await this.discover();
    const client = await openid();
    let claims: Record<string, unknown> & { iss: string; sub: string };
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: secrets.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Providers conforming to the spec put profile and e-mail claims in the UserInfo
      // answer rather than the ID token; it must be about the same subject.
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { ...idToken, ...userInfo, iss: idToken.iss, sub: idToken.sub };
    } catch (err) {
      throw new SsoError('sso_failed', `The sign-in service's answer was refused: ${(err as Error).message}`);
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims.email_verified !== true) {
      throw new SsoError('sso_email_unverified', 'The sign-in service did not confirm an e-mail address.');
    }
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
    const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email,
      name: text(claims.name) ?? (given || null),
      organization: text(claims.organization) ?? text(claims.org) ?? text(claims.organisation),
    };
  }
}
