import { Box, Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../../features/auth/session';
import type { Language } from '../api/contract';
import { LANGUAGE_ENDONYMS, LANGUAGES, currentLanguage } from '../i18n/i18n';
import { notify } from './notify';
import { useProblemMessage } from './problem-message';

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

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={180}>
      <Menu.Target>
        <Button
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
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => choose(language)}
            rightSection={language === active ? <IconCheck size={14} aria-hidden="true" /> : null}
            aria-current={language === active ? 'true' : undefined}
          >
            {LANGUAGE_ENDONYMS[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};
