import { normalizeIccid } from '../../stock/domain/iccid.js';

/**
 * How a donor operator judges a port-in request, as the network simulator plays it. The donor
 * checks the one detail that proves the requester holds the line — the customer number of a
 * postpaid account, the SIM card number of a prepaid card — and refuses with a reason otherwise.
 */
export const REFUSAL_REASONS = ['number_unknown', 'customer_number_mismatch', 'sim_number_mismatch', 'port_already_pending'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type AccountType = 'postpaid' | 'prepaid';

/** A number held at another operator, as the donor register knows it. */
export type DonorEntry = {
  /** E.164, e.g. +32475123456 */
  msisdn: string;
  /** A donor operator code (services/domain/donor-operators.ts) */
  operator: string;
  accountType: AccountType;
  /** Postpaid: the account's customer number at the donor. */
  customerNumber: string | null;
  /** Prepaid: the ICCID of the donor's SIM card. */
  simNumber: string | null;
  holderName: string;
};

export type PortInDetails = {
  accountType: AccountType;
  customerNumber?: string | null | undefined;
  donorSimNumber?: string | null | undefined;
};

export type PortInVerdict = { accepted: true } | { accepted: false; reason: RefusalReason; message: string };

/**
 * Customer numbers are copied from invoices that print them as "123.456.789", "123-456-789" or
 * "bc 1234": spaces, dots and dashes carry no meaning, nor does letter case.
 */
export const normalizeCustomerNumber = (input: string) => input.replace(/[\s.-]/g, '').toUpperCase();

export const sameCustomerNumber = (given: string | null | undefined, onRecord: string) => {
  const normalized = normalizeCustomerNumber(given ?? '');
  return normalized !== '' && normalized === normalizeCustomerNumber(onRecord);
};

/** SIM numbers are typed in the groups printed on the card; the ICCID rules drop the separators. */
export const sameSimNumber = (given: string | null | undefined, onRecord: string) => {
  const normalized = normalizeIccid(given ?? '');
  return normalized !== '' && normalized === normalizeIccid(onRecord);
};

const refuse = (reason: RefusalReason, message: string): PortInVerdict => ({ accepted: false, reason, message });

/**
 * The donor's answer. A number nobody holds is refused first (there is no donor to ask), then a
 * number already on its way somewhere, then wrong details. The donor operator the requester named
 * is not checked: in Belgium the central porting database routes a request by number, so the
 * current operator answers whichever one was named. The holder name is not compared either: it is
 * typed freely ("Acme Logistics" for "Acme Logistics NV") and donors refuse on the account proof.
 */
export const judgePortIn = (entry: DonorEntry | null, details: PortInDetails, portPending: boolean): PortInVerdict => {
  if (!entry) return refuse('number_unknown', 'No operator holds this number: it is not in the donor register.');
  if (portPending) return refuse('port_already_pending', 'A port-in of this number is already in progress.');
  // The donor goes by its own records of the line, whatever account type the request declared.
  if (entry.accountType === 'postpaid') {
    if (sameCustomerNumber(details.customerNumber, entry.customerNumber ?? '')) return { accepted: true };
    return details.customerNumber
      ? refuse('customer_number_mismatch', 'The customer number does not match the records of the donor operator for this number.')
      : refuse('customer_number_mismatch', 'The number is on a postpaid account: the donor operator needs the customer number of the account.');
  }
  if (sameSimNumber(details.donorSimNumber, entry.simNumber ?? '')) return { accepted: true };
  return details.donorSimNumber
    ? refuse('sim_number_mismatch', 'The SIM card number does not match the records of the donor operator for this number.')
    : refuse('sim_number_mismatch', 'The number is on a prepaid card: the donor operator needs the number of its SIM card.');
};
