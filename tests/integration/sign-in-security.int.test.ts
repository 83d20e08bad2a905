import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock } from '../../server/src/platform/clock.js';
import { Client, createTestPortal, DEMO_PASSWORD, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// Forgot password, two-factor sign-in (TOTP) and one's own sessions, through the HTTP API. The
// portal's clock is moved by hand: the reset link's hour and the app's 30-second codes are tested
// without waiting. Codes are made with the same library an authenticator app's maths follows.

const NEW_PASSWORD = 'a long new pass phrase 42';
const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });

describe(`signing in: forgot password, two-factor, own sessions (${process.env.TEST_DB})`, () => {
  const clock = movableClock();
  let portal: TestPortal;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  let acmeId: string;
  let brightId: string;

  /** A new active account with the demo password (an administrator of a company, or operator staff). */
  const addAccount = async (email: string, companyId: string | null, language = 'en') => {
    await q(
      `insert into accounts (email, password_hash, full_name, role, company_role, company_id, language)
       select $1, password_hash, $2, $3, $4, $5, $6 from accounts where email = 'admin@acme.example'`,
      [email, `Test ${email.split('@')[0]}`, companyId ? 'admin' : 'operator', companyId ? 'administrator' : null, companyId, language],
    );
  };
  const login = (email: string, password = DEMO_PASSWORD, userAgent?: string) => {
    const client = portal.anonymous();
    return client.request('POST', '/api/auth/login', { email, password }, userAgent ? { 'user-agent': userAgent } : {}).then((res) => ({ client, res }));
  };
  const resetJobsDone = () =>
    waitUntil('the reset requests to be handled', async () => {
      const rows = await q<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'auth.password-reset-request' and state <> 'completed'`);
      return rows[0]!.n === 0;
    });
  const resetMailsTo = (email: string) => q<{ text: string; subject: string; language: string }>(`select text, subject, language from outbox_messages where template = 'password_reset' and to_address = $1 order by created_at`, [email]);
  const tokenOf = (text: string) => /\/reset-password\/([A-Za-z0-9_-]{40,})/.exec(text)![1]!;

  /** Turns two-factor sign-in on for a signed-in client; its secret. */
  const enrol = async (client: Client) => {
    const started = await client.post('/api/auth/two-factor/enrolment');
    expect(started.status).toBe(200);
    const confirmed = await client.post('/api/auth/two-factor/enrolment/confirm', { code: codeAt(started.body.secret, clock.now()) });
    expect(confirmed.status).toBe(200);
    return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  };

  beforeAll(async () => {
    portal = await createTestPortal({}, { clock });
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    [{ id: acmeId }, { id: brightId }] = await q<{ id: string }>(`select id from companies where name in ('Acme Logistics', 'Brightwave Consulting') order by name`) as [{ id: string }, { id: string }];
  });
  afterAll(async () => portal?.close());

  describe('forgot password', () => {
    it('answers an address with an account and one without alike, and e-mails only the account, in its language', async () => {
      await addAccount('reset.me@acme.example', acmeId, 'nl');
      const known = await portal.anonymous().post('/api/auth/password-reset', { email: 'Reset.Me@acme.example' });
      const unknown = await portal.anonymous().post('/api/auth/password-reset', { email: 'nobody.here@acme.example' });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
      await resetJobsDone();
      expect(await resetMailsTo('nobody.here@acme.example')).toEqual([]);
      const [mail] = await resetMailsTo('reset.me@acme.example');
      expect(mail!.language).toBe('nl');
      expect(mail!.subject).toMatch(/wachtwoord/i);
      // at least 128 bits: 256 bits in base64url, and only its hash is stored
      const token = tokenOf(mail!.text);
      expect(token.length).toBeGreaterThanOrEqual(43);
      expect((await q(`select 1 from password_resets where token_hash = $1`, [token])).length).toBe(0);
    });

    it('sets the new password once, ends every session of the account, and the old password stops working', async () => {
      const signedIn = await portal.signIn('reset.me@acme.example');
      const elsewhere = await portal.signIn('reset.me@acme.example');
      const [mail] = await resetMailsTo('reset.me@acme.example');
      const token = tokenOf(mail!.text);
      const view = await portal.anonymous().get(`/api/auth/password-reset/${token}`);
      expect(view.body.email).toBe('reset.me@acme.example');
      const weak = await portal.anonymous().post(`/api/auth/password-reset/${token}/password`, { password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('password');
      const done = await portal.anonymous().post(`/api/auth/password-reset/${token}/password`, { password: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expect((await signedIn.get('/api/auth/me')).status).toBe(401);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      expect((await login('reset.me@acme.example')).res.status).toBe(401);
      expect((await login('reset.me@acme.example', NEW_PASSWORD)).res.status).toBe(200);
      const again = await portal.anonymous().post(`/api/auth/password-reset/${token}/password`, { password: 'another long pass phrase' });
      expect([again.status, again.body.code]).toEqual([410, 'PASSWORD_RESET.USED']);
      const [audit] = await q<{ action: string; company_id: string }>(`select action, company_id from audit_events where action = 'account.password_reset'`);
      expect(audit!.company_id).toBe(acmeId);
    });

    it('expires an hour after it was sent, and a newer link replaces the older', async () => {
      await portal.anonymous().post('/api/auth/password-reset', { email: 'reset.me@acme.example' });
      await resetJobsDone();
      await portal.anonymous().post('/api/auth/password-reset', { email: 'reset.me@acme.example' });
      await resetJobsDone();
      const mails = await resetMailsTo('reset.me@acme.example');
      const [older, newer] = mails.slice(-2).map((m) => tokenOf(m.text));
      expect((await portal.anonymous().get(`/api/auth/password-reset/${older}`)).body.code).toBe('PASSWORD_RESET.INVALID');
      expect((await portal.anonymous().get(`/api/auth/password-reset/${newer}`)).status).toBe(200);
      clock.advance(59 * 60_000);
      expect((await portal.anonymous().get(`/api/auth/password-reset/${newer}`)).status).toBe(200);
      clock.advance(2 * 60_000);
      const expired = await portal.anonymous().post(`/api/auth/password-reset/${newer}/password`, { password: 'yet another pass phrase' });
      expect([expired.status, expired.body.code]).toEqual([410, 'PASSWORD_RESET.EXPIRED']);
      expect((await login('reset.me@acme.example', NEW_PASSWORD)).res.status).toBe(200);
      clock.set(new Date());
    });

    it('refuses a link nobody was sent', async () => {
      const res = await portal.anonymous().get(`/api/auth/password-reset/${'x'.repeat(43)}`);
      expect([res.status, res.body.code]).toEqual([404, 'PASSWORD_RESET.INVALID']);
    });

    it('limits requests per address (known or not, the same), then per client address', async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await portal.anonymous().post('/api/auth/password-reset', { email: 'limited@acme.example' })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      expect((await portal.anonymous().post('/api/auth/password-reset', { email: 'other.limited@acme.example' })).status).toBe(202);
    });
  });

  describe('two-factor sign-in (TOTP)', () => {
    let secret: string;
    let recoveryCodes: string[];

    it('is set up with a QR code and a first code, and gives ten recovery codes once', async () => {
      await addAccount('totp@acme.example', acmeId);
      const client = await portal.signIn('totp@acme.example');
      expect((await client.get('/api/auth/two-factor')).body).toMatchObject({ enabled: false, required: false });
      const started = await client.post('/api/auth/two-factor/enrolment');
      expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      const wrong = await client.post('/api/auth/two-factor/enrolment/confirm', { code: '000000' === codeAt(started.body.secret, clock.now()) ? '111111' : '000000' });
      expect([wrong.status, wrong.body.code, wrong.body.errors[0].field]).toEqual([422, 'TWO_FACTOR.CODE_INVALID', 'code']);
      ({ secret, recoveryCodes } = await enrol(client));
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect((await client.get('/api/auth/two-factor')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
      // stored hashed
      const stored = await q<{ code_hash: string }>(`select code_hash from recovery_codes rc join accounts a on a.id = rc.account_id where a.email = 'totp@acme.example'`);
      expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
      // a second set-up is refused while one is on
      expect((await client.post('/api/auth/two-factor/enrolment')).body.code).toBe('TWO_FACTOR.ALREADY_ENABLED');
    });

    it('asks for the code after the password; until then nothing else of the API opens', async () => {
      const { client, res } = await login('totp@acme.example');
      expect(res.body).toEqual({ secondStep: 'code' });
      expect(client.cookies.get('fd_session')).toBeUndefined();
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await client.get('/api/mobile-users')).status).toBe(401);
      // the half-signed-in cookie is no session, whatever cookie name it is sent under
      const asSession = new Client(portal.app);
      asSession.cookies.set('fd_session', client.cookies.get('fd_second_step')!);
      expect((await asSession.get('/api/auth/me')).status).toBe(401);
      clock.advance(30_000);
      const done = await client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) });
      expect(done.status).toBe(200);
      expect(done.body.account.email).toBe('totp@acme.example');
      expect((await client.get('/api/mobile-users')).status).toBe(200);
    });

    it("accepts the previous and the next window's code, not older ones, and never the same code twice", async () => {
      clock.advance(60_000);
      const previous = codeAt(secret, new Date(clock.now().getTime() - 30_000));
      const first = await login('totp@acme.example');
      expect((await first.client.post('/api/auth/second-step/code', { code: previous })).status).toBe(200);
      // the same code again, inside its window: a replay
      const replay = await login('totp@acme.example');
      const refused = await replay.client.post('/api/auth/second-step/code', { code: previous });
      expect([refused.status, refused.body.code]).toEqual([422, 'TWO_FACTOR.CODE_INVALID']);
      clock.advance(90_000);
      const tooOld = codeAt(secret, new Date(clock.now().getTime() - 60_000));
      expect((await replay.client.post('/api/auth/second-step/code', { code: tooOld })).status).toBe(422);
      const next = codeAt(secret, new Date(clock.now().getTime() + 30_000));
      expect((await replay.client.post('/api/auth/second-step/code', { code: next })).status).toBe(200);
      // the current code is older than the one just used: refused too
      const later = await login('totp@acme.example');
      expect((await later.client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) })).status).toBe(422);
    });

    it('takes a recovery code once', async () => {
      const first = await login('totp@acme.example');
      const ok = await first.client.post('/api/auth/second-step/code', { recoveryCode: recoveryCodes[0]!.toUpperCase() });
      expect(ok.status).toBe(200);
      expect(first.client.cookies.get('fd_session')).toBeTruthy();
      const again = await login('totp@acme.example');
      const refused = await again.client.post('/api/auth/second-step/code', { recoveryCode: recoveryCodes[0] });
      expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'recoveryCode']);
      expect((await first.client.get('/api/auth/two-factor')).body.recoveryCodesLeft).toBe(9);
    });

    it('ends the second step after five wrong codes, and limits wrong codes per account across sign-ins', async () => {
      const { client } = await login('totp@acme.example');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.post('/api/auth/second-step/code', { code: '12345' + String(i) })).body.code);
      expect(statuses).toEqual([...Array(4).fill('TWO_FACTOR.CODE_INVALID'), 'AUTH.CHALLENGE_INVALID']);
      clock.advance(30_000);
      expect((await client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) })).body.code).toBe('AUTH.CHALLENGE_INVALID');
      const second = await login('totp@acme.example');
      for (let i = 0; i < 4; i++) await second.client.post('/api/auth/second-step/code', { code: '65432' + String(i) });
      const third = await login('totp@acme.example');
      await third.client.post('/api/auth/second-step/code', { code: '999999' });
      // ten wrong codes in a quarter of an hour: even the right code waits
      const blocked = await third.client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) });
      expect([blocked.status, blocked.body.code]).toEqual([429, 'AUTH.RATE_LIMITED']);
      clock.advance(16 * 60_000);
      const later = await login('totp@acme.example');
      expect((await later.client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) })).status).toBe(200);
    });

    it('makes ten new recovery codes with a current code or the password, shown once; the old ones stop working', async () => {
      const { client } = await login('totp@acme.example');
      clock.advance(30_000);
      expect((await client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) })).status).toBe(200);
      // proof needed: one of the two, and right
      expect((await client.post('/api/auth/two-factor/recovery-codes', {})).status).toBe(400);
      const wrongPassword = await client.post('/api/auth/two-factor/recovery-codes', { password: 'not it at all' });
      expect([wrongPassword.status, wrongPassword.body.errors[0].field]).toEqual([400, 'password']);
      const wrongCode = await client.post('/api/auth/two-factor/recovery-codes', { code: '000000' === codeAt(secret, clock.now()) ? '111111' : '000000' });
      expect([wrongCode.status, wrongCode.body.code]).toEqual([422, 'TWO_FACTOR.CODE_INVALID']);
      const byPassword = await client.post('/api/auth/two-factor/recovery-codes', { password: DEMO_PASSWORD });
      expect(byPassword.status).toBe(200);
      expect(byPassword.body.recoveryCodes).toHaveLength(10);
      clock.advance(30_000);
      const byCode = await client.post('/api/auth/two-factor/recovery-codes', { code: codeAt(secret, clock.now()) });
      expect(byCode.status).toBe(200);
      const fresh = byCode.body.recoveryCodes as string[];
      expect(fresh).toHaveLength(10);
      expect(fresh.filter((c) => byPassword.body.recoveryCodes.includes(c) || recoveryCodes.includes(c))).toEqual([]);
      expect((await client.get('/api/auth/two-factor')).body.recoveryCodesLeft).toBe(10);
      // an old code (never used) no longer opens anything; a new one does, once
      const old = await login('totp@acme.example');
      expect((await old.client.post('/api/auth/second-step/code', { recoveryCode: recoveryCodes[1] })).status).toBe(422);
      expect((await old.client.post('/api/auth/second-step/code', { recoveryCode: byPassword.body.recoveryCodes[0] })).status).toBe(422);
      expect((await old.client.post('/api/auth/second-step/code', { recoveryCode: fresh[0] })).status).toBe(200);
      expect((await q(`select 1 from audit_events where action = 'account.recovery_codes_regenerated'`)).length).toBe(2);
      // nothing to regenerate without a second factor
      const plain = await portal.signIn('admin@brightwave.example');
      expect((await plain.post('/api/auth/two-factor/recovery-codes', { password: DEMO_PASSWORD })).body.code).toBe('TWO_FACTOR.NOT_ENABLED');
    });

    it('is turned off with the password and a code, and then sign-in needs the password only', async () => {
      const { client } = await login('totp@acme.example');
      clock.advance(30_000);
      await client.post('/api/auth/second-step/code', { code: codeAt(secret, clock.now()) });
      clock.advance(30_000);
      const wrongPassword = await client.post('/api/auth/two-factor/disable', { password: 'not it at all', code: codeAt(secret, clock.now()) });
      expect([wrongPassword.status, wrongPassword.body.errors[0].field]).toEqual([400, 'password']);
      const off = await client.post('/api/auth/two-factor/disable', { password: DEMO_PASSWORD, code: codeAt(secret, clock.now()) });
      expect(off.status).toBe(204);
      expect((await login('totp@acme.example')).res.body.account.email).toBe('totp@acme.example');
      const actions = await q<{ action: string }>(`select action from audit_events where entity_type = 'account' and action like 'account.%' order by created_at`);
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['account.two_factor_enabled', 'account.recovery_code_used', 'account.two_factor_disabled']));
    });

    it('stores the secret marked unsealed without TWO_FACTOR_KEY (sealed with it: see production below)', async () => {
      const stored = await q<{ secret: string }>(`select secret from two_factor_secrets`);
      // this portal has no key: said so by the stored form
      for (const row of stored) expect(row.secret).toMatch(/^(plain|v1):/);
    });
  });

  describe("the company's requirement", () => {
    it('sends an administrator without a second factor to set one up before any session, then signs them in', async () => {
      // the owner decides for the company (issue 18's roles); the administrator is then asked for a second factor
      const owner = await portal.signIn('owner@brightwave.example');
      expect((await owner.get('/api/company/two-factor')).body).toEqual({ required: false, accountsWithout: 2 });
      const set = await owner.put('/api/company/two-factor', { required: true });
      expect(set.body.required).toBe(true);
      const { client, res } = await login('admin@brightwave.example');
      expect(res.body).toEqual({ secondStep: 'enrol' });
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await client.get('/api/company')).status).toBe(401);
      // a code step cannot be skipped by calling the other second step
      expect((await client.post('/api/auth/second-step/code', { code: '123456' })).body.code).toBe('AUTH.CHALLENGE_INVALID');
      const started = await client.post('/api/auth/second-step/enrolment');
      expect(started.status).toBe(200);
      clock.advance(30_000);
      const done = await client.post('/api/auth/second-step/enrolment/confirm', { code: codeAt(started.body.secret, clock.now()) });
      expect(done.status).toBe(200);
      expect(done.body.recoveryCodes).toHaveLength(10);
      expect(done.body.account.email).toBe('admin@brightwave.example');
      expect((await client.get('/api/company')).status).toBe(200);
      // required: it cannot be turned off
      clock.advance(30_000);
      const off = await client.post('/api/auth/two-factor/disable', { password: DEMO_PASSWORD, code: codeAt(started.body.secret, clock.now()) });
      expect([off.status, off.body.code]).toEqual([409, 'TWO_FACTOR.REQUIRED']);
      expect((await client.get('/api/auth/two-factor')).body).toMatchObject({ enabled: true, required: true });
      // another company is not concerned
      expect((await login('admin@acme.example')).res.body.account).toBeDefined();
      const audit = await q<{ company_id: string }>(`select company_id from audit_events where action = 'company.two_factor_requirement_changed'`);
      expect(audit.map((a) => a.company_id)).toEqual([brightId]);
    });

    it('is changed by the company’s owner only', async () => {
      const admin = await portal.signIn('admin@acme.example');
      expect((await admin.get('/api/company/two-factor')).status).toBe(200);
      expect((await admin.put('/api/company/two-factor', { required: true })).status).toBe(403);
      const operator = await portal.signIn('operator@dstny.example');
      expect((await operator.put('/api/company/two-factor', { required: true })).status).toBe(403);
      expect((await portal.anonymous().get('/api/company/two-factor')).status).toBe(401);
    });
  });

  describe('own sessions', () => {
    const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

    it('lists one’s sessions with device, address, sign-in and last seen; ends one, then every other', async () => {
      await addAccount('sessions@acme.example', acmeId);
      const laptop = (await login('sessions@acme.example', DEMO_PASSWORD, FIREFOX)).client;
      const phone = (await login('sessions@acme.example', DEMO_PASSWORD, SAFARI)).client;
      const tablet = (await login('sessions@acme.example')).client;
      const list = await laptop.get('/api/auth/sessions');
      expect(list.body.items).toHaveLength(3);
      const mine = list.body.items.find((s: { current: boolean }) => s.current);
      expect(mine.device).toEqual({ browser: 'Firefox', os: 'Windows' });
      expect(mine.ipAddress).toBe('127.0.0.1');
      expect(Date.parse(mine.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(mine.signedInAt));
      const phoneSession = list.body.items.find((s: { device: { os: string } }) => s.device.os === 'iPhone');
      expect((await laptop.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await tablet.get('/api/auth/me')).status).toBe(200);
      const ended = await laptop.post('/api/auth/sessions/end-others');
      expect(ended.body).toEqual({ ended: 1 });
      expect((await tablet.get('/api/auth/me')).status).toBe(401);
      expect((await laptop.get('/api/auth/sessions')).body.items).toHaveLength(1);
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
    });

    it('notes "last seen" on a signed-in request at most once a minute, after answering it', async () => {
      const client = await portal.signIn('sessions@acme.example');
      const lastSeen = async () => {
        const [row] = await q<{ at: string }>(`select max(last_seen_at)::text as at from sessions s join accounts a on a.id = s.account_id where a.email = 'sessions@acme.example'`);
        return row!.at;
      };
      await q(`update sessions set last_seen_at = '2020-01-01' where account_id = (select id from accounts where email = 'sessions@acme.example')`);
      await client.get('/api/auth/sessions');
      await waitUntil('the session to be noted as seen', async () => !(await lastSeen()).startsWith('2020'));
      await q(`update sessions set last_seen_at = '2020-01-01' where account_id = (select id from accounts where email = 'sessions@acme.example')`);
      await client.get('/api/auth/sessions');
      await client.get('/api/auth/me');
      expect(await lastSeen()).toMatch(/^2020-01-01/);
    });

    it("never shows or ends another person's session, in another company or the same", async () => {
      const acme = await portal.signIn('admin@acme.example');
      const bright = (await login('admin@brightwave.example')).client;
      clock.advance(30_000);
      // Brightwave requires two-factor (above): this account signs in with its code
      const secretRow = await q<{ secret: string }>(`select t.secret from two_factor_secrets t join accounts a on a.id = t.account_id where a.email = 'admin@brightwave.example'`);
      const brightSecret = secretRow[0]!.secret.replace(/^plain:/, '');
      expect((await bright.post('/api/auth/second-step/code', { code: codeAt(brightSecret, clock.now()) })).status).toBe(200);
      const colleague = await portal.signIn('sessions@acme.example');
      const brightSessions = (await bright.get('/api/auth/sessions')).body.items;
      const colleagueSessions = (await colleague.get('/api/auth/sessions')).body.items;
      const acmeList = (await acme.get('/api/auth/sessions')).body.items.map((s: { id: string }) => s.id);
      for (const foreign of [...brightSessions, ...colleagueSessions]) {
        expect(acmeList).not.toContain(foreign.id);
        const res = await acme.delete(`/api/auth/sessions/${foreign.id}`);
        expect([res.status, res.body.code]).toEqual([404, 'SESSION.NOT_FOUND']);
      }
      await acme.post('/api/auth/sessions/end-others');
      expect((await bright.get('/api/auth/me')).status).toBe(200);
      expect((await colleague.get('/api/auth/me')).status).toBe(200);
    });
  });
});

describe(`operator staff in production (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ NODE_ENV: 'production', TWO_FACTOR_KEY: Buffer.alloc(32, 7).toString('base64') });
  });
  afterAll(async () => portal?.close());

  it('must set up two-factor sign-in before any session; administrators of a company that does not ask it need not; the secret is sealed', async () => {
    const operator = portal.anonymous();
    const res = await operator.post('/api/auth/login', { email: 'operator@dstny.example', password: DEMO_PASSWORD });
    expect(res.body).toEqual({ secondStep: 'enrol' });
    expect((await operator.get('/api/companies')).status).toBe(401);
    const started = await operator.post('/api/auth/second-step/enrolment');
    const done = await operator.post('/api/auth/second-step/enrolment/confirm', { code: codeAt(started.body.secret, new Date()) });
    expect(done.body.account.role).toBe('operator');
    expect((await operator.get('/api/companies')).status).toBe(200);
    const [row] = (await portal.database.sql.executeSql(`select secret from two_factor_secrets`, [])).rows as { secret: string }[];
    expect(row!.secret).toMatch(/^v1:/);
    expect(row!.secret).not.toContain(started.body.secret);
    expect((await portal.anonymous().post('/api/auth/login', { email: 'admin@acme.example', password: DEMO_PASSWORD })).body.account).toBeDefined();
  });
});
