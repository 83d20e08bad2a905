import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort when a page fails to render: say so, and offer a way out. */
export const RouteError = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Center mih="60vh" p="md" component="main">
      <Stack maw={480}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('problem.pageFailed')} role="alert">
          {t('problem.pageFailedHint')}
        </Alert>
        <Button onClick={() => window.location.assign('/')}>{t('notFound.home')}</Button>
      </Stack>
    </Center>
  );
};
