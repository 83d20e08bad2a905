import type { Db, Queryable } from '../../../platform/db.js';
import { AppError, type FieldError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import { scopeOfCompany, type CompanyScope } from '../../../platform/tenant.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import { contractProblems, normalizeVatNumber, vatNumberProblem } from '../domain/company-rules.js';
import {
  catalogProductTypeCodes,
  companyNameTaken,
  companySnapshot,
  contractReferenceTaken,
  contractSnapshot,
  findCompanyForUpdate,
  findContract,
  insertCompany,
  isActiveOperator,
  updateCompany,
  upsertContract,
} from '../back-office.repository.js';
import type { CompanyInput, ContractInput, CreateCompanyInput } from '../companies.schemas.js';

const nameTaken = () => new AppError('COMPANY.NAME_TAKEN', { fieldErrors: [{ field: 'name', rule: 'company_taken' }] });
const referenceTaken = (prefix: string) => new AppError('CONTRACT.REFERENCE_TAKEN', { fieldErrors: [{ field: `${prefix}reference`, rule: 'reference_taken' }] });

/** The company's own fields, checked: a compact VAT number and an account manager who is active operator staff. */
const checkedCompany = async (q: Queryable, input: CompanyInput): Promise<CompanyInput> => {
  const problems: FieldError[] = [];
  const vatNumber = input.vatNumber ? normalizeVatNumber(input.vatNumber) : null;
  const vatRule = vatNumber ? vatNumberProblem(vatNumber) : null;
  if (vatRule) problems.push({ field: 'vatNumber', rule: vatRule });
  if (input.accountManagerId && !(await isActiveOperator(q, input.accountManagerId))) problems.push({ field: 'accountManagerId', rule: 'not_operator_staff' });
  if (problems.length) throw new AppError('COMPANY.INVALID', { fieldErrors: problems });
  return { ...input, vatNumber };
};

const checkContract = async (q: Queryable, input: ContractInput, prefix = '') => {
  const problems = contractProblems(input, await catalogProductTypeCodes(q)).map((p) => ({ ...p, field: `${prefix}${p.field}` }));
  if (problems.length) throw new AppError('CONTRACT.INVALID', { fieldErrors: problems });
};

const writeContract = async (tx: Queryable, scope: CompanyScope, actor: Actor, input: ContractInput, prefix = '') => {
  await checkContract(tx, input, prefix);
  if (await contractReferenceTaken(tx, input.reference, scope.companyId)) throw referenceTaken(prefix);
  const before = contractSnapshot(await findContract(tx, scope));
  const after = contractSnapshot(await upsertContract(tx, scope, input));
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await recordAudit(tx, { scope, actor, action: before ? 'contract.updated' : 'contract.created', entityType: 'company', entityId: scope.companyId, before, after });
  }
};

/** The unique indexes settle two saves racing for one name or reference: the loser gets the same 409. */
const mapUniqueViolations = (err: unknown, contractPrefix: string): never => {
  if (isUniqueViolation(err, 'companies_name_uq')) throw nameTaken();
  if (isUniqueViolation(err, 'contracts_reference_uq')) throw referenceTaken(contractPrefix);
  throw err;
};

/** A new customer company, with its contract when given: both are saved, or nothing is. */
export const createCompany = async (db: Db, actor: Actor, input: CreateCompanyInput) => {
  try {
    return await db.transaction(async (tx) => {
      const company = await checkedCompany(tx, input);
      if (await companyNameTaken(tx, company.name)) throw nameTaken();
      const row = await insertCompany(tx, company);
      const scope = scopeOfCompany(row);
      await recordAudit(tx, { scope, actor, action: 'company.created', entityType: 'company', entityId: row.id, before: null, after: companySnapshot(row) });
      if (input.contract) await writeContract(tx, scope, actor, input.contract, 'contract.');
      return { id: row.id };
    });
  } catch (err) {
    return mapUniqueViolations(err, 'contract.');
  }
};

export const updateCompanyDetails = async (db: Db, scope: CompanyScope, actor: Actor, input: CompanyInput) => {
  try {
    await db.transaction(async (tx) => {
      const before = await findCompanyForUpdate(tx, scope);
      if (!before) throw new AppError('COMPANY.NOT_FOUND');
      const company = await checkedCompany(tx, input);
      if (await companyNameTaken(tx, company.name, before.id)) throw nameTaken();
      const after = await updateCompany(tx, scope, company);
      const [b, a] = [companySnapshot(before), companySnapshot(after)];
      if (JSON.stringify(b) !== JSON.stringify(a)) await recordAudit(tx, { scope, actor, action: 'company.updated', entityType: 'company', entityId: before.id, before: b, after: a });
    });
  } catch (err) {
    mapUniqueViolations(err, '');
  }
};

export const saveContract = async (db: Db, scope: CompanyScope, actor: Actor, input: ContractInput) => {
  try {
    await db.transaction(async (tx) => {
      if (!(await findCompanyForUpdate(tx, scope))) throw new AppError('COMPANY.NOT_FOUND');
      await writeContract(tx, scope, actor, input);
    });
  } catch (err) {
    mapUniqueViolations(err, '');
  }
};
