import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { useCan } from '../auth/can';
import { APPROVALS_PATH, useApprovalSummary } from './api';
import { ApprovalButtons, DecisionModal, type Deciding } from './ApprovalParts';

/** The dashboard's card: how many orders wait for approval, the latest of them with their buttons, and the way to all. */
export const PendingApprovalsCard = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const canRead = useCan('services.read');
  const summary = useApprovalSummary(canRead);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const data = summary.data;
  // a company without the rule and nothing waiting has nothing to show here
  if (!canRead || !data || (data.thresholdCents === null && data.pending === 0)) return null;
  return (
    <Card component="section" aria-labelledby="pending-approvals-title">
      <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2} fz="md" id="pending-approvals-title">
            {t('approvals.card.title')}
          </Title>
          <Badge color={data.pending > 0 ? 'yellow' : 'gray'} variant="light" radius="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {format.number(data.pending)}
          </Badge>
        </Group>
        <Anchor component={Link} to={APPROVALS_PATH} fz="sm">
          {t('approvals.card.openAll')}
        </Anchor>
      </Group>
      {data.latest.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {data.thresholdCents !== null ? t('approvals.card.none', { amount: format.money(data.thresholdCents) }) : t('approvals.emptyPending')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('approvals.card.title')}>
          {data.latest.map((a) => (
            <Box component="li" key={a.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
                <Box style={{ minWidth: 0 }}>
                  <Text fz="sm" fw={600} lineClamp={1}>
                    {a.subject}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {t('approvals.card.line', {
                      kind: t(`approvals.kind.${a.kind}`),
                      amount: t(a.kind === 'bundle_change' ? 'approvals.increasePerMonth' : 'approvals.perMonth', { amount: format.money(a.monthlyAmountCents) }),
                      requester: a.requestedBy,
                    })}
                  </Text>
                </Box>
                <ApprovalButtons approval={a} onDecide={setDeciding} />
              </Group>
            </Box>
          ))}
        </Stack>
      )}
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
};
