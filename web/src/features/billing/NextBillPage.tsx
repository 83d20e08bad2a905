import { ActionIcon, Anchor, Box, Card, EmptyState, Group, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconReceipt, IconUserSearch } from '@tabler/icons-react';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NextBill, NextBillUser } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useListParams } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { userPath } from '../mobile-users/UsersListPage';
import { servicePath } from '../services/ServiceDetailPage';
import { useNextBill } from './api';
import { currentBillingMonth, readBillingMonth, recentMonths } from './billing-month';
import { Amount, BillingLineCells, BillingLineHead } from './BillingLines';

export const NEXT_BILL_PATH = '/self-service/uc-mobile/next-bill';
const MONTHS_OFFERED = 13;
const USERS_PER_PAGE = 20;

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

const useMonthLabel = () => {
  const format = useFormat();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
  }, [format.locale]);
};

const TotalCard = ({ label, cents, hint }: { label: string; cents: number; hint?: ReactNode }) => (
  <Card py="md">
    <Text fz="sm" c="dimmed" fw={600}>
      {label}
    </Text>
    <Text component="div" lh={1.25} mt={4}>
      <Amount cents={cents} strong size={26} />
    </Text>
    {hint && (
      <Text fz="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    )}
  </Card>
);

/** One kind of a user's lines under its heading, or a word that there are none. */
const LineSection = ({ title, none, count, children }: { title: string; none: string; count: number; children: ReactNode }) => (
  <Box>
    <Title order={3} fz="sm" mb={6}>
      {title}
    </Title>
    {count === 0 ? (
      <Text fz="sm" c="dimmed">
        {none}
      </Text>
    ) : (
      children
    )}
  </Box>
);

/** What one user's services cost this month: the recurring charges, then each changed-service line. */
const UserLines = ({ user }: { user: NextBillUser }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (serviceId: string, msisdn: string | null) => (
    <Anchor component={Link} to={servicePath(serviceId)} fz="sm" className="fd-nowrap">
      {msisdn ? format.phone(msisdn) : t('nextBill.service')}
    </Anchor>
  );
  return (
    <Stack gap="md" p="sm" pl={48}>
      <LineSection title={t('nextBill.recurring')} none={t('nextBill.noRecurring')} count={user.recurring.length}>
        <LabelledTable
          label={t('nextBill.recurringOf', { name: user.userName })}
          verticalSpacing={4}
          horizontalSpacing="sm"
          head={
            <>
              <Table.Th w={180}>{t('nextBill.columns.number')}</Table.Th>
              <Table.Th>{t('nextBill.columns.description')}</Table.Th>
              <Table.Th ta="right">{t('billing.columns.amount')}</Table.Th>
            </>
          }
        >
          {user.recurring.map((line) => (
            <Table.Tr key={line.serviceId}>
              <Table.Td>{number(line.serviceId, line.msisdn)}</Table.Td>
              <Table.Td>
                <Text fz="sm">{line.description}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={line.amountCents} />
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      </LineSection>
      <LineSection title={t('nextBill.changes')} none={t('nextBill.noChanges')} count={user.changes.length}>
        <LabelledTable
          label={t('nextBill.changesOf', { name: user.userName })}
          verticalSpacing={4}
          horizontalSpacing="sm"
          head={
            <>
              <Table.Th w={180}>{t('nextBill.columns.number')}</Table.Th>
              <Table.Th>{t('nextBill.columns.date')}</Table.Th>
              <Table.Th>{t('nextBill.columns.reason')}</Table.Th>
              <BillingLineHead />
            </>
          }
        >
          {user.changes.map((line, index) => (
            <Table.Tr key={`${line.serviceId}-${line.code}-${line.kind}-${index}`}>
              <Table.Td>{number(line.serviceId, line.msisdn)}</Table.Td>
              <Table.Td className="fd-nowrap">
                <Text fz="sm">{format.calendarDate(line.occurredOn)}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{t(`nextBill.reason.${line.reason}`)}</Text>
              </Table.Td>
              <BillingLineCells line={line} />
            </Table.Tr>
          ))}
        </LabelledTable>
      </LineSection>
      <LineSection title={t('nextBill.outOfBundle')} none={t('nextBill.noOutOfBundle')} count={user.outOfBundle.length}>
        <LabelledTable
          label={t('nextBill.outOfBundleOf', { name: user.userName })}
          verticalSpacing={4}
          horizontalSpacing="sm"
          head={
            <>
              <Table.Th w={180}>{t('nextBill.columns.number')}</Table.Th>
              <Table.Th>{t('nextBill.columns.description')}</Table.Th>
              <Table.Th ta="right">{t('billing.columns.amount')}</Table.Th>
            </>
          }
        >
          {user.outOfBundle.map((line) => (
            <Table.Tr key={line.serviceId}>
              <Table.Td>{number(line.serviceId, line.msisdn)}</Table.Td>
              <Table.Td>
                <Text fz="sm">{t('nextBill.outOfBundleLine')}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={line.amountCents} />
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      </LineSection>
    </Stack>
  );
};

const COLUMNS = 6;

const BillTable = ({ bill }: { bill: NextBill }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const needle = search.trim().toLowerCase();
  const digits = needle.replace(/\D/g, '');
  // Search by name or number (the last digits of "0470 12 34 56" match "+32470123456").
  const users = needle
    ? bill.users.filter(
        (user) =>
          user.userName.toLowerCase().includes(needle) ||
          (digits.length >= 3 &&
            [...user.recurring, ...user.changes, ...user.outOfBundle].some((line) => line.msisdn?.replace(/\D/g, '').includes(digits.replace(/^0+/, '')))),
      )
    : bill.users;
  const pages = Math.max(1, Math.ceil(users.length / USERS_PER_PAGE));
  const current = Math.min(page, pages);
  const shown = users.slice((current - 1) * USERS_PER_PAGE, current * USERS_PER_PAGE);
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card padding={0}>
      <Group p="md">
        <SearchInput
          label={t('nextBill.searchLabel')}
          placeholder={t('nextBill.searchPlaceholder')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
          onClear={() => setSearch('')}
          busy={false}
        />
      </Group>
      {bill.users.length === 0 ? (
        <EmptyState py={48} icon={<IconReceipt size={28} aria-hidden="true" />} withIndicatorBackground title={t('nextBill.emptyTitle')} description={t('nextBill.emptyHint')} />
      ) : users.length === 0 ? (
        <EmptyState py={48} icon={<IconUserSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('nextBill.noMatch', { q: search.trim() })} />
      ) : (
        <LabelledTable
          label={t('nextBill.tableLabel')}
          minWidth={720}
          horizontalSpacing="sm"
          head={
            <>
              <Table.Th w={44}>
                <VisuallyHidden>{t('nextBill.details')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('nextBill.columns.user')}</Table.Th>
              <Table.Th ta="right">{t('nextBill.recurring')}</Table.Th>
              <Table.Th ta="right">{t('nextBill.changes')}</Table.Th>
              <Table.Th ta="right">{t('nextBill.outOfBundle')}</Table.Th>
              <Table.Th ta="right">{t('billing.total')}</Table.Th>
            </>
          }
          foot={
            <Table.Tr>
              <Table.Td />
              <Table.Th>{t('nextBill.allUsers')}</Table.Th>
              <Table.Td ta="right">
                <Amount cents={bill.recurringTotalCents} strong />
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={bill.changesTotalCents} strong />
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={bill.outOfBundleTotalCents} strong />
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={bill.totalCents} strong />
              </Table.Td>
            </Table.Tr>
          }
        >
          {shown.map((user) => {
            const expanded = open.has(user.mobileUserId);
            const detailId = `bill-user-${user.mobileUserId}`;
            return (
              <Fragment key={user.mobileUserId}>
                <Table.Tr bg={expanded ? 'var(--mantine-color-gray-0)' : undefined}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(user.mobileUserId)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      aria-label={t(expanded ? 'nextBill.hideLines' : 'nextBill.showLines', { name: user.userName })}
                    >
                      {expanded ? <IconChevronDown size={16} aria-hidden="true" /> : <IconChevronRight size={16} aria-hidden="true" />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={userPath(user.mobileUserId)} fz="sm" fw={600}>
                      {user.userName}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {t('nextBill.lineCount', { count: user.recurring.length + user.changes.length + user.outOfBundle.length, formatted: format.number(user.recurring.length + user.changes.length + user.outOfBundle.length) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={sum(user.recurring.map((line) => line.amountCents))} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={sum(user.changes.map((line) => line.amountCents))} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={sum(user.outOfBundle.map((line) => line.amountCents))} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={user.totalCents} strong />
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailId}>
                    <Table.Td colSpan={COLUMNS} p={0} bg="var(--mantine-color-gray-0)">
                      <UserLines user={user} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </LabelledTable>
      )}
      {users.length > USERS_PER_PAGE && (
        <TableFooter>
          <TablePager page={current} pageSize={USERS_PER_PAGE} total={users.length} onPageChange={setPage} />
        </TableFooter>
      )}
    </Card>
  );
};

/** Self-service › UC & Mobile › Next bill: this month's recurring charges and changed-service lines, per user. */
export const NextBillPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const [searchParams, update] = useListParams();
  const thisMonth = currentBillingMonth();
  const month = readBillingMonth(searchParams.get('month'), thisMonth);
  const bill = useNextBill(month);
  const data = bill.data;

  return (
    <Page
      title={t('nav.nextBill')}
      description={t('billing.rule')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.ucMobile') }, { label: t('nav.nextBill') }]}
      actions={
        <Select
          label={t('nextBill.month')}
          data={recentMonths(thisMonth, MONTHS_OFFERED).map((value) => ({ value, label: monthLabel(value) }))}
          value={month}
          onChange={(value) => value && update({ month: value === thisMonth ? null : value })}
          allowDeselect={false}
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
      }
    >
      {bill.isError ? (
        <QueryError error={bill.error} onRetry={() => bill.refetch()} />
      ) : !data ? (
        <Card padding={0}>
          <Table>
            <Table.Tbody>
              <TableSkeletonRows columns={COLUMNS} />
            </Table.Tbody>
          </Table>
        </Card>
      ) : (
        <Stack gap="lg" style={{ opacity: bill.isPlaceholderData ? 0.6 : 1 }} aria-busy={bill.isFetching}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
            <TotalCard label={t('nextBill.recurringTotal')} cents={data.recurringTotalCents} hint={t('nextBill.recurringHint')} />
            <TotalCard label={t('nextBill.changesTotal')} cents={data.changesTotalCents} hint={t('nextBill.changesHint')} />
            <TotalCard label={t('nextBill.outOfBundle')} cents={data.outOfBundleTotalCents} hint={data.month === thisMonth ? t('nextBill.outOfBundleSoFar') : t('nextBill.outOfBundleHint')} />
            <TotalCard
              label={t('nextBill.total', { month: monthLabel(data.month) })}
              cents={data.totalCents}
              hint={t('nextBill.period', { from: format.calendarDate(data.periodStartsOn), to: format.calendarDate(data.periodEndsOn) })}
            />
          </SimpleGrid>
          <BillTable key={data.month} bill={data} />
        </Stack>
      )}
    </Page>
  );
};
