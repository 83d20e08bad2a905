import { optionalText, requiredText, text, z } from '../../platform/validation.js';
import { SERVICE_STATUSES } from '../services/domain/lifecycle.js';
import { EMPLOYEE_REQUEST_KINDS, EMPLOYEE_REQUEST_STATUSES, MAX_REASON_LENGTH } from './domain/employee-request-machine.js';

const code = () => text().trim().min(1).max(64);

export const EmployeeRequestSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(EMPLOYEE_REQUEST_KINDS),
  status: z.enum(EMPLOYEE_REQUEST_STATUSES),
  bundleName: z.string().nullable(),
  note: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const MyLineSchema = z.object({
  id: z.uuid(),
  msisdn: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  serviceType: z.string(),
  bundle: z.object({ code: z.string(), name: z.string(), dataGb: z.number().nullable(), callMinutes: z.number().int().nullable() }),
  options: z.array(z.object({ code: z.string(), name: z.string() })),
  sim: z.object({ kind: z.enum(['physical', 'esim']), iccid: z.string() }).nullable(),
  usage: z
    .object({
      month: z.string(),
      dataMb: z.number().int(),
      dataAllowanceMb: z.number().int().nullable(),
      voiceMin: z.number().int(),
      voiceAllowanceMin: z.number().int().nullable(),
      sms: z.number().int(),
      roamingDataMb: z.number().int(),
    })
    .nullable()
    .describe("this month's use, once the network's usage files have it"),
  hasPuk: z.boolean(),
  esim: z.object({ activationCode: z.string(), qrPngDataUrl: z.string() }).nullable().describe('while the eSIM profile waits to be installed'),
  canReportLost: z.boolean(),
  canAskNewEsim: z.boolean(),
  canAskBundleChange: z.boolean(),
  requests: z.array(EmployeeRequestSummarySchema),
});

export const MyLinesSchema = z.object({ lines: z.array(MyLineSchema) });
export const MyPukSchema = z.object({ puk: z.string() });

export const AskForChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new_esim'), serviceId: z.uuid(), note: optionalText(500) }).strict(),
  z.object({ kind: z.literal('bundle_change'), serviceId: z.uuid(), bundleCode: code(), optionCodes: z.array(code()).max(20), note: optionalText(500) }).strict(),
]);
export const AskedSchema = z.object({ id: z.uuid() });

export const EmployeeRequestListQuerySchema = z.object({ status: z.enum(EMPLOYEE_REQUEST_STATUSES).default('pending') });
export const EmployeeRequestListSchema = z.object({
  requests: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(EMPLOYEE_REQUEST_KINDS),
      status: z.enum(EMPLOYEE_REQUEST_STATUSES),
      serviceId: z.uuid(),
      msisdn: z.string().nullable(),
      userName: z.string(),
      email: z.string(),
      currentBundleName: z.string().nullable(),
      bundleName: z.string().nullable(),
      note: z.string().nullable(),
      decisionReason: z.string().nullable(),
      decidedBy: z.string().nullable(),
      createdAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
});
export const RefuseSchema = z.object({ reason: requiredText(MAX_REASON_LENGTH) }).strict();
