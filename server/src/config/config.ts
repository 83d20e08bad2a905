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
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // How many proxies in front of the portal may set X-Forwarded-For; 0 trusts none (a client could fake it).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  loginRateLimitPerIpPerMinute: number;
  trustProxyHops: number;
  cookieSecure: boolean;
};

export class ConfigError extends Error {}

/** Reads and checks the environment once; a bad variable stops start-up with its name in the message. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  // Plain English for the operator reading the start-up log (the API's messages are translated elsewhere).
  const parsed = EnvSchema.safeParse(env, {
    error: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return `must be a ${issue.expected}`;
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
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerIpPerMinute: e.LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? e.NODE_ENV === 'production' : e.COOKIE_SECURE === 'true',
  };
};
