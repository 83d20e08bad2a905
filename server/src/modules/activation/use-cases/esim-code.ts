import QRCode from 'qrcode';
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { applyServiceChange } from '../../services/index.js';
import { lpaActivationCode, mobileUserRecipient, queueMail } from '../../mail/index.js';
import { loadActivation, type Activation } from '../activation.repository.js';

// Drawing a QR code takes ~30 ms of CPU and the employee's page asks every 5 s until the line is
// active: draw each activation code once. Bounded, oldest out first.
const qrImages = new Map<string, string>();
export const qrImage = async (activationCode: string) => {
  let png = qrImages.get(activationCode);
  if (!png) {
    png = await QRCode.toDataURL(activationCode, { errorCorrectionLevel: 'M', margin: 2, width: 280 });
    if (qrImages.size >= 500) qrImages.delete(qrImages.keys().next().value!);
    qrImages.set(activationCode, png);
  }
  return png;
};

/** The eSIM profile's SGP.22 activation code, or null for a physical SIM (or a profile without its SM-DP+ details). */
export const esimCodeOf = (sim: Activation['sim']) =>
  sim?.kind === 'esim' && sim.smdpAddress && sim.matchingId ? lpaActivationCode(sim.smdpAddress, sim.matchingId) : null;

/**
 * The QR e-mail of the seed ("How to Activate your eSIM") to the employee: after they press Activate,
 * when an automatic eSIM is ready on the network, and when the administrator sends it again.
 */
export const queueEsimQrMail = async (tx: Queryable, deps: Pick<Deps, 'jobs'>, scope: CompanyScope, a: Activation) => {
  if (!esimCodeOf(a.sim)) return false;
  await queueMail(tx, deps.jobs, {
    template: 'esim_qr',
    data: { smdpAddress: a.sim!.smdpAddress!, matchingId: a.sim!.matchingId!, msisdn: a.service.msisdn, numberSource: a.service.numberSource },
    companyId: scope.companyId,
    to: mobileUserRecipient(a.user),
    language: a.user.language,
  });
  return true;
};

const ENDED = ['cancelled', 'terminated'];

const withEsim = async (q: Queryable, scope: CompanyScope, serviceId: string, forUpdate = false) => {
  const a = await loadActivation(q, scope, serviceId, forUpdate);
  if (!a) throw new AppError('SERVICE.NOT_FOUND');
  const code = esimCodeOf(a.sim);
  if (!code || ENDED.includes(a.service.status)) throw new AppError('SERVICE.NO_ESIM');
  return { a, code };
};

/**
 * The administrator looks at a service's eSIM activation code (to install it with the employee, or
 * read it out): whoever holds it can download the profile, so every look is an audit line.
 */
export const viewEsimCode = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => {
    const { a, code } = await withEsim(tx, scope, serviceId);
    await recordAudit(tx, { scope, actor, action: 'service.esim_code_viewed', entityType: 'service', entityId: a.service.id, before: null, after: { iccid: a.sim!.iccid } });
    return { activationCode: code, qrPngDataUrl: await qrImage(code), iccid: a.sim!.iccid, sentTo: a.user.email };
  });

/** The administrator sends the QR e-mail again (to the employee's address as it is now); a timeline line says to whom. */
export const resendEsimQr = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => {
    const { a } = await withEsim(tx, scope, serviceId, true);
    await queueEsimQrMail(tx, deps, scope, a);
    await applyServiceChange(tx, deps, scope, actor, a.service, { timeline: 'esim_qr_sent', reason: a.user.email, audit: { after: { sentTo: a.user.email } } });
  });

/**
 * The PIN and PUK of a service's SIM card, for the administrator helping someone with a locked SIM.
 * They are shown nowhere else (not in lists, exports or the audit trail's values); every look is an
 * audit line naming the card.
 */
export const viewSimCodes = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => {
    const a = await loadActivation(tx, scope, serviceId);
    if (!a) throw new AppError('SERVICE.NOT_FOUND');
    if (!a.sim || (!a.sim.pin && !a.sim.puk) || ENDED.includes(a.service.status)) throw new AppError('SERVICE.NO_SIM_CODES');
    await recordAudit(tx, { scope, actor, action: 'service.sim_codes_viewed', entityType: 'service', entityId: a.service.id, before: null, after: { iccid: a.sim.iccid } });
    return { iccid: a.sim.iccid, pin: a.sim.pin, puk: a.sim.puk };
  });
