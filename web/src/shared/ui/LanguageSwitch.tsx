import { Box, Button } from '@mantine/core';
import { IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../../features/auth/session';
import type { Language } from '../api/contract';
import { LANGUAGE_ENDONYMS, currentLanguage } from '../i18n/i18n';
import { notify } from './notify';
import { useProblemMessage } from './problem-message';
import { useIdle } from './use-idle';

// The menu and the positioning code it needs are a fifth of the sign-in page's JavaScript: the button
// is drawn at once and the menu put around it once the browser is idle, a moment later.
const LanguageMenu = lazy(() => import('./LanguageMenu').then((m) => ({ default: m.LanguageMenu })));

/** English · Français · Nederlands — each shown in its own language. */
export const LanguageSwitch = ({ variant = 'subtle' }: { variant?: 'subtle' | 'default' }) => {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const message = useProblemMessage();
  const active = (i18n.resolvedLanguage ?? currentLanguage()) as Language;

  const choose = (language: Language) => {
    changeLanguage(language).catch((error: unknown) =>
      notify({ color: 'red', title: t('language.saveFailed'), message: message(error) }),
    );
  };

  const idle = useIdle();
  // a click before the menu has arrived is not lost: it fetches the menu now and opens it on arrival
  const [wanted, setWanted] = useState(false);
  const button = (
    <Button
      onClick={() => setWanted(true)}
      variant={variant}
      color="gray"
      size="sm"
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      rightSection={<IconChevronDown size={14} aria-hidden="true" />}
      aria-label={t('language.switch', { language: LANGUAGE_ENDONYMS[active] })}
    >
      <Box component="span" visibleFrom="xs">
        {LANGUAGE_ENDONYMS[active]}
      </Box>
      <Box component="span" hiddenFrom="xs">
        {active.toUpperCase()}
      </Box>
    </Button>
  );
  if (!idle && !wanted) return button;
  return (
    <Suspense fallback={button}>
      <LanguageMenu button={button} active={active} choose={choose} openAtOnce={wanted} />
    </Suspense>
  );
};
