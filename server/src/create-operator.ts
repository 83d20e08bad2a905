import { ConfigError, loadConfig } from './config/config.js';
import { CREATE_OPERATOR_USAGE, runCreateOperator } from './cli/create-operator.js';
import { seedOnStart } from './db/seed/on-start.js';
import { openDatabase, type Database } from './platform/db.js';

// Process entry of `npm run create-operator`: the first operator staff account of a portal whose
// database holds no demo (production), or any further one. Nothing else.

/** Reads a line from the terminal without showing it. */
const askHidden = (question: string) =>
  new Promise<string>((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          return resolve(typed);
        }
        if (ch === '\u0003') {
          finish();
          return reject(new Error('cancelled'));
        }
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    process.stdout.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });

const readPassword = async () => {
  if (process.stdin.isTTY) {
    const first = await askHidden('Password (at least 12 characters): ');
    if ((await askHidden('Repeat the password: ')) !== first) throw new Error('The two passwords differ: nothing was created.');
    return first;
  }
  let piped = '';
  for await (const chunk of process.stdin) piped += String(chunk);
  return piped.split(/\r?\n/, 1)[0] ?? '';
};

const main = async () => {
  const config = loadConfig();
  let database: Database | undefined;
  try {
    return await runCreateOperator(process.argv.slice(2), {
      readPassword,
      database: async () => {
        database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: config.dataDir });
        // the same first-run seed as a start, so that the portal later finds the database as it left it
        await seedOnStart(database, { demo: config.seedDemo });
        return database;
      },
      print: (line) => console.log(line),
      loginUrl: `${config.publicUrl ?? `http://localhost:${config.port}`}/login`,
    });
  } finally {
    await database?.close();
  }
};

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\n\n${CREATE_OPERATOR_USAGE}`);
      process.exit(2);
    }
    console.error((err as Error).message === 'cancelled' ? 'Cancelled: nothing was created.' : (err as Error).message);
    process.exit(1);
  },
);
