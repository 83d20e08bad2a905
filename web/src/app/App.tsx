import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { configureApi, isApiError } from '../shared/api/client';
import { currentLanguage } from '../shared/i18n/i18n';
import { meQueryKey } from '../features/auth/session';
import { FullPageLoader } from './guards';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (not found, forbidden, validation) do not get better by asking again.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

configureApi({
  getLanguage: currentLanguage,
  // The session ended (expired, signed out elsewhere): forget it; the guard shows the sign-in page.
  onUnauthorized: () => {
    if (queryClient.getQueryData(meQueryKey)) queryClient.setQueryData(meQueryKey, null);
  },
});

export const App = () => (
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<FullPageLoader />}>
        <RouterProvider router={router} />
      </Suspense>
    </QueryClientProvider>
  </MantineProvider>
);
