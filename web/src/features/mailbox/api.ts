import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { MailboxMessage, MailboxPage } from '../../shared/api/contract';

// The development mailbox (GET /api/dev/mailbox): only there when the server's DEV_MAILBOX is on.

export const useMailbox = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['mailbox', page, pageSize],
    queryFn: ({ signal }) => api.get<MailboxPage>('/api/dev/mailbox', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    // new mail arrives while the page is open (the demo's activation e-mails)
    refetchInterval: 5000,
  });

export const useMailboxMessage = (id: string | null) =>
  useQuery({
    queryKey: ['mailbox', 'message', id],
    queryFn: ({ signal }) => api.get<MailboxMessage>(`/api/dev/mailbox/${id}`, undefined, signal),
    enabled: id !== null,
  });
