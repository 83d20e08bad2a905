import { z } from 'zod';
import { requiredText } from '../../platform/validation.js';
import { BillingImpactSchema, ServiceDetailSchema } from '../services/services.schemas.js';
import { LOSS_CAUSES } from './domain/line-operations.js';

export const SuspendInputSchema = z.object({
  reason: requiredText(500),
  // a Brussels day: the line resumes by itself at its start; absent or null: until resumed by hand
  until: z.iso.date().nullish(),
});
export type SuspendInputBody = z.infer<typeof SuspendInputSchema>;

export const ReportLostSchema = z.object({ cause: z.enum(LOSS_CAUSES) });

export const SwapInputSchema = z.object({
  sim: z.discriminatedUnion('kind', [z.object({ kind: z.literal('physical'), iccid: requiredText(40) }), z.object({ kind: z.literal('esim') }), z.object({ kind: z.literal('user_enters') })]),
});

export const EnterReplacementSimSchema = z.object({ iccid: requiredText(40) });

export const SuspensionResultSchema = z.object({ service: ServiceDetailSchema, impact: BillingImpactSchema });

export const OperationParamsSchema = z.object({ id: z.uuid(), operationId: z.uuid() });
