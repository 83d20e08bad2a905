import { Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useCompanyTwoFactor, useSetCompanyTwoFactor } from './api';

/** Company & contract › Sign-in security: require two-factor sign-in of every account of the company. */
export const CompanyTwoFactorPanel = () => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const setting = useCompanyTwoFactor();
  const change = useSetCompanyTwoFactor();
  const [failure, setFailure] = useState<string | null>(null);
  const toggle = async (required: boolean) => {
    setFailure(null);
    try {
      await change.mutateAsync(required);
      notify({ color: 'green', title: t('companyTwoFactor.saved'), message: required ? t('companyTwoFactor.nowRequired') : t('companyTwoFactor.nowOptional') });
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  return (
    <Card padding="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('companyTwoFactor.title')}
        </Title>
        <ProblemAlert>{failure}</ProblemAlert>
        <QueryContent query={setting} skeletons={[60]}>
          {(s) => (
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
              <Stack gap={4}>
                <Text fz="sm">{t('companyTwoFactor.text')}</Text>
                {s.accountsWithout > 0 && (
                  <Text fz="sm" c="dimmed">
                    {t('companyTwoFactor.without', { count: s.accountsWithout })}
                  </Text>
                )}
              </Stack>
              <Switch size="md" checked={s.required} disabled={change.isPending} onChange={(e) => void toggle(e.currentTarget.checked)} label={t('companyTwoFactor.switch')} labelPosition="left" />
            </Group>
          )}
        </QueryContent>
      </Stack>
    </Card>
  );
};
