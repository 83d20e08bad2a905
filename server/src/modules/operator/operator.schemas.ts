import { z } from '../../platform/validation.js';

/** GET /api/operator: the operator's branding and contact points (public). */
export const OperatorBrandingSchema = z.object({
  name: z.string(),
  portalName: z.string(),
  supportPhone: z.string(),
  supportEmail: z.string(),
  salesEmail: z.string(),
  financeEmail: z.string(),
  portalUrl: z.string(),
});
