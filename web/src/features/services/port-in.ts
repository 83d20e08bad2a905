import type { AccountType } from '../../shared/api/contract';

// The donor's details of a port-in, as the wizard's number step and "Correct and resubmit" of a
// refused port-in both ask for them. The server checks them with one rule set
// (services/domain/wizard-rules.ts › portInDetailProblems); this only spares a round trip for what
// is plainly missing, and names every missing field at once.

export type PortInField = 'msisdn' | 'donorOperator' | 'accountType' | 'customerNumber' | 'donorSimNumber' | 'holderName';

export type PortInValues = {
  donorOperator: string | null;
  accountType: AccountType | null;
  customerNumber: string;
  donorSimNumber: string;
  holderName: string;
};

/** The fields in the order the form shows them (the first one with a problem takes the focus). */
export const PORT_IN_FIELDS: readonly PortInField[] = ['msisdn', 'donorOperator', 'accountType', 'customerNumber', 'donorSimNumber', 'holderName'];

/**
 * The label of each field, a key of `fields.*` in the common catalogue: the form and the server's
 * messages both name a field with it. The number being ported in is "Number to port", not the
 * "Mobile number" of a new line.
 */
export const PORT_IN_LABELS: Record<PortInField, string> = {
  msisdn: 'portMsisdn',
  donorOperator: 'donorOperator',
  accountType: 'accountType',
  customerNumber: 'customerNumber',
  donorSimNumber: 'donorSimNumber',
  holderName: 'holderName',
};

/** Postpaid lines are known by the customer number at the donor, prepaid ones by the SIM card number. */
export const accountField = (accountType: AccountType | null): 'customerNumber' | 'donorSimNumber' | null =>
  accountType === 'postpaid' ? 'customerNumber' : accountType === 'prepaid' ? 'donorSimNumber' : null;

/** Every field that is still empty, all at once; `msisdn` only when the form asks for the number (the wizard). */
export const missingPortInFields = (values: PortInValues & { msisdn?: string }): PortInField[] => {
  const missing = new Set<PortInField>();
  if (values.msisdn !== undefined && !values.msisdn.trim()) missing.add('msisdn');
  if (!values.donorOperator) missing.add('donorOperator');
  if (!values.accountType) missing.add('accountType');
  const account = accountField(values.accountType);
  if (account && !values[account].trim()) missing.add(account);
  if (!values.holderName.trim()) missing.add('holderName');
  return PORT_IN_FIELDS.filter((field) => missing.has(field));
};

/** What the API takes: the one account detail that applies, everything trimmed. */
export const portInDetailsInput = (values: PortInValues) => {
  const accountType = values.accountType ?? 'postpaid';
  return {
    donorOperator: values.donorOperator ?? '',
    accountType,
    ...(accountType === 'postpaid' ? { customerNumber: values.customerNumber.trim() } : { donorSimNumber: values.donorSimNumber.trim() }),
    holderName: values.holderName.trim(),
  };
};
