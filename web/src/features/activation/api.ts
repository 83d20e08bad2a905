import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import type { ActivationView, EmployeePuk, LossCause, ServiceStatus } from '../../shared/api/contract';
import { i18n } from '../../shared/i18n/i18n';

// The employee's activation page: public, reached only through the personal link of the
// activation e-mail. No session, no account; the token in the address is the key.

/** The network is working on the line: the page asks again every few seconds. */
export const IN_PROGRESS: readonly ServiceStatus[] = ['activation_started', 'provisioning', 'porting'];
const POLL_MS = 5000;

const activationKey = (token: string) => ['activation', token] as const;
const activationPath = (token: string) => `/api/activation/${encodeURIComponent(token)}`;

// The page opens in the employee's language (from the server) once per link and page load;
// after that the language switch is theirs.
const adopted = new Set<string>();

const fetchActivation = async (token: string, signal: AbortSignal): Promise<ActivationView> => {
  const view = await api.get<ActivationView>(activationPath(token), undefined, signal);
  if (!adopted.has(token)) {
    adopted.add(token);
    if (i18n.resolvedLanguage !== view.language) await i18n.changeLanguage(view.language);
  }
  return view;
};

export const useActivation = (token: string) =>
  useQuery({
    queryKey: activationKey(token),
    queryFn: ({ signal }) => fetchActivation(token, signal),
    staleTime: 0,
    // a link that is not valid (404) or a rate limit (429) does not get better by asking again at once
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    refetchInterval: (query) => (query.state.data && IN_PROGRESS.includes(query.state.data.status) ? POLL_MS : false),
    refetchIntervalInBackground: false,
  });

const useActivationMutation = <TInput,>(token: string, send: (input: TInput) => Promise<ActivationView>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => queryClient.setQueryData(activationKey(token), view),
  });
};

/** A physical SIM card that was not pre-filled: its number starts the activation. */
export const useEnterSim = (token: string) =>
  useActivationMutation(token, (iccid: string) => api.post<ActivationView>(`${activationPath(token)}/sim`, { iccid }));

/** A replacement card of a live line, ordered by the administrator: its number starts the swap (the old card works until then). */
export const useEnterReplacementSim = (token: string) =>
  useActivationMutation(token, (iccid: string) => api.post<ActivationView>(`${activationPath(token)}/replacement-sim`, { iccid }));

/** eSIM or pre-filled SIM card: starts the activation; for an eSIM the answer carries the QR code. */
export const useActivate = (token: string) =>
  useActivationMutation(token, () => api.post<ActivationView>(`${activationPath(token)}/activate`));

/** The employee's own PUK: asked for on purpose (each look is an audit line), never kept in the page's data. */
export const useEmployeePuk = (token: string) => useMutation({ mutationFn: () => api.get<EmployeePuk>(`${activationPath(token)}/puk`) });

/** The employee's phone is lost or stolen: the line is barred at once; the answer is the page as it is now. */
export const useReportLostByEmployee = (token: string) =>
  useActivationMutation(token, (cause: LossCause) => api.post<ActivationView>(`${activationPath(token)}/report-lost`, { cause }));
