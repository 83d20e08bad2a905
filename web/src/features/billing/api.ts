import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { Chargeback, NextBill } from '../../shared/api/contract';


// "Billing – changed services". Money is integer euro cents; credits are negative amounts.

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

export const useChargeback = (month: string) =>
  useQuery({
    queryKey: ['billing', 'chargeback', month] as const,
    queryFn: ({ signal }) => api.get<Chargeback>('/api/billing/chargeback', { month }, signal),
    placeholderData: keepPreviousData,
  });

export const chargebackExportHref = (month: string) => `/api/billing/chargeback.csv?${new URLSearchParams({ month })}`;
