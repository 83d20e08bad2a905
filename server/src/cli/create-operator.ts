import { parseArgs } from 'node:util';
import { translateFieldError } from '../http/problem.js';
import { InviteAdministratorSchema } from '../modules/companies/companies.schemas.js';
import { createOperatorStaff } from '../modules/companies/use-cases/operator-staff.js';
import { AppError, type FieldError } from '../platform/app-error.js';
import type { Database } from '../platform/db.js';
import { t } from '../platform/i18n.js';

export const CREATE_OPERATOR_USAGE = `Creates an operator staff account (back office, every company) that can sign in at once.

  npm run create-operator -- --email <address> --name "<full name>" [--language en|fr|nl]

The password is asked twice on the terminal (not shown), or read from the first line of standard
input when that is not a terminal, e.g.:

  printf '%s\\n' "$PASSWORD" | npm run create-operator -- --email desk@operator.example --name "Service desk"

It must be at least 12 characters. The database is the portal's (DATABASE_URL, or DATA_DIR).`;

export type CreateOperatorIo = {
  /** The password, typed or piped in; asked only once the arguments are right. */
  readPassword(): Promise<string>;
  /** The portal's database, migrated and seeded as at a start. */
  database(): Promise<Database>;
  print(line: string): void;
  /** Where the new account signs in. */
  loginUrl: string;
};

// The command speaks English, like the start-up log; the messages are the API's own.
const messagesOf = (errors: FieldError[]) => errors.map((e) => `  ${translateFieldError('en', e).message}`);

/** `npm run create-operator`: 0 when the account exists, 2 for wrong arguments, 1 when it was refused. */
export const runCreateOperator = async (argv: string[], io: CreateOperatorIo): Promise<number> => {
  let values: { email?: string; name?: string; language?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    io.print(`${(err as Error).message}\n\n${CREATE_OPERATOR_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.print(CREATE_OPERATOR_USAGE);
    return 0;
  }
  const parsed = InviteAdministratorSchema.safeParse({ email: values.email, fullName: values.name, language: values.language ?? 'en' });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i): FieldError => ({ field: i.path.join('.'), rule: i.message, ...('maximum' in i ? { params: { maximum: Number(i.maximum) } } : {}) }));
    io.print(['The account was not created:', ...messagesOf(errors), '', CREATE_OPERATOR_USAGE].join('\n'));
    return 2;
  }
  try {
    const password = await io.readPassword();
    const account = await createOperatorStaff((await io.database()).db, { ...parsed.data, password });
    io.print(`Operator staff account created for ${account.email}: sign in at ${io.loginUrl}.`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const lines = err.fieldErrors.length ? messagesOf(err.fieldErrors) : [`  ${t('en', `errors.${err.code}.detail`)}`];
    io.print(['The account was not created:', ...lines].join('\n'));
    return 1;
  }
};
