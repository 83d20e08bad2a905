import type { Deps } from '../../../deps.js';
import { AppError } from '../../../platform/app-error.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { QUEUES } from '../../../jobs/queues.js';
import { mobileUserRecipient, queueMail } from '../../mail/index.js';
import { EMPLOYEE_SESSION_TTL_HOURS, EMPLOYEE_SIGN_IN_TTL_MINUTES, employeeLinkState } from '../domain/sign-in-steps.js';
import type { SignInOrigin } from '../auth.repository.js';
import { createEmployeeSession, findEmployeeSignInLink, insertEmployeeSignInLink, markEmployeeSignInLinkUsed, mobileUsersByEmail } from '../employee-sessions.repository.js';

/** Where the e-mail's link leads (web/src/features/my-lines/EmployeeLinkPage). */
export const EMPLOYEE_LINK_PATH = '/my-lines/sign-in';

/**
 * "Employee sign-in" (My lines): as for a forgotten password, the answer and the work are the same
 * whether or not the address belongs to an employee — one job queued, nothing looked up — so neither
 * the answer nor its timing tells who works where. The job finds the employee and e-mails the link.
 */
export const requestEmployeeSignIn = async (deps: Pick<Deps, 'db' | 'jobs'>, email: string) => {
  await deps.db.transaction((tx) => deps.jobs.send(tx, QUEUES.employeeSignInRequest, { email }));
};

/**
 * The job: every mobile user with this address (one per company they work for) gets a single-use
 * link valid 15 minutes, in their language; their earlier open links stop working. Nobody else
 * gets anything.
 */
export const sendEmployeeSignInLinks = async (deps: Deps, email: string) => {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    for (const user of await mobileUsersByEmail(tx, email)) {
      const token = newToken();
      const expiresAt = new Date(now.getTime() + EMPLOYEE_SIGN_IN_TTL_MINUTES * 60_000);
      await insertEmployeeSignInLink(tx, { companyId: user.companyId, mobileUserId: user.id, tokenHash: sha256(token), expiresAt }, now);
      await queueMail(tx, deps.jobs, {
        template: 'employee_sign_in',
        data: { signInUrl: `${deps.links.publicUrl()}${EMPLOYEE_LINK_PATH}/${token}`, companyName: user.companyName, expiresAt },
        companyId: user.companyId,
        to: mobileUserRecipient(user),
        language: user.language,
      });
    }
  });
};

/**
 * Following the link: used up at once (of two tabs, one signs in), and an employee session opens —
 * a session of the mobile user, not of an account (see employee-sessions.repository.ts).
 */
export const signInWithEmployeeLink = async (deps: Pick<Deps, 'db' | 'clock'>, token: string, origin: SignInOrigin) =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const link = await findEmployeeSignInLink(tx, sha256(token));
    if (!link) throw new AppError('EMPLOYEE_SIGN_IN.INVALID');
    const state = employeeLinkState(link, now);
    if (state === 'used') throw new AppError('EMPLOYEE_SIGN_IN.USED');
    if (state === 'expired') throw new AppError('EMPLOYEE_SIGN_IN.EXPIRED');
    await markEmployeeSignInLinkUsed(tx, link.id, now);
    return createEmployeeSession(tx, { companyId: link.companyId, mobileUserId: link.mobileUserId }, new Date(now.getTime() + EMPLOYEE_SESSION_TTL_HOURS * 3_600_000), origin);
  });
