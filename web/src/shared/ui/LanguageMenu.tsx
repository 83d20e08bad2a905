import { Menu } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/contract';
import { LANGUAGE_ENDONYMS, LANGUAGES } from '../i18n/i18n';

/** The language switch's menu around its button (loaded apart: see LanguageSwitch). */
export const LanguageMenu = ({
  button,
  active,
  choose,
  openAtOnce = false,
}: {
  button: ReactElement;
  active: Language;
  choose: (language: Language) => void;
  /** The button was pressed before the menu arrived: open as soon as it is here. */
  openAtOnce?: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={180} defaultOpened={openAtOnce}>
      <Menu.Target>{button}</Menu.Target>
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
