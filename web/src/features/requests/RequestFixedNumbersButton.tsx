import { Button } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportRequestModal } from './SupportRequestModal';

/** No fixed numbers left (Add Service wizard, step 7): file a support request without leaving the wizard. */
export const RequestFixedNumbersButton = ({ company }: { company: string }) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" leftSection={<IconSend size={16} aria-hidden="true" />} onClick={() => setOpened(true)}>
        {t('requests.support.fixed_numbers.button')}
      </Button>
      {opened && (
        <SupportRequestModal topic="fixed_numbers" opened={opened} onClose={() => setOpened(false)} initialMessage={t('requests.support.fixed_numbers.message', { company })} />
      )}
    </>
  );
};
