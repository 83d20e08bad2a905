import { Anchor, Button, Card, Group, NumberInput, Select, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChecklist, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { notify } from '../../shared/ui/notify';
import { Page } from '../../shared/ui/Page';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useCan } from '../auth/can';
import { APPROVAL_STATUSES, isApprovalStatus, useApprovalMutations, useApprovals, useApprovalSettings, type ApprovalListParams } from './api';
import { ApprovalButtons, ApprovalStatusBadge, DecisionModal, type Deciding } from './ApprovalParts';

const readParams = (sp: URLSearchParams): ApprovalListParams => {
  const status = sp.get('status');
  // pending first: what waits for someone is what the page is for
  return { q: sp.get('q') ?? '', status: status === 'all' ? null : isApprovalStatus(status) ? status : 'pending', ...readPaging(sp) };
};

/** The company's rule: off, or a monthly amount above which an order waits. The owner changes it; everyone else reads it. */
const ApprovalRuleCard = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const canConfigure = useCan('approvals.configure');
  const settings = useApprovalSettings();
  const { saveSettings } = useApprovalMutations();
  const current = settings.data?.thresholdCents ?? null;
  const [on, setOn] = useState(false);
  const [amount, setAmount] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setOn(current !== null);
    setAmount(current !== null ? current / 100 : '');
  }, [current]);
  const save = async () => {
    setFailure(null);
    const euros = typeof amount === 'number' ? amount : Number.NaN;
    if (on && (!Number.isFinite(euros) || euros < 0)) {
      setError(t('approvals.rule.amountRequired'));
      return;
    }
    try {
      await saveSettings.mutateAsync({ thresholdCents: on ? Math.round(euros * 100) : null });
      notify({ color: 'green', title: t('approvals.rule.saved'), message: on ? t('approvals.rule.on', { amount: format.money(Math.round(euros * 100)) }) : t('approvals.rule.off') });
    } catch (e) {
      setFailure(problemMessage(e));
    }
  };
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('approvals.rule.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {settings.data ? (current === null ? t('approvals.rule.off') : t('approvals.rule.on', { amount: format.money(current) })) : '…'}
        </Text>
        {canConfigure && settings.data && (
          <>
            <ProblemAlert>{failure}</ProblemAlert>
            <Group align="flex-end" gap="md" wrap="wrap">
              <Switch label={t('approvals.rule.switch')} checked={on} onChange={(e) => setOn(e.currentTarget.checked)} />
              <NumberInput
                label={t('approvals.rule.amount')}
                description={t('approvals.rule.amountHint')}
                disabled={!on}
                min={0}
                decimalScale={2}
                fixedDecimalScale
                decimalSeparator={format.locale.startsWith('en') ? '.' : ','}
                prefix="€ "
                value={amount}
                error={error}
                onChange={(v) => {
                  setAmount(v);
                  setError(null);
                }}
                w={220}
              />
              <Button onClick={() => void save()} loading={saveSettings.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
                {t('approvals.rule.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
};

/** Self-service › Approvals: orders above the company's monthly amount, waiting for a second person, and those decided. */
export const ApprovalsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useApprovals(params);
  const box = useSearchBox(params.q, update);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const filtered = Boolean(params.q);
  return (
    <Page title={t('nav.approvals')} description={t('approvals.intro')} breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.approvals') }]}>
      <ApprovalRuleCard />
      <ListScaffold
        query={query}
        search={{ label: t('approvals.searchLabel'), placeholder: t('approvals.searchPlaceholder'), box }}
        filters={
          <Select
            label={t('approvals.statusFilter')}
            value={params.status ?? 'all'}
            onChange={(value) => update({ status: value === 'pending' ? null : value, page: null })}
            data={[...APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`approvals.status.${s}`) })), { value: 'all', label: t('approvals.allStatuses') }]}
            allowDeselect={false}
            w={250}
            comboboxProps={{ withinPortal: true }}
          />
        }
        empty={
          filtered ? (
            <NoMatch title={t('approvals.noMatch')} onClear={box.clear} clearLabel={t('approvals.clearSearch')} />
          ) : (
            <ListEmpty icon={<IconChecklist size={28} aria-hidden="true" />} title={t(params.status === 'pending' ? 'approvals.emptyPending' : 'approvals.empty')} description={t('approvals.emptyHint')} />
          )
        }
        table={{
          label: t('approvals.tableLabel'),
          minWidth: 960,
          columns: 5,
          head: (
            <>
              <Table.Th>{t('approvals.columns.order')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('approvals.columns.amount')}</Table.Th>
              <Table.Th>{t('approvals.columns.requestedBy')}</Table.Th>
              <Table.Th>{t('approvals.columns.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('approvals.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </>
          ),
        }}
        row={(a) => (
          <Table.Tr key={a.id} style={{ verticalAlign: 'top' }}>
            <Table.Td maw={340}>
              <Text fz="sm" fw={600}>
                {a.serviceId ? (
                  <Anchor component={Link} to={`/self-service/uc-mobile/services/${a.serviceId}`} fz="sm" fw={600}>
                    {a.subject}
                  </Anchor>
                ) : a.importId ? (
                  <Anchor component={Link} to={`/self-service/uc-mobile/users/import/${a.importId}`} fz="sm" fw={600}>
                    {a.subject}
                  </Anchor>
                ) : (
                  a.subject
                )}
              </Text>
              <Text fz="xs" c="dimmed">
                {t(`approvals.kind.${a.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} className="fd-nowrap">
              <Text fz="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t(a.kind === 'bundle_change' ? 'approvals.increasePerMonth' : 'approvals.perMonth', { amount: format.money(a.monthlyAmountCents) })}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('approvals.above', { amount: format.money(a.thresholdCents) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{a.requestedBy}</Text>
              <Text fz="xs" c="dimmed" component="time" dateTime={a.requestedAt}>
                {format.dateTime(a.requestedAt)}
              </Text>
            </Table.Td>
            <Table.Td maw={300}>
              <ApprovalStatusBadge status={a.status} />
              {a.decidedBy && (
                <Text fz="xs" c="dimmed" mt={4}>
                  {t('approvals.decidedBy', { name: a.decidedBy, date: a.decidedAt ? format.dateTime(a.decidedAt) : '' })}
                </Text>
              )}
              {a.reason && (
                <Text fz="xs" mt={2}>
                  {a.reason}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <ApprovalButtons approval={a} onDecide={setDeciding} />
            </Table.Td>
          </Table.Tr>
        )}
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Page>
  );
};
