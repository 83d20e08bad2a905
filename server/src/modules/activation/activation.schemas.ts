import { z, text, LocalizedNameSchema, PageQuerySchema, pageOf, EmailSchema } from '../../platform/validation.js';
import { SERVICE_STATUSES } from '../services/domain/lifecycle.js';

export const TokenParamSchema = z.object({ token: text().min(20).max(100) });

export const ActivationViewSchema = z.object({
  language: z.enum(['en', 'fr', 'nl']),
  firstName: z.string(),
  companyName: z.string(),
  status: z.enum(SERVICE_STATUSES),
  simKind: z.enum(['physical', 'esim']),
  needsIccid: z.boolean(),
  iccid: z.string().nullable(),
  msisdn: z.string().nullable(),
  numberSource: z.enum(['new', 'port_in', 'port_internal']).nullable(),
  esim: z.object({ activationCode: z.string(), qrPngDataUrl: z.string() }).nullable(),
  activatedAt: z.string().nullable(),
  /** Whether the SIM's PUK is on record: the employee asks for it on purpose (GET …/puk). */
  hasPuk: z.boolean(),
  canReportLost: z.boolean(),
  replacementNeedsIccid: z.boolean(),
  support: z.object({ phone: z.string(), email: z.string(), operatorName: z.string() }),
  adminContact: z.object({ name: z.string(), email: z.string() }).nullable(),
});

/** A service's eSIM activation code, as the administrator sees it (every look is an audit line). */
export const EsimCodeSchema = z.object({
  activationCode: z.string(),
  /** The QR code of the activation code, a PNG data URL. */
  qrPngDataUrl: z.string(),
  iccid: z.string(),
  /** Where the QR e-mail goes when sent again: the employee's address. */
  sentTo: z.string(),
});

/** A service's SIM card codes, as the administrator looks them up (an audit line each time). */
export const SimCodesSchema = z.object({ iccid: z.string(), pin: z.string().nullable(), puk: z.string().nullable() });
export const EmployeePukSchema = z.object({ puk: z.string() });

export const EnterSimSchema = z.object({ iccid: text().trim().max(40) }).strict();

export const ResendSchema = z.object({ email: EmailSchema.optional() }).strict();

export const PortingIssuesQuerySchema = PageQuerySchema.extend({ q: text().max(200).optional() });

export const PortingIssueSchema = z.object({
  serviceId: z.uuid(),
  mobileUserId: z.uuid(),
  userName: z.string(),
  msisdn: z.string(),
  serviceType: LocalizedNameSchema,
  donorOperator: LocalizedNameSchema,
  accountType: z.enum(['postpaid', 'prepaid']),
  customerNumber: z.string().nullable(),
  donorSimNumber: z.string().nullable(),
  holderName: z.string(),
  refusalReason: z.string(),
  refusalCode: z.string(),
  refusedAt: z.string(),
  attempts: z.number().int(),
});
export const PortingIssuePageSchema = pageOf(PortingIssueSchema);

/** Back office › Mobile porting issues: every company's, or one company's. */
export const BackOfficePortingIssuesQuerySchema = PortingIssuesQuerySchema.extend({ companyId: z.uuid().optional() });
export const BackOfficePortingIssuePageSchema = pageOf(PortingIssueSchema.extend({ companyId: z.uuid(), companyName: z.string() }));

export const PortCorrectionSchema = z
  .object({
    // presence and format are the port-in rules' (wizard-rules.ts): all problems come back at once
    donorOperator: text().trim().max(64),
    accountType: z.enum(['postpaid', 'prepaid']),
    customerNumber: text().trim().max(64).nullish(),
    donorSimNumber: text().trim().max(64).nullish(),
    holderName: text().trim().max(120),
  })
  .strict();
