import type { Deps } from '../../../deps.js';
import type { Queryable } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import type { Actor } from '../../../platform/actor.js';
import { scopeOfRow, type CompanyScope } from '../../../platform/tenant.js';
import { sha256 } from '../../../platform/tokens.js';
import { recordAudit } from '../../audit/index.js';
import { getOperatorBranding } from '../../operator/index.js';
import { iccidProblem, normalizeIccid } from '../../stock/domain/iccid.js';
import { findSimByIccid, reserveSim } from '../../stock/index.js';
import { isLinkUsable } from '../domain/activation-rules.js';
import { accountById, awaitsReplacementIccid, findLinkByHash, loadActivation, type Activation } from '../activation.repository.js';
import { changeActivation, startProvisioning } from './activation-process.js';
import { esimCodeOf, qrImage, queueEsimQrMail } from './esim-code.js';

const invalidLink = () => new AppError('ACTIVATION.LINK_INVALID');

/** The link behind a token, if it still works: the token is hashed, never looked up as typed. */
export const resolve = async (q: Queryable, deps: Pick<Deps, 'clock'>, token: string, forUpdate = false) => {
  const link = await findLinkByHash(q, sha256(token));
  if (!link || !isLinkUsable(link, deps.clock.now())) throw invalidLink();
  // the link is the employee's credential: its company is the scope
  const scope = scopeOfRow(link);
  const a = await loadActivation(q, scope, link.serviceId, forUpdate);
  if (!a || ['cancelled', 'terminated'].includes(a.service.status)) throw invalidLink();
  return { scope, a };
};

/** What the employee's page shows. The eSIM code appears only once they pressed Activate. */
const view = async (q: Queryable, a: Activation) => {
  const brand = await getOperatorBranding(q);
  const admin = a.service.createdByAccountId ? await accountById(q, a.service.createdByAccountId) : null;
  // automatic activation: the employee never presses Activate, and gets the code once the profile is ready
  const esimShown = a.service.userActedAt !== null || (a.service.activationMethod === 'automatic' && a.service.simProvisionedAt !== null);
  const activationCode = esimShown ? esimCodeOf(a.sim) : null;
  return {
    language: a.user.language,
    firstName: a.user.firstName,
    companyName: a.companyName,
    status: a.service.status,
    simKind: a.service.simChoice === 'esim' ? ('esim' as const) : ('physical' as const),
    needsIccid: a.service.simChoice === 'user_enters' && !a.sim,
    iccid: a.sim?.iccid ?? null,
    msisdn: a.service.msisdn,
    numberSource: a.service.numberSource,
    esim: activationCode ? { activationCode, qrPngDataUrl: await qrImage(activationCode) } : null,
    activatedAt: a.service.activatedAt?.toISOString() ?? null,
    support: { phone: brand?.supportPhone ?? '', email: brand?.supportEmail ?? '', operatorName: brand?.name ?? '' },
    adminContact: admin ? { name: admin.fullName, email: admin.email } : null,
    hasPuk: Boolean(a.sim?.puk),
    // a lost or stolen phone can be reported from here while the line works
    canReportLost: a.service.status === 'active',
    // the administrator ordered a replacement card that the employee identifies by its printed number
    replacementNeedsIccid: a.service.activatedAt !== null && (await awaitsReplacementIccid(q, scopeOfRow(a.service), a.service.id)),
  };
};
export type ActivationView = Awaited<ReturnType<typeof view>>;

export const getActivationPage = async (deps: Deps, token: string) => {
  const { a } = await resolve(deps.db, deps, token);
  return view(deps.db, a);
};

export const employee = (a: Activation): Actor => ({ accountId: null, name: `${a.user.firstName} ${a.user.lastName}` });

/** The employee starts it: from here on the process runs without them. */
const act = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, event: string) => {
  const step = { timeline: event, fields: { userActedAt: deps.clock.now() } };
  if (a.service.status === 'awaiting_user') await startProvisioning(tx, deps, scope, a, employee(a), step);
  else await changeActivation(tx, deps, scope, a, employee(a), step);
  await queueEsimQrMail(tx, deps, scope, a);
};

/** Physical SIM not pre-filled: the employee types the number printed on the card. */
export const enterSim = async (deps: Deps, token: string, typed: string) =>
  deps.db.transaction(async (tx) => {
    const { scope, a } = await resolve(tx, deps, token, true);
    if (a.service.simChoice !== 'user_enters' || a.sim) return view(tx, a); // already entered: nothing to do
    const iccid = normalizeIccid(typed);
    const problem = iccidProblem(iccid);
    if (problem) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'iccid', rule: problem }] });
    const sim = await findSimByIccid(tx, scope, iccid);
    if (!sim || sim.kind !== 'physical') throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: [{ field: 'iccid', rule: 'sim_not_in_stock' }] });
    if (sim.status !== 'in_stock' || !(await reserveSim(tx, scope, sim.id, a.service.id))) {
      throw new AppError('STOCK.SIM_TAKEN', { fieldErrors: [{ field: 'iccid', rule: 'sim_in_use' }] });
    }
    a.sim = { ...sim, status: 'reserved', serviceId: a.service.id };
    await act(tx, deps, scope, a, 'user_entered_sim');
    return view(tx, a);
  });

/** eSIM (or a SIM the administrator entered): the employee presses Activate. Pressing it again changes nothing. */
export const activateByEmployee = async (deps: Deps, token: string) =>
  deps.db.transaction(async (tx) => {
    const { scope, a } = await resolve(tx, deps, token, true);
    if (a.service.userActedAt) return view(tx, a);
    if (a.service.simChoice === 'user_enters' && !a.sim) {
      throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'iccid', rule: 'required' }] });
    }
    await act(tx, deps, scope, a, 'user_activated');
    return view(tx, a);
  });

/**
 * The employee's own PUK, from their personal link (a SIM locked by three wrong PINs): asked for on
 * purpose, never part of the page itself, and each look is an audit line with the employee as actor.
 */
export const employeePuk = async (deps: Deps, token: string) =>
  deps.db.transaction(async (tx) => {
    const { scope, a } = await resolve(tx, deps, token);
    if (!a.sim?.puk) throw new AppError('SERVICE.NO_SIM_CODES');
    await recordAudit(tx, { scope, actor: employee(a), action: 'service.puk_viewed_by_user', entityType: 'service', entityId: a.service.id, before: null, after: { iccid: a.sim.iccid } });
    return { puk: a.sim.puk };
  });
