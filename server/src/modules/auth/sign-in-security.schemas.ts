import { EmailSchema, LanguageSchema, text, z } from '../../platform/validation.js';
import { MeSchema } from './auth.schemas.js';

// ---------------------------------------------------------------- the second step of a sign-in

/** The answer of a right password when a second step follows: enter a code, or set up the second factor first. */
export const SecondStepSchema = z.object({ secondStep: z.enum(['code', 'enrol']) });
export const LoginAnswerSchema = z.union([MeSchema, SecondStepSchema]);

const code = () => text().trim().min(1).max(20);
export const SecondFactorInputSchema = z
  .object({ code: code().optional(), recoveryCode: code().optional() })
  .strict()
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), { message: 'required', path: ['code'] });

export const CodeInputSchema = z.object({ code: code() }).strict();

export const EnrolmentSchema = z.object({
  /** base32, for typing into the app instead of scanning */
  secret: z.string(),
  /** the otpauth:// address the QR code holds */
  uri: z.string(),
  qrDataUrl: z.string(),
});

export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const EnrolledSignInSchema = MeSchema.extend(RecoveryCodesSchema.shape);

// ---------------------------------------------------------------- one's own second factor

export const TwoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** the company requires it, or (operator staff) production does: it cannot be turned off */
  required: z.boolean(),
});

export const DisableTwoFactorSchema = z
  .object({ password: text().min(1).max(200), code: code().optional(), recoveryCode: code().optional() })
  .strict()
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), { message: 'required', path: ['code'] });

/** New recovery codes: a current code of the app, or the password — one of the two. */
export const RegenerateRecoveryCodesSchema = z
  .object({ password: text().min(1).max(200).optional(), code: code().optional() })
  .strict()
  .refine((v) => Boolean(v.password) !== Boolean(v.code), { message: 'required', path: ['code'] });

export const CompanyTwoFactorSchema = z.object({ required: z.boolean(), accountsWithout: z.number().int() });
export const CompanyTwoFactorInputSchema = z.object({ required: z.boolean() }).strict();

// ---------------------------------------------------------------- forgot password

export const PasswordResetRequestSchema = z.object({ email: EmailSchema }).strict();
export const ResetTokenParamSchema = z.object({ token: text().min(20).max(100) });
export const PasswordResetViewSchema = z.object({ email: z.string(), expiresAt: z.string() });
export const NewPasswordSchema = z.object({ password: text().min(1).max(400) }).strict();
export const PasswordResetDoneSchema = z.object({ email: z.string() });

// ---------------------------------------------------------------- one's own sessions

export const SessionIdParamSchema = z.object({ sessionId: z.uuid() });
export const OwnSessionSchema = z.object({
  id: z.uuid(),
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  signedInAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export const OwnSessionListSchema = z.object({ items: z.array(OwnSessionSchema) });
export const EndedSessionsSchema = z.object({ ended: z.number().int() });

// ---------------------------------------------------------------- an employee's sign-in (My lines)
export const EmployeeSignInRequestSchema = z.object({ email: EmailSchema }).strict();
export const EmployeeMeSchema = z.object({
  employee: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), language: LanguageSchema, companyName: z.string() }),
  csrfToken: z.string(),
});
