import { Alert, Button, Card, Center, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../shared/ui/use-page-title';

/** What went wrong, in the words the error itself gives (for the person, and for support). */
const describe = (error: unknown): string => {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return error.message || error.name;
  return String(error);
};

const ErrorReport = ({ error, hint }: { error: unknown; hint: string }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('problem.pageFailed')} role="alert">
        <Text fz="sm">{hint}</Text>
        <Text fz="xs" c="dimmed" mt="xs">
          {t('problem.whatHappened')}
        </Text>
        <Code block mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {describe(error)}
        </Code>
      </Alert>
      <Group gap="sm">
        {/* a fresh load of the same address: the wizard's choices and list filters live there */}
        <Button leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={() => window.location.reload()}>
          {t('actions.retry')}
        </Button>
        <Button component={Link} to="/" variant="default">
          {t('notFound.home')}
        </Button>
      </Group>
    </Stack>
  );
};

/**
 * One page of the portal failed to render: said in place of the page, inside the portal's shell, so
 * the menu, the account and the other pages keep working.
 */
export const PageError = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('problem.pageFailed'));
  if (import.meta.env.DEV) console.error(error);
  return (
    <Card>
      <ErrorReport error={error} hint={t('problem.pageFailedInShell')} />
    </Card>
  );
};

/** Last resort when a page outside the shell (sign-in, activation link) fails to render. */
export const RouteError = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Center mih="60vh" p="md" component="main">
      <Stack maw={560}>
        <ErrorReport error={error} hint={t('problem.pageFailedHint')} />
      </Stack>
    </Center>
  );
};
