import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { Language, Page } from '../../shared/api/types';

// The development mailbox (GET /api/dev/mailbox): only there when the server's DEV_MAILBOX is on.

export type MailboxItem = {
  id: string;
  to: string;
  toName: string | null;
  subject: string;
  template: string;
  language: Language;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  createdAt: string;
};

export type MailboxMessage = MailboxItem & {
  messageId: string;
  delivery: 'smtp' | 'kept_in_outbox' | null;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; cid: string | null; size: number; dataUrl: string }[];
};

export const useMailbox = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['mailbox', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<MailboxItem>>('/api/dev/mailbox', { page, pageSize }, signal),
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
