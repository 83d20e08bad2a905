import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../shared/api/client';
import type { CompanyTwoFactor, EnrolledSignIn, Me, OwnSessionList, RecoveryCodes, SsoCheck, SsoSettings, SsoSettingsInput, SsoStart, TwoFactorEnrolment, TwoFactorStatus } from '../../shared/api/contract';

const keys = { twoFactor: ['account', 'two-factor'] as const, sessions: ['account', 'sessions'] as const, company: ['company', 'two-factor'] as const };

// ---------------------------------------------------------------- the second step of a sign-in (half signed in: no session yet)

// A 401 here means the second step has ended (expired, too many codes): the page says so, the app does not sign out.
const secondStep = <T>(path: string, body?: unknown) => apiRequest<T>(`/api/auth/second-step/${path}`, { method: 'POST', body: body ?? {}, expectUnauthorized: true });

export const signInWithCode = (input: { code: string } | { recoveryCode: string }) => secondStep<Me>('code', input);
export const startSignInEnrolment = () => secondStep<TwoFactorEnrolment>('enrolment');
export const confirmSignInEnrolment = (code: string) => secondStep<EnrolledSignIn>('enrolment/confirm', { code });

// ---------------------------------------------------------------- one's own second factor and sessions

export const useTwoFactorStatus = () => useQuery({ queryKey: keys.twoFactor, queryFn: ({ signal }) => api.get<TwoFactorStatus>('/api/auth/two-factor', undefined, signal) });

export const useTwoFactorMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.twoFactor });
  return {
    start: () => api.post<TwoFactorEnrolment>('/api/auth/two-factor/enrolment'),
    confirm: (code: string) => api.post<RecoveryCodes>('/api/auth/two-factor/enrolment/confirm', { code }),
    refresh,
    disable: useMutation({
      mutationFn: (input: { password: string; code?: string; recoveryCode?: string }) => api.post<void>('/api/auth/two-factor/disable', input),
      onSuccess: refresh,
    }),
  };
};

export const useOwnSessions = () => useQuery({ queryKey: keys.sessions, queryFn: ({ signal }) => api.get<OwnSessionList>('/api/auth/sessions', undefined, signal) });

export const useSessionMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.sessions });
  return {
    end: useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`), onSuccess: refresh }),
    endOthers: useMutation({ mutationFn: () => api.post<{ ended: number }>('/api/auth/sessions/end-others'), onSuccess: refresh }),
  };
};

// ---------------------------------------------------------------- the company's requirement (administrators)

export const useCompanyTwoFactor = () => useQuery({ queryKey: keys.company, queryFn: ({ signal }) => api.get<CompanyTwoFactor>('/api/company/two-factor', undefined, signal) });

export const useSetCompanyTwoFactor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (required: boolean) => api.put<CompanyTwoFactor>('/api/company/two-factor', { required }),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.company, data);
      return Promise.all([queryClient.invalidateQueries({ queryKey: keys.twoFactor }), queryClient.invalidateQueries({ queryKey: ['audit'] })]);
    },
  });
};

// ---------------------------------------------------------------- single sign-on (the owner sets it up; the company reads it)

const ssoKey = ['company', 'sso'] as const;
export const useSsoSettings = () => useQuery({ queryKey: ssoKey, queryFn: ({ signal }) => api.get<SsoSettings>('/api/company/sso', undefined, signal) });

export const useSaveSsoSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SsoSettingsInput) => api.put<SsoSettings>('/api/company/sso', input),
    onSuccess: (data) => {
      queryClient.setQueryData(ssoKey, data);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
};

/** Whether an address signs in through its company's provider; and the start of such a sign-in (no session yet). */
export const checkSso = (email: string) => apiRequest<SsoCheck>('/api/auth/sso/check', { method: 'POST', body: { email }, expectUnauthorized: true });
export const startSso = (input: { email: string; next?: string; language?: 'en' | 'fr' | 'nl' }) => apiRequest<SsoStart>('/api/auth/sso/start', { method: 'POST', body: input, expectUnauthorized: true });

export const regenerateRecoveryCodes = (input: { password: string } | { code: string }) => api.post<RecoveryCodes>('/api/auth/two-factor/recovery-codes', input);
