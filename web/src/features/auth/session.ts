import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, apiRequest, rememberCsrfToken } from '../../shared/api/client';
import type { Language, LoginAnswer, Me, Operator } from '../../shared/api/contract';
import { currentLanguage, i18n, storeLanguage } from '../../shared/i18n/i18n';

export const meQueryKey = ['auth', 'me'] as const;

/** The account's language wins over whatever the browser remembered before sign-in. */
const adoptAccountLanguage = async (me: Me): Promise<void> => {
  const language = me.account.language;
  storeLanguage(language);
  if (currentLanguage() !== language) await i18n.changeLanguage(language);
};

const fetchMe = async (): Promise<Me | null> => {
  try {
    const me = await apiRequest<Me>('/api/auth/me', { expectUnauthorized: true });
    rememberCsrfToken(me.csrfToken);
    // Signed in already (reload, new tab): the language saved on the account wins here too.
    await adoptAccountLanguage(me);
    return me;
  } catch (error) {
    // 403: an employee's session (My lines) is signed in, but as no account
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
};

/** The signed-in account, or null when nobody is signed in. */
export const useMe = () =>
  useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity, retry: false });

/** Takes a new session's account in: its token, its language, and nothing cached for a previous account. */
export const useAdoptSession = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (me: Me) => {
      rememberCsrfToken(me.csrfToken);
      // Nothing cached for a previous account may leak into this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'operator' });
      await adoptAccountLanguage(me);
      queryClient.setQueryData(meQueryKey, me);
    },
    [queryClient],
  );
};

/** Signed in (the account), or a second step to take first (`secondStep`: the code, or setting up two-factor sign-in). */
export const useLogin = () => {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiRequest<LoginAnswer>('/api/auth/login', { method: 'POST', body: credentials, expectUnauthorized: true }),
    onSuccess: async (answer) => {
      if ('account' in answer) await adopt(answer);
    },
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await apiRequest<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
    } finally {
      rememberCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'operator' });
      queryClient.setQueryData(meQueryKey, null);
    }
  }, [queryClient]);
};

/** Switches the UI language; once signed in, the account remembers it too. */
export const useChangeLanguage = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (language: Language) => {
      storeLanguage(language);
      await i18n.changeLanguage(language);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (me) {
        const updated = await api.put<Me>('/api/auth/me/language', { language });
        rememberCsrfToken(updated.csrfToken);
        queryClient.setQueryData(meQueryKey, updated);
      }
      // Names of products, bundles and server messages come translated: fetch them again.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
    [queryClient],
  );
};

export const useOperator = () =>
  useQuery({
    queryKey: ['operator'],
    queryFn: () => api.get<Operator>('/api/operator'),
    staleTime: Infinity,
    retry: 1,
  });

/** Where an account lands: the back office, the users of the fleet, or — for billing — the next bill. */
export const homePathFor = (me: Me): string => {
  if (me.account.role === 'operator') return '/back-office/companies';
  return me.account.permissions.includes('services.read') ? '/self-service/uc-mobile/users' : '/self-service/uc-mobile/next-bill';
};
