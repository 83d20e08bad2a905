import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

// Field labels and language names live in the shared `common` catalogue only: the server uses
// the same words in its messages, so a form label and the error under it always agree.
export const useLabels = () => {
  const { t } = useTranslation();
  const field = useCallback((name: string) => t(`fields.${name}`, { ns: 'common' }), [t]);
  const language = useCallback((code: string) => t(`languages.${code}`, { ns: 'common', defaultValue: code }), [t]);
  return { field, language };
};
