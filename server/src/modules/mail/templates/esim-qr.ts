import QRCode from 'qrcode';
import { t } from '../../../platform/i18n.js';
import { contactForUser, footer, greeting, items, numberTiming, phone, signOff, type Composed, type NumberSource, type RenderContext } from './common.js';

export type EsimQrMailData = {
  /** The profile's SM-DP+ server and matching ID (sim_cards.smdp_address, sim_cards.matching_id). */
  smdpAddress: string;
  matchingId: string;
  /** E.164, when the number is known. */
  msisdn?: string | null;
  numberSource?: NumberSource | null;
};

/** The SGP.22 activation code a phone reads from the QR code: `LPA:1$<SM-DP+ address>$<matching ID>`. */
export const lpaActivationCode = (smdpAddress: string, matchingId: string) => `LPA:1$${smdpAddress}$${matchingId}`;

export const ESIM_QR_CID = 'esim-qr@fleetdesk';
const QR_SIZE = 240;

const IOS_STEPS = ['data', 'settings', 'scan', 'ready'] as const;
const ANDROID_STEPS = ['data', 'settings', 'scan', 'ready'] as const;

/** The eSIM QR e-mail (seed: "How to Activate your eSIM"): the QR code inline, the code as text, the device steps. */
export const esimQrMail = async (data: EsimQrMailData, ctx: RenderContext): Promise<Composed> => {
  const { lang, brand } = ctx;
  const code = lpaActivationCode(data.smdpAddress, data.matchingId);
  // Twice the shown size, so it stays sharp on high-density screens; a quiet zone of 4 modules as the standard asks.
  const png = await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: QR_SIZE * 2 });
  return {
    subject: t(lang, 'mail.esimQr.subject', { operator: brand.name }),
    attachments: [{ filename: 'esim-qr-code.png', contentType: 'image/png', content: png.toString('base64'), cid: ESIM_QR_CID }],
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [data.msisdn ? t(lang, 'mail.esimQr.introNumber', { number: phone(data.msisdn) }) : t(lang, 'mail.esimQr.intro')] },
      { kind: 'image', cid: ESIM_QR_CID, alt: t(lang, 'mail.esimQr.qrAlt'), width: QR_SIZE, height: QR_SIZE },
      { kind: 'paragraph', text: [t(lang, 'mail.esimQr.screenTip')] },
      ...numberTiming(lang, data.numberSource).map((note) => ({ kind: 'note' as const, text: note })),
      { kind: 'heading', text: t(lang, 'mail.esimQr.iosHeading') },
      { kind: 'list', ordered: true, items: items(lang, 'mail.esimQr.iosSteps', IOS_STEPS) },
      { kind: 'heading', text: t(lang, 'mail.esimQr.androidHeading') },
      { kind: 'list', ordered: true, items: items(lang, 'mail.esimQr.androidSteps', ANDROID_STEPS) },
      { kind: 'heading', text: t(lang, 'mail.esimQr.manualHeading') },
      { kind: 'paragraph', text: [t(lang, 'mail.esimQr.manual')] },
      {
        kind: 'codes',
        items: [
          { label: t(lang, 'mail.esimQr.codeLabel'), value: code },
          { label: t(lang, 'mail.esimQr.smdpLabel'), value: data.smdpAddress },
          { label: t(lang, 'mail.esimQr.matchingLabel'), value: data.matchingId },
        ],
      },
      { kind: 'paragraph', text: [t(lang, 'mail.esimQr.private')] },
      { kind: 'heading', text: t(lang, 'mail.common.problemsHeading') },
      { kind: 'list', ordered: false, items: [[t(lang, 'mail.activation.troubleEsim')], [t(lang, 'mail.activation.troubleEscalate', { operator: brand.name })]] },
      { kind: 'paragraph', text: contactForUser(ctx) },
      ...signOff(ctx),
    ],
    footer: footer(ctx),
  };
};
