import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

// Field labels and language names belong to the shared `common` catalogue (the server uses the
// same words in its messages); the `web` catalogue carries them too until `common` has them.
export const useLabels = () => {
  const { t } = useTranslation();
  const field = useCallback((name: string) => t(`fields.${name}`, { ns: ['common', 'web'] }), [t]);
  const language = useCallback(
    (code: string) => t(`languages.${code}`, { ns: ['common', 'web'], defaultValue: code }),
    [t],
  );
  return { field, language };
};
