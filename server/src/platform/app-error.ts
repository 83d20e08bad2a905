// The one error type of the application. Codes are stable (clients and tests rely on them);
// the HTTP status of each code is decided here and nowhere else.
export const ERROR_STATUS = {
  'VALIDATION.FAILED': 400,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.NOT_SIGNED_IN': 401,
  'AUTH.CSRF_INVALID': 403,
  'AUTH.FORBIDDEN': 403,
  'AUTH.RATE_LIMITED': 429,
  'NOT_FOUND': 404,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'MOBILE_USER.NOT_FOUND': 404,
  'MOBILE_USER.EMAIL_TAKEN': 409,
  'COMPANY.NOT_FOUND': 404,
  'OFFICE.NOT_FOUND': 422,
  'SERVICE.NOT_FOUND': 404,
  'SERVICE.INVALID_CHOICES': 422,
  'SERVICE.NOT_WAITING': 409,
  'SERVICE.ILLEGAL_TRANSITION': 409,
  'SERVICE.NOT_AWAITING_USER': 409,
  'SERVICE.NOT_PORTING_REFUSED': 409,
  'ACTIVATION.LINK_INVALID': 404,
  'STOCK.MOBILE_NUMBER_TAKEN': 409,
  'STOCK.SIM_TAKEN': 409,
  'STOCK.ESIM_NONE_LEFT': 409,
  'STOCK.FIXED_NUMBER_TAKEN': 409,
  'PORTING.ALREADY_PENDING': 409,
  'PORTING.INTERNAL_ALREADY_MOVING': 409,
  'STOCK.DUPLICATE': 409,
  'STOCK.IMPORT_INVALID': 422,
  'STOCK.IMPORT_CONFLICT': 409,
  'INTERNAL': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = {
  /** Dotted path of the field in the request, e.g. "email" or "address.city". */
  field: string;
  /** Stable rule code, e.g. "required", "invalid_email", "too_long". */
  rule: string;
  /** Values the translated message may use (limits, allowed values). */
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, opts: { fieldErrors?: FieldError[]; params?: Record<string, string | number>; cause?: unknown } = {}) {
    super(code, { cause: opts.cause });
    this.code = code;
    this.fieldErrors = opts.fieldErrors ?? [];
    this.params = opts.params ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
