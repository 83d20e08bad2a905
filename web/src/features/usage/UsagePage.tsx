import { Anchor, Box, Button, Card, EmptyState, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAdjustments, IconArrowDownRight, IconArrowUpRight, IconChartBar, IconDownload, IconPlaneDeparture, IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyUsage, LineUsage, UsageBand, UsageSuggestion } from '../../shared/api/contract';
import { allOf } from '../../shared/api/all-of';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { Amount } from '../billing/BillingLines';
import { currentBillingMonth, readBillingMonth, recentMonths } from '../billing/billing-month';
import { servicePath } from '../services/ServiceDetailPage';
import { ManageServiceModal } from '../services/ManageServiceModal';
import { useCompanyUsage, useUsageLines, usageExportHref, type UsageParams } from './api';
import { BAND_COLOR, dataAmount } from './usage-format';
import { BandBadge, DataBar } from './UsageBits';

export const USAGE_PATH = '/self-service/uc-mobile/usage';
const BANDS = allOf<UsageBand>()(['under', 'near', 'over']);
// this month and the three before it: what the network's files keep loaded
const MONTHS_OFFERED = 4;

const DailyUsageChart = lazy(() => import('./UsageCharts').then((m) => ({ default: m.DailyUsageChart })));

const readParams = (searchParams: URLSearchParams, thisMonth: string): UsageParams => {
  const band = searchParams.get('band');
  const roaming = searchParams.get('roaming');
  return {
    month: readBillingMonth(searchParams.get('month'), thisMonth),
    band: (BANDS as readonly string[]).includes(band ?? '') ? (band as UsageBand) : null,
    roaming: roaming === 'true' || roaming === 'false' ? roaming : null,
    q: searchParams.get('q') ?? '',
    ...readPaging(searchParams),
  };
};

const useMonthLabel = () => {
  const format = useFormat();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
  }, [format.locale]);
};

const Stat = ({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) => (
  <Card py="md">
    <Text fz="sm" c="dimmed" fw={600}>
      {label}
    </Text>
    <Text component="div" fz={26} fw={700} lh={1.25} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Text>
    {hint && (
      <Text fz="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    )}
  </Card>
);

/** The three bands as tiles; a tile filters the table to its lines (pressed again, it clears). */
const BandTiles = ({ usage, current, onPick }: { usage: CompanyUsage; current: UsageBand | null; onPick: (band: UsageBand | null) => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const total = usage.bands.under + usage.bands.near + usage.bands.over;
  return (
    <Card>
      <Title order={2} fz="md" mb={4}>
        {t('usage.bandsTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('usage.bandsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {BANDS.map((band) => {
          const count = usage.bands[band];
          const pressed = current === band;
          return (
            <UnstyledButton
              key={band}
              onClick={() => onPick(pressed ? null : band)}
              aria-pressed={pressed}
              p="sm"
              style={{
                borderRadius: 8,
                border: `1px solid var(--mantine-color-${pressed ? `${BAND_COLOR[band]}-6` : 'gray-3'})`,
                borderLeft: `6px solid var(--mantine-color-${BAND_COLOR[band]}-6)`,
                background: pressed ? `var(--mantine-color-${BAND_COLOR[band]}-0)` : undefined,
              }}
            >
              <Text fz="sm" fw={600}>
                {t(`usage.band.${band}`)}
              </Text>
              <Text fz={24} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(count)}
              </Text>
              <Text fz="xs" c="gray.7">
                {t('usage.bandShare', { share: format.number(total ? Math.round((count * 100) / total) : 0) })}
              </Text>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Card>
  );
};

const LineCell = ({ line }: { line: Pick<LineUsage, 'serviceId' | 'msisdn' | 'userName'> }) => {
  const format = useFormat();
  return (
    <>
      <Anchor component={Link} to={servicePath(line.serviceId)} fz="sm" fw={600}>
        {line.userName}
      </Anchor>
      <Text fz="xs" c="dimmed" className="fd-nowrap">
        {line.msisdn ? format.phone(line.msisdn) : '—'}
      </Text>
    </>
  );
};

/** Ten lines at the top of one measure. */
const TopLines = ({ title, valueLabel, lines, value, empty }: { title: string; valueLabel: string; lines: LineUsage[]; value: (line: LineUsage) => ReactNode; empty: string }) => {
  const { t } = useTranslation();
  return (
    <Card padding={0}>
      <Title order={2} fz="md" p="md" pb="xs">
        {title}
      </Title>
      {lines.length === 0 ? (
        <Text fz="sm" c="dimmed" px="md" pb="md">
          {empty}
        </Text>
      ) : (
        <LabelledTable
          label={title}
          verticalSpacing={6}
          horizontalSpacing="md"
          head={
            <>
              <Table.Th>{t('usage.columns.line')}</Table.Th>
              <Table.Th ta="right">{valueLabel}</Table.Th>
            </>
          }
        >
          {lines.map((line) => (
            <Table.Tr key={line.serviceId}>
              <Table.Td>
                <LineCell line={line} />
              </Table.Td>
              <Table.Td ta="right">{value(line)}</Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      )}
    </Card>
  );
};

/** Bundles clearly too small or too large for the last three months, with what the change costs a month and one click to make it. */
const Suggestions = ({ suggestions, onManage }: { suggestions: UsageSuggestion[]; onManage: (s: UsageSuggestion) => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (suggestions.length === 0) return null;
  return (
    <Card padding={0}>
      <Box p="md" pb="xs">
        <Title order={2} fz="md">
          {t('usage.suggestionsTitle')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('usage.suggestionsHint')}
        </Text>
      </Box>
      <LabelledTable
        label={t('usage.suggestionsTitle')}
        minWidth={860}
        verticalSpacing={8}
        horizontalSpacing="md"
        head={
          <>
            <Table.Th>{t('usage.columns.line')}</Table.Th>
            <Table.Th>{t('usage.columns.suggestion')}</Table.Th>
            <Table.Th>{t('usage.columns.lastMonths')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.outOfBundle3')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.monthlyDifference')}</Table.Th>
            <Table.Th />
          </>
        }
      >
        {suggestions.map((s) => (
          <Table.Tr key={s.serviceId}>
            <Table.Td>
              <LineCell line={s} />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <ThemeIcon size="sm" variant="light" color={s.direction === 'larger' ? 'red' : 'teal'} aria-hidden="true">
                  {s.direction === 'larger' ? <IconArrowUpRight size={14} /> : <IconArrowDownRight size={14} />}
                </ThemeIcon>
                <Text fz="sm">{t(`usage.direction.${s.direction}`, { from: s.fromBundle.name, to: s.toBundle.name })}</Text>
              </Group>
            </Table.Td>
            <Table.Td className="fd-nowrap">
              <Text fz="sm">{s.monthsDataMb.map((mb) => dataAmount(mb, format)).join(' · ')}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Amount cents={s.outOfBundleCents} />
            </Table.Td>
            <Table.Td ta="right" className="fd-nowrap">
              <Text fz="sm" fw={600} c={s.monthlyDifferenceCents > 0 ? 'red.9' : 'teal.9'}>
                {t('usage.perMonth', { amount: `${s.monthlyDifferenceCents > 0 ? '+' : ''}${format.money(s.monthlyDifferenceCents)}` })}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconAdjustments size={14} aria-hidden="true" />}
                onClick={() => onManage(s)}
                aria-label={t('usage.manageFor', { name: s.userName })}
              >
                {t('manageService.action')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </LabelledTable>
    </Card>
  );
};

/** Self-service › UC & Mobile › Usage: what each line used in a month, against its bundle. */
export const UsagePage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const thisMonth = currentBillingMonth();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams, thisMonth);
  const usage = useCompanyUsage(params);
  const lines = useUsageLines(params);
  const box = useSearchBox(params.q, update);
  const [managing, setManaging] = useState<UsageSuggestion | null>(null);
  const data = usage.data;
  const filtered = params.band !== null || params.roaming !== null || params.q !== '';
  const clearFilters = () => {
    box.clear();
    update({ band: null, roaming: null, q: null, page: null });
  };

  return (
    <Page
      title={t('nav.usage')}
      description={t('usage.intro')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.ucMobile') }, { label: t('nav.usage') }]}
      actions={
        <Group gap="sm" align="flex-end">
          <Select
            label={t('usage.month')}
            data={recentMonths(thisMonth, MONTHS_OFFERED).map((value) => ({ value, label: monthLabel(value) }))}
            value={params.month}
            onChange={(value) => value && update({ month: value === thisMonth ? null : value, page: null })}
            allowDeselect={false}
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
          {/* A plain link: the browser downloads the file itself, with the session cookie. */}
          <Button component="a" href={usageExportHref(params)} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('usage.export')}
          </Button>
        </Group>
      }
    >
      {usage.isError ? (
        <QueryError error={usage.error} onRetry={() => usage.refetch()} />
      ) : !data ? (
        <Stack gap="lg">
          <Skeleton height={110} radius="md" />
          <Skeleton height={300} radius="md" />
        </Stack>
      ) : data.totals.lines === 0 ? (
        <Card>
          <EmptyState
            py={48}
            icon={<IconChartBar size={28} aria-hidden="true" />}
            withIndicatorBackground
            title={t('usage.emptyTitle', { month: monthLabel(data.month) })}
            description={t('usage.emptyHint')}
          />
        </Card>
      ) : (
        <Stack gap="lg" style={{ opacity: usage.isPlaceholderData && usage.data?.month !== params.month ? 0.6 : 1 }}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="lg">
            <Stat label={t('usage.totals.lines')} value={format.number(data.totals.lines)} hint={monthLabel(data.month)} />
            <Stat label={t('usage.totals.data')} value={dataAmount(data.totals.dataMb, format)} hint={t('usage.totals.roamingData', { data: dataAmount(data.totals.roamingDataMb, format) })} />
            <Stat label={t('usage.totals.voice')} value={`${format.number(data.totals.voiceMin)} min`} hint={t('usage.totals.sms', { count: data.totals.sms, formatted: format.number(data.totals.sms) })} />
            <Stat label={t('usage.totals.outOfBundle')} value={<Amount cents={data.totals.outOfBundleCents} strong size={26} />} hint={t('usage.totals.outOfBundleHint')} />
            <Stat
              label={t('usage.totals.roaming')}
              value={format.number(data.roamingLines)}
              hint={
                <Anchor component="button" type="button" fz="xs" onClick={() => update({ roaming: params.roaming === 'true' ? null : 'true', page: null })}>
                  {params.roaming === 'true' ? t('usage.showAll') : t('usage.showRoaming')}
                </Anchor>
              }
            />
          </SimpleGrid>

          <Card>
            <Title order={2} fz="md" mb="sm">
              {t('usage.byDay')}
            </Title>
            <Suspense fallback={<Skeleton height={260} radius="md" />}>
              <DailyUsageChart
                days={data.days}
                label={t('usage.byDayLabel', {
                  month: monthLabel(data.month),
                  data: dataAmount(data.totals.dataMb, format),
                  days: format.number(data.days.length),
                })}
                dataLabel={t('usage.chart.data')}
                voiceLabel={t('usage.chart.voice')}
              />
            </Suspense>
          </Card>

          <BandTiles usage={data} current={params.band} onPick={(band) => update({ band, page: null })} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TopLines title={t('usage.topByData')} valueLabel={t('usage.columns.data')} lines={data.topByData} empty={t('usage.noData')} value={(line) => <Text fz="sm" className="fd-nowrap">{dataAmount(line.dataMb, format)}</Text>} />
            <TopLines title={t('usage.topByCost')} valueLabel={t('usage.columns.outOfBundle')} lines={data.topByCost} empty={t('usage.noCost')} value={(line) => <Amount cents={line.outOfBundleCents} />} />
          </SimpleGrid>

          <Suggestions suggestions={data.suggestions} onManage={setManaging} />

          <ListScaffold
            query={lines}
            search={{ label: t('usage.searchLabel'), placeholder: t('usage.searchPlaceholder'), box }}
            filters={
              <>
                <Select
                  label={t('usage.bandFilter')}
                  data={[{ value: '', label: t('usage.allBands') }, ...BANDS.map((band) => ({ value: band, label: t(`usage.band.${band}`) }))]}
                  value={params.band ?? ''}
                  onChange={(value) => update({ band: value || null, page: null })}
                  allowDeselect={false}
                  w={170}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('usage.roamingFilter')}
                  data={[
                    { value: '', label: t('usage.roamingAny') },
                    { value: 'true', label: t('usage.roamingYes') },
                    { value: 'false', label: t('usage.roamingNo') },
                  ]}
                  value={params.roaming ?? ''}
                  onChange={(value) => update({ roaming: value || null, page: null })}
                  allowDeselect={false}
                  w={170}
                  comboboxProps={{ withinPortal: true }}
                />
              </>
            }
            empty={
              filtered ? (
                <NoMatch icon={<IconSearch size={28} aria-hidden="true" />} title={t('usage.noMatch')} onClear={clearFilters} clearLabel={t('usage.clearFilters')} />
              ) : (
                <ListEmpty icon={<IconChartBar size={28} aria-hidden="true" />} title={t('usage.noLines')} />
              )
            }
            table={{
              label: t('usage.tableLabel'),
              minWidth: 980,
              columns: 7,
              head: (
                <>
                  <Table.Th>{t('usage.columns.line')}</Table.Th>
                  <Table.Th>{t('usage.columns.bundle')}</Table.Th>
                  <Table.Th>{t('usage.columns.data')}</Table.Th>
                  <Table.Th>{t('usage.columns.band')}</Table.Th>
                  <Table.Th ta="right">{t('usage.columns.voice')}</Table.Th>
                  <Table.Th>{t('usage.columns.roaming')}</Table.Th>
                  <Table.Th ta="right">{t('usage.columns.outOfBundle')}</Table.Th>
                </>
              ),
            }}
            row={(line) => (
              <Table.Tr key={line.serviceId}>
                <Table.Td>
                  <LineCell line={line} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{line.bundleName}</Text>
                </Table.Td>
                <Table.Td>
                  <DataBar line={line} />
                </Table.Td>
                <Table.Td>
                  <BandBadge band={line.band} />
                </Table.Td>
                <Table.Td ta="right" className="fd-nowrap">
                  <Text fz="sm">
                    {line.voiceAllowanceMin === null
                      ? t('usage.minutesUnlimited', { used: format.number(line.voiceMin) })
                      : t('usage.minutesOf', { used: format.number(line.voiceMin), allowance: format.number(line.voiceAllowanceMin) })}
                  </Text>
                  {line.internationalMin > 0 && (
                    <Text fz="xs" c="dimmed">
                      {t('usage.international', { minutes: format.number(line.internationalMin) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="fd-nowrap">
                  {line.roamingDays > 0 ? (
                    <Group gap={4} wrap="nowrap">
                      <IconPlaneDeparture size={14} aria-hidden="true" />
                      <Text fz="sm">{t('usage.roamingDays', { count: line.roamingDays, formatted: format.number(line.roamingDays), data: dataAmount(line.roamingDataMb, format) })}</Text>
                    </Group>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount cents={line.outOfBundleCents} />
                </Table.Td>
              </Table.Tr>
            )}
            pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
          />
        </Stack>
      )}
      {managing && <ManageServiceModal service={{ id: managing.serviceId }} suggestedBundleCode={managing.toBundle.code} opened onClose={() => setManaging(null)} />}
    </Page>
  );
};
