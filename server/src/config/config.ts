import path from 'node:path';
import { z } from 'zod';

// Every environment variable the portal reads, in one place. README.md lists the same set.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The demo's accounts share a public password: in production only when asked for by name.
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // How long an instance may answer from its memory of a session it checked: revocations reach every
  // instance at once through the database (LISTEN/NOTIFY); this bounds what a lost notification could
  // cost. 0 looks every session up in the database on every request.
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // Requests per minute one API client may make to the public API (/tmf-api); more get 429 and Retry-After.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // How many proxies in front of the portal may set X-Forwarded-For; 0 trusts none (a client could fake it).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto'),
  // The address people reach the portal at; links in e-mails (activation links) start with it.
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, 'must start with http:// or https://')
    .optional(),
  ACTIVATION_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  // Without it, e-mail stays in the outbox (see DEV_MAILBOX).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]/, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(.*<)?[^\s<>@]+@[^\s<>@]+>?$/, 'must be an e-mail address, optionally with a name: "Name" <address@domain>')
    .default('"MyDstny" <no-reply@fleetdesk.example>'),
  DEV_MAILBOX: z.enum(['true', 'false']).optional(),
  // The simulated operator network (modules/network): 1 runs in real time, 0 answers at once; the
  // demo's 0.0005 turns the hour a SIM activation takes into under two seconds.
  NETWORK_SIMULATOR_TIME_SCALE: z.coerce.number().min(0).default(0.0005),
  // Injected faults, for tests: shares of calls answered "unavailable" and timing out.
  NETWORK_SIMULATOR_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  NETWORK_SIMULATOR_TIMEOUT_RATE: z.coerce.number().min(0).max(1).default(0),
  // Replays the simulator's delays and faults; without it each start draws a new seed (and logs it).
  NETWORK_SIMULATOR_SEED: z.coerce.number().int().min(0).max(2 ** 32 - 1).optional(),
  // Seals the two-factor (TOTP) secrets at rest: 32 random bytes, base64 (`openssl rand -base64 32`).
  TWO_FACTOR_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
}).superRefine((e, ctx) => {
  const [error, timeout] = [e.NETWORK_SIMULATOR_ERROR_RATE, e.NETWORK_SIMULATOR_TIMEOUT_RATE];
  // each out of range is reported on its own already
  if (error <= 1 && timeout <= 1 && error + timeout > 1) {
    ctx.addIssue({ code: 'custom', path: ['NETWORK_SIMULATOR_TIMEOUT_RATE'], message: 'must be at most 1 minus NETWORK_SIMULATOR_ERROR_RATE' });
  }
});

export type Config = {
  port: number;
  host: string;
  /** Without a trailing slash, e.g. https://portal.example.com; null: the address the portal listens on. */
  publicUrl: string | null;
  activationLinkTtlDays: number;
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  sessionCacheSeconds: number;
  loginRateLimitPerMinute: number;
  loginRateLimitPerIpPerMinute: number;
  apiRateLimitPerMinute: number;
  trustProxyHops: number;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The development mailbox (/dev/mailbox and /api/dev/mailbox): every queued e-mail, no sign-in. */
  devMailbox: boolean;
  networkSimulator: { timeScale: number; errorRate: number; timeoutRate: number; seed: number | undefined };
  /** AES-256 key sealing the TOTP secrets (TWO_FACTOR_KEY); null: stored unsealed. */
  twoFactorKey: Buffer | null;
  /** Operator staff must sign in with a second factor (in production). */
  operatorTwoFactorRequired: boolean;
};

export class ConfigError extends Error {}

/** Reads and checks the environment once; a bad variable stops start-up with its name in the message. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  // Plain English for the operator reading the start-up log (the API's messages are translated elsewhere).
  const parsed = EnvSchema.safeParse(env, {
    error: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
        case 'invalid_value':
          return `must be one of ${issue.values.map(String).join(', ')}`;
        case 'too_small':
          return `must be at least ${String(issue.minimum)}`;
        case 'too_big':
          return `must be at most ${String(issue.maximum)}`;
        default:
          return undefined;
      }
    },
  });
  if (!parsed.success) {
    // URLs may carry a password: name the variable, not its value
    const shown = (name: string) => (name.endsWith('_URL') || name.endsWith('_KEY') ? 'a value not shown' : JSON.stringify(env[name]));
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${shown(String(i.path[0]))})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    activationLinkTtlDays: e.ACTIVATION_LINK_TTL_DAYS,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.NODE_ENV !== 'production',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerIpPerMinute: e.LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? e.NODE_ENV === 'production' : e.COOKIE_SECURE === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMailbox: e.DEV_MAILBOX ? e.DEV_MAILBOX === 'true' : !e.SMTP_URL && e.NODE_ENV !== 'production',
    networkSimulator: {
      timeScale: e.NETWORK_SIMULATOR_TIME_SCALE,
      errorRate: e.NETWORK_SIMULATOR_ERROR_RATE,
      timeoutRate: e.NETWORK_SIMULATOR_TIMEOUT_RATE,
      seed: e.NETWORK_SIMULATOR_SEED,
    },
    twoFactorKey: e.TWO_FACTOR_KEY ? Buffer.from(e.TWO_FACTOR_KEY, 'base64') : null,
    operatorTwoFactorRequired: e.NODE_ENV === 'production',
  };
};
