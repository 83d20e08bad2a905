import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

// Field labels and language names live in the shared `common` catalogue only: the server uses
// the same words in its messages, so a form label and the error under it always agree.
export const useLabels = () => {
  const { t } = useTranslation();
  const field = useCallback((name: string) => t(`fields.${name}`, { ns: 'common' }), [t]);
  const language = useCallback((code: string) => t(`languages.${code}`, { ns: 'common', defaultValue: code }), [t]);
  // The server records its own steps (jobs, the network's answers) under the actor name "system".
  const actor = useCallback((name: string) => (name === 'system' ? t('actors.system', { ns: 'common' }) : name), [t]);
  return { field, language, actor };
};
