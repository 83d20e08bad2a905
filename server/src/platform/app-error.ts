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
  'SERVICE.NOT_ACTIVATION_FAILED': 409,
  'SERVICE.NO_ESIM': 409,
  'SERVICE.NO_SIM_CODES': 409,
  'SERVICE.NOT_ACTIVE': 409,
  'SERVICE.NO_CHANGE': 422,
  'SERVICE.DELETION_QUOTA_REACHED': 409,
  'ACTIVATION.LINK_INVALID': 404,
  // line operations: not in the line's status (with the status), bad input (a field), one swap at a time
  'LINE.NOT_ALLOWED': 409,
  'LINE.INVALID_INPUT': 422,
  'LINE.SWAP_PENDING': 409,
  'LINE.OPERATION_NOT_FOUND': 404,
  'LINE.NOT_RETRYABLE': 409,
  // usage alerts: lifting a roaming block that does not hold (lifted already, or the month ended)
  'USAGE.NO_ROAMING_BLOCK': 409,
  'STOCK.MOBILE_NUMBER_TAKEN': 409,
  'STOCK.SIM_TAKEN': 409,
  'STOCK.ESIM_NONE_LEFT': 409,
  'STOCK.FIXED_NUMBER_TAKEN': 409,
  'PORTING.ALREADY_PENDING': 409,
  'PORTING.INTERNAL_ALREADY_MOVING': 409,
  'STOCK.DUPLICATE': 409,
  'STOCK.IMPORT_INVALID': 422,
  'STOCK.IMPORT_CONFLICT': 409,
  // bulk import of mobile users and services
  'IMPORT.INVALID_FILE': 422,
  'IMPORT.FILE_TOO_LARGE': 413,
  'IMPORT.NOT_FOUND': 404,
  // bulk actions of the Service overview
  'BULK.NOT_FOUND': 404,
  'BULK.TOO_MANY': 422,
  'BULK.NOTHING_ELIGIBLE': 422,
  'BULK.DELETION_QUOTA_EXCEEDED': 409,
  'REQUEST.NOT_FOUND': 404,
  'REQUEST.INVALID': 422,
  'REQUEST.ILLEGAL_TRANSITION': 409,
  'REQUEST.EVENT_FORBIDDEN': 403,
  'REQUEST.CLOSED': 409,
  // back office: companies, offices, administrator accounts, catalog prices
  'COMPANY.NAME_TAKEN': 409,
  'COMPANY.INVALID': 422,
  'CONTRACT.INVALID': 422,
  'CONTRACT.REFERENCE_TAKEN': 409,
  'OFFICE.UNKNOWN': 404,
  'OFFICE.IN_USE_BY_USERS': 409,
  'OFFICE.IN_USE': 409,
  'ACCOUNT.EMAIL_TAKEN': 409,
  'ACCOUNT.NOT_FOUND': 404,
  'ACCOUNT.ILLEGAL_TRANSITION': 409,
  // a company keeps at least one active owner (modules/companies/domain/company-roles.ts)
  'ACCOUNT.LAST_OWNER': 409,
  'AUTH.ACCOUNT_DEACTIVATED': 403,
  'INVITATION.INVALID': 404,
  'INVITATION.EXPIRED': 410,
  'INVITATION.USED': 410,
  'CATALOG.ITEM_NOT_FOUND': 404,
  'CATALOG.PRICE_INVALID': 422,
  'CATALOG.PRICE_EXISTS': 409,
  'CATALOG.PRICE_NOT_FOUND': 404,
  'CATALOG.PRICE_IN_EFFECT': 409,
  // the development mailbox answers the computer that runs the portal only
  'MAILBOX.LOCAL_ONLY': 403,
  // the public API (modules/public-api): bearer tokens, scopes, per-client limits, its own resources
  'API.TOKEN_INVALID': 401,
  'API.SCOPE_MISSING': 403,
  'API.RATE_LIMITED': 429,
  'API_CLIENT.NOT_FOUND': 404,
  'PRODUCT_ORDER.NOT_FOUND': 404,
  // signing in: the second step, two-factor, "forgot password", one's own sessions (modules/auth)
  'AUTH.CHALLENGE_INVALID': 401,
  'TWO_FACTOR.CODE_INVALID': 422,
  'TWO_FACTOR.ALREADY_ENABLED': 409,
  'TWO_FACTOR.NOT_STARTED': 409,
  'TWO_FACTOR.NOT_ENABLED': 409,
  'TWO_FACTOR.REQUIRED': 409,
  'PASSWORD_RESET.INVALID': 404,
  'PASSWORD_RESET.EXPIRED': 410,
  'PASSWORD_RESET.USED': 410,
  // an employee's sign-in link (My lines): unknown, used (or replaced by a newer one), expired
  'EMPLOYEE_SIGN_IN.INVALID': 404,
  'EMPLOYEE_SIGN_IN.USED': 410,
  'EMPLOYEE_SIGN_IN.EXPIRED': 410,
  // an employee's request about their line (My lines): not theirs / not found, decided already, one open per line and kind
  'EMPLOYEE_REQUEST.NOT_FOUND': 404,
  'EMPLOYEE_REQUEST.ILLEGAL_TRANSITION': 409,
  'EMPLOYEE_REQUEST.ALREADY_PENDING': 409,
  'EMPLOYEE_REQUEST.INVALID': 422,
  'SESSION.NOT_FOUND': 404,
  // single sign-on (OpenID Connect): its configuration, and the refusals of a sign-in back from the provider
  'SSO.DISCOVERY_FAILED': 422,
  'SSO.DOMAIN_TAKEN': 409,
  'SSO.NOT_CONFIGURED': 409,
  'SSO.REQUIRED': 403,
  'SSO.STATE_INVALID': 400,
  'SSO.PROVIDER_ERROR': 502,
  'SSO.EMAIL_MISSING': 422,
  'SSO.EMAIL_UNVERIFIED': 403,
  'SSO.WRONG_COMPANY': 403,
  'SSO.UNKNOWN_ACCOUNT': 403,
  // a PATCH of an attribute the order's state no longer allows (its start once the lines are on their way), a cancellation of an order that has ended
  'PRODUCT_ORDER.STATE_CONFLICT': 409,
  'PRODUCT_ORDER.NOT_CANCELLABLE': 409,
  'CANCEL_PRODUCT_ORDER.NOT_FOUND': 404,
  // webhook subscriptions (hubs) of the public API and their delivery log
  'EVENT_HUB.NOT_FOUND': 404,
  'EVENT_HUB.NOT_ACTIVE': 409,
  'EVENT_DELIVERY.NOT_FOUND': 404,
  'EVENT_DELIVERY.IN_PROGRESS': 409,
  // approvals of orders above the company's threshold (modules/approvals)
  'APPROVAL.NOT_FOUND': 404,
  'APPROVAL.OWN_REQUEST': 403,
  'APPROVAL.NOT_REQUESTER': 403,
  'APPROVAL.NOT_PENDING': 409,
  'APPROVAL.INVALID': 422,
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
  /**
   * The `fields.*` key that names the field in the message, when its path alone does not say which
   * field the form shows: `number.msisdn` of a port-in is the "Number to port" (`portMsisdn`).
   */
  label?: string;
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
