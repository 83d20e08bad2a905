import { Button } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { SupportRequestModal } from './SupportRequestModal';

/**
 * "Report a problem" on an active service: when the employee's line still does not work after the
 * usual steps (flight mode, restart — the activation seed's troubleshooting), the administrator
 * escalates it to the operator's support as a request, which then appears under Requests.
 */
export const ReportProblemButton = ({ service }: { service: { id: string; msisdn: string | null; userName: string; serviceType: { name: string } } }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, setOpened] = useState(false);
  const what = service.msisdn ? `${service.serviceType.name} ${format.phone(service.msisdn)}` : service.serviceType.name;
  return (
    <>
      <Button variant="default" leftSection={<IconLifebuoy size={16} aria-hidden="true" />} onClick={() => setOpened(true)}>
        {t('requests.support.service_problem.button')}
      </Button>
      {opened && (
        <SupportRequestModal
          topic="service_problem"
          opened={opened}
          onClose={() => setOpened(false)}
          serviceId={service.id}
          context={t('requests.support.service_problem.context', { what, name: service.userName })}
          initialMessage=""
        />
      )}
    </>
  );
};
