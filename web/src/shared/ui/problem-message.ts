import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** The text to show for a failed request: the server's translated detail when there is one. */
export const useProblemMessage = () => {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (isApiError(error)) {
        if (error.status === 0) return t('problem.network');
        if (error.detail) return error.detail;
        if (error.status === 404) return t('problem.notFound');
        if (error.status === 403) return t('problem.forbidden');
        if (error.status === 429) return t('problem.rateLimited');
      }
      return t('problem.unexpected');
    },
    [t],
  );
};
