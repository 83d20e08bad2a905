// Response shapes of the Fleetdesk API (the OpenAPI document at /api/docs).
// Hand-written for now; to be generated from the server's zod schemas (OpenAPI) once they settle.

export type Language = 'en' | 'fr' | 'nl';
export type Role = 'admin' | 'operator';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type Operator = {
  name: string;
  portalName: string;
  supportPhone: string;
  supportEmail: string;
  salesEmail: string;
  financeEmail: string;
  portalUrl: string;
};

export type Me = {
  account: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    language: Language;
    company: { id: string; name: string } | null;
  };
  csrfToken: string;
};

export type CodeName = { code: string; name: string };

export type Contract = {
  reference: string;
  productTypes: CodeName[];
  contractedServices: number;
  activeServices: number;
  startsOn: string;
  endsOn: string;
};

export type Office = {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  /** Mobile users attached to the office: while there are any, it cannot be removed. */
  mobileUserCount: number;
};

export type MobileUserSummary = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  language: Language;
  department: string | null;
  costCentre: string | null;
  officeId: string | null;
  officeName: string | null;
  numbers: string[];
  serviceCount: number;
  createdAt: string;
  updatedAt: string;
};

export type MobileService = {
  id: string;
  productType: CodeName;
  serviceType: CodeName;
  // Prices, options, fixed number, SIM and dates (issue 5): optional until every server has them.
  bundle: CodeName & { monthlyPriceCents?: number };
  options?: (CodeName & { monthlyPriceCents: number })[];
  monthlyPriceCents?: number;
  msisdn: string | null;
  fixedNumber?: string | null;
  sim?: { kind: 'physical' | 'esim'; iccid: string } | null;
  status: string;
  activatedAt: string | null;
  createdAt?: string;
  endedAt?: string | null;
};

export type MobileUser = MobileUserSummary & { services: MobileService[] };

export type MobileUserInput = {
  firstName: string;
  lastName: string;
  email: string;
  language: Language;
  department?: string | null;
  costCentre?: string | null;
  officeId?: string | null;
};

export type UserSort = 'name' | 'email' | 'department' | 'createdAt';
export type SortOrder = 'asc' | 'desc';

export type AuditChange = { field: string; before: unknown; after: unknown };

export type AuditEvent = {
  id: string;
  createdAt: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  changes: AuditChange[];
};

export type CompanySummary = {
  id: string;
  name: string;
  vatNumber: string | null;
  contractReference: string | null;
  productTypes: CodeName[];
  contractedServices: number;
  activeServices: number;
  mobileUserCount: number;
  administrators: number;
};

/** GET /api/company (your own) and GET /api/companies/:id (back office) answer with the same shape. */
export type CompanyDetail = {
  id: string;
  name: string;
  vatNumber: string | null;
  /** null for a company whose mobile contract is not registered yet. */
  contract: Contract | null;
  offices: Office[];
  administrators: Administrator[];
  /** The operator's account manager for the company. */
  accountManager: StaffMember | null;
  mobileUserCount: number;
};

export type AccountStatus = 'invited' | 'active' | 'deactivated';
export type Administrator = {
  id: string;
  fullName: string;
  email: string;
  language: Language;
  status: AccountStatus;
  lastLoginAt: string | null;
  invitationExpiresAt: string | null;
};
export type StaffMember = { id: string; fullName: string; email: string };
