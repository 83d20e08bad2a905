import { Anchor, Button, Card, DataList, EmptyState, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconDeviceMobileOff, IconHistory, IconList, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { MobileUser } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { ListEmpty } from '../../shared/ui/ListScaffold';
import { positiveInt } from '../../shared/ui/list-params';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { Dash, SimSummary } from '../../shared/ui/values';
import { NotFoundContent } from '../../app/NotFoundPage';
import { AuditList } from '../audit/AuditTable';
import { useMobileUser, useMobileUserAudit } from './api';
import { useSelfServiceCrumbs } from './crumbs';
import { ServiceStatusBadge } from './ServiceStatusBadge';
import { userPath } from './UsersListPage';
import { addServicePath } from '../services/wizard/AddServicePage';
import { servicePath } from '../services/ServiceDetailPage';
import { Detail } from '../../shared/ui/DetailCard';
import { useCan } from '../auth/can';

const HISTORY_PAGE_SIZE = 10;

const DetailsCard = ({ user }: { user: MobileUser }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  return (
    <Card>
      <Title order={2} fz="lg" mb="md">
        {t('userView.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="sm">
        <DataList labelWidth={170} gap="sm">
          <Detail label={labels.field('email')}>
            <Anchor href={`mailto:${user.email}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Anchor>
          </Detail>
          <Detail label={labels.field('language')}>{labels.language(user.language)}</Detail>
          <Detail label={t('userView.numbers')}>
            {user.numbers.length ? (
              <span className="fd-nowrap">{user.numbers.map((number) => format.phone(number)).join(', ')}</span>
            ) : (
              <Dash />
            )}
          </Detail>
          <Detail label={t('userView.createdAt')}>{format.dateTime(user.createdAt)}</Detail>
        </DataList>
        <DataList labelWidth={170} gap="sm">
          <Detail label={labels.field('department')}>{user.department ?? <Dash />}</Detail>
          <Detail label={labels.field('costCentre')}>{user.costCentre ?? <Dash />}</Detail>
          <Detail label={labels.field('officeId')}>{user.officeName ?? <Dash />}</Detail>
          <Detail label={t('userView.updatedAt')}>{format.dateTime(user.updatedAt)}</Detail>
        </DataList>
      </SimpleGrid>
    </Card>
  );
};

const ServicesTable = ({ user }: { user: MobileUser }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (user.services.length === 0) {
    return (
      <EmptyState
        py={40}
        icon={<IconDeviceMobileOff size={28} aria-hidden="true" />}
        withIndicatorBackground
        title={t('userView.noServices')}
        description={t('userView.noServicesHint')}
      />
    );
  }
  const price = (cents: number | undefined) => (cents === undefined ? null : format.money(cents));
  return (
    <LabelledTable
      label={t('userView.services')}
      minWidth={1040}
      verticalSpacing="xs"
      head={
        <>
          <Table.Th>{t('userView.columns.serviceType')}</Table.Th>
          <Table.Th>{t('userView.columns.bundle')}</Table.Th>
          <Table.Th ta="right">{t('userView.columns.monthly')}</Table.Th>
          <Table.Th>{t('userView.columns.number')}</Table.Th>
          <Table.Th>{t('userView.columns.sim')}</Table.Th>
          <Table.Th>{t('userView.columns.status')}</Table.Th>
          <Table.Th>{t('userView.columns.dates')}</Table.Th>
        </>
      }
    >
      {user.services.map((service) => (
        <Table.Tr key={service.id}>
          <Table.Td>
            <Anchor component={Link} to={servicePath(service.id)} fz="sm" fw={600}>
              {service.serviceType.name}
            </Anchor>
            <Text fz="xs" c="dimmed">
              {service.productType.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text fz="sm">
              {service.bundle.name}
              {price(service.bundle.monthlyPriceCents) && (
                <Text span fz="xs" c="dimmed" className="fd-nowrap">
                  {' '}
                  · {price(service.bundle.monthlyPriceCents)}
                </Text>
              )}
            </Text>
            {service.options?.map((option) => (
              <Text key={option.code} fz="xs" c="dimmed">
                + {option.name} · <span className="fd-nowrap">{format.money(option.monthlyPriceCents)}</span>
              </Text>
            ))}
          </Table.Td>
          <Table.Td ta="right" className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {service.monthlyPriceCents !== undefined ? <Text fz="sm">{format.money(service.monthlyPriceCents)}</Text> : <Dash />}
          </Table.Td>
          <Table.Td className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {service.msisdn ? <Text fz="sm">{format.phone(service.msisdn)}</Text> : !service.fixedNumber && <Dash />}
            {service.fixedNumber && (
              <Text fz="xs" c="dimmed">
                {t('userView.fixedNumber', { number: format.phone(service.fixedNumber) })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <SimSummary sim={service.sim} />
          </Table.Td>
          <Table.Td>
            <ServiceStatusBadge status={service.status} />
          </Table.Td>
          <Table.Td className="fd-nowrap">
            <ServiceDates service={service} />
          </Table.Td>
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};

/** Active since, or else saved on; and the end, for a service that ended. */
const ServiceDates = ({ service }: { service: MobileUser['services'][number] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = [
    service.activatedAt ? t('userView.dates.activated', { date: format.date(service.activatedAt) }) : service.createdAt ? t('userView.dates.created', { date: format.date(service.createdAt) }) : null,
    service.endedAt ? t('userView.dates.ended', { date: format.date(service.endedAt) }) : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return <Dash />;
  return (
    <>
      {lines.map((line, index) => (
        <Text key={line} fz={index === 0 ? 'sm' : 'xs'} c={index === 0 ? undefined : 'dimmed'}>
          {line}
        </Text>
      ))}
    </>
  );
};

const UserHistory = ({ userId, page, onPageChange }: { userId: string; page: number; onPageChange: (page: number) => void }) => {
  const { t } = useTranslation();
  const history = useMobileUserAudit(userId, page, HISTORY_PAGE_SIZE);
  return (
    <AuditList
      framed={false}
      query={history}
      label={t('userView.history')}
      withSubject={false}
      empty={<ListEmpty icon={<IconHistory size={28} aria-hidden="true" />} title={t('userView.noHistory')} />}
      // one page is the usual case: no pager for it
      pager={history.data && history.data.total > HISTORY_PAGE_SIZE ? { page, pageSize: HISTORY_PAGE_SIZE, onPageChange } : undefined}
    />
  );
};

export const UserViewPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useSelfServiceCrumbs(true);
  const user = useMobileUser(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'history' ? 'history' : 'services';
  const historyPage = positiveInt(searchParams.get('historyPage'));

  if (user.isError && isApiError(user.error) && user.error.status === 404) {
    return <NotFoundContent title={t('userView.notFound')} description={t('userView.notFoundHint')} backTo="/self-service/uc-mobile/users" backLabel={t('userView.backToUsers')} />;
  }

  const data = user.data;
  const mayChange = useCan('services.change');
  const name = data ? `${data.firstName} ${data.lastName}` : '';

  return (
    <Page
      title={data ? name : t('status.loading')}
      breadcrumbs={crumbs}
      description={data?.email}
      actions={
        data && mayChange && (
          <>
            <Button component={Link} to={`${userPath(data.id)}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />}>
              {t('actions.edit')}
            </Button>
            <Button component={Link} to={addServicePath(data.id)} leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('wizard.title')}
            </Button>
          </>
        )
      }
    >
      <QueryContent query={user} skeletons={[180, 240]}>
        {(data) => (
          <Stack gap="lg">
            <DetailsCard user={data} />
            <Card padding={0}>
                <Tabs
                  value={tab}
                  onChange={(value) => {
                    const next = new URLSearchParams(searchParams);
                    if (value === 'history') next.set('tab', 'history');
                    else next.delete('tab');
                    next.delete('historyPage');
                    setSearchParams(next, { replace: true });
                  }}
                  keepMounted={false}
                >
                  <Tabs.List px="md" pt="xs">
                    <Tabs.Tab value="services" leftSection={<IconList size={16} aria-hidden="true" />}>
                      <Group gap={6} wrap="nowrap">
                        {t('userView.services')}
                        <Text span fz="xs" c="dimmed">
                          ({data.services.length})
                        </Text>
                      </Group>
                    </Tabs.Tab>
                    <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden="true" />}>
                      {t('userView.history')}
                    </Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="services">
                    <Stack gap={0} pt="xs">
                      <ServicesTable user={data} />
                    </Stack>
                  </Tabs.Panel>
                  <Tabs.Panel value="history">
                    <Stack gap={0} pt="xs">
                      <UserHistory
                        userId={data.id}
                        page={historyPage}
                        onPageChange={(page) => {
                          const next = new URLSearchParams(searchParams);
                          next.set('historyPage', String(page));
                          setSearchParams(next, { replace: true });
                        }}
                      />
                    </Stack>
                  </Tabs.Panel>
                </Tabs>
            </Card>
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
};
