// The few parts of oidc-provider (a test-only package without its own types) that the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };
  type Configuration = {
    clients: Record<string, unknown>[];
    cookies?: { keys: string[] };
    claims?: Record<string, string[]>;
    pkce?: { required: () => boolean };
    features?: Record<string, unknown>;
    findAccount(ctx: unknown, sub: string): Promise<Account | undefined>;
  };
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    on(event: 'server_error', listener: (ctx: unknown, err: Error) => void): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
