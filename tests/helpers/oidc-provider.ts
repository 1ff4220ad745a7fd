import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdentity {
  email: string;
  email_verified: boolean;
  name?: string;
  organization?: string;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a free port. Its built-in development
 * login form takes any login name: the identity with that name (from `identities`) signs in.
 * `listen` first, so the issuer URL is known before the app server starts; `configure` once
 * the app's callback URL is known.
 */
export class TestOidcProvider {
  readonly clientId = 'stadskamer';
  readonly clientSecret = 'een-geheim-van-de-stad-dat-lang-genoeg-is';
  private provider: Provider | null = null;

  private constructor(private readonly server: http.Server) {}

  static async listen(): Promise<TestOidcProvider> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const p = new TestOidcProvider(server);
    server.on('request', (req, res) => {
      if (!p.provider) {
        res.writeHead(503).end();
        return;
      }
      void p.provider.callback()(req, res);
    });
    return p;
  }

  get issuer(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  configure(redirectUri: string, identities: Record<string, TestIdentity>): void {
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'organization'] },
      findAccount: (_ctx, id) => {
        const identity = identities[id];
        if (!identity) return undefined;
        return { accountId: id, claims: () => ({ sub: id, ...identity }) };
      },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['stadskamer-test-cookie-key'] },
      // The test's clock and the provider's agree: tokens are not refused as issued in the future.
      clockTolerance: 5,
    });
    this.provider.proxy = false;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
