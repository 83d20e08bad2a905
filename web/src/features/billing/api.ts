import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

// "Billing – changed services". Money is integer euro cents;
// credits are negative amounts.

export type PricedItem = { code: string; name: string; monthlyPriceCents: number };

export type BillingLine = {
  code: string;
  name: string;
  kind: 'charge' | 'credit';
  days: number;
  daysInMonth: number;
  amountCents: number;
};

export type BillingImpact = {
  /** YYYY-MM-DD, Brussels: the day the change takes effect (today). */
  effectiveOn: string;
  before: { bundle: PricedItem; options: PricedItem[]; monthlyPriceCents: number };
  after: { bundle: PricedItem; options: PricedItem[]; monthlyPriceCents: number };
  lines: BillingLine[];
  totalCents: number;
  monthlyDifferenceCents: number;
};

export type NextBillChange = BillingLine & {
  serviceId: string;
  msisdn: string | null;
  occurredOn: string;
  reason: 'new_service' | 'change' | 'deletion';
};

export type NextBillUser = {
  mobileUserId: string;
  userName: string;
  recurring: { serviceId: string; msisdn: string | null; description: string; amountCents: number }[];
  changes: NextBillChange[];
  totalCents: number;
};

export type NextBill = {
  month: string;
  periodStartsOn: string;
  periodEndsOn: string;
  users: NextBillUser[];
  recurringTotalCents: number;
  changesTotalCents: number;
  totalCents: number;
};

export const billingKeys = {
  all: ['billing'] as const,
  nextBill: (month: string) => ['billing', 'next-bill', month] as const,
};

export const useNextBill = (month: string) =>
  useQuery({
    queryKey: billingKeys.nextBill(month),
    queryFn: ({ signal }) => api.get<NextBill>('/api/billing/next-bill', { month }, signal),
    placeholderData: keepPreviousData,
  });
