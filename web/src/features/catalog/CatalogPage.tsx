import { Badge, Button, Card, EmptyState, Group, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconPackage, IconPuzzle, IconSearch, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BackOfficeCatalog, Localized, PlannedPrice } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useServiceText } from '../services/service-text';
import { useBackOfficeCatalog } from './api';
import { CatalogItemModal, type CatalogItem } from './CatalogItemModal';

const TABS = ['bundles', 'options', 'types'] as const;
type Tab = (typeof TABS)[number];

const useName = () => {
  const { i18n } = useTranslation();
  const lang = i18n.language.slice(0, 2) as keyof Localized;
  return (name: Localized) => name[lang] ?? name.en;
};

const ActiveBadge = ({ active }: { active: boolean }) => {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'} radius="sm" tt="none" fw={600}>
      {t(active ? 'backOffice.catalog.active' : 'backOffice.catalog.inactive')}
    </Badge>
  );
};

const PriceCell = ({ cents, next }: { cents: number; next: PlannedPrice }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0} align="flex-end">
      <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.money(cents)}
      </Text>
      {next && (
        <Text fz="xs" c="indigo.7" className="fd-nowrap">
          {t('backOffice.catalog.nextPrice', { price: format.money(next.monthlyPriceCents), date: format.calendarDate(next.effectiveFrom) })}
        </Text>
      )}
    </Stack>
  );
};

const matches = (q: string, ...texts: (string | null | undefined)[]) => !q || texts.some((x) => x?.toLowerCase().includes(q.toLowerCase()));

const NoMatch = ({ q, onClear }: { q: string; onClear: () => void }) => {
  const { t } = useTranslation();
  return (
    <EmptyState py={40} icon={<IconSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('backOffice.catalog.noMatch', { q })}>
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear}>
          {t('actions.clearSearch')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
};

const BundlesTable = ({ catalog, q, onOpen, onClear }: { catalog: BackOfficeCatalog; q: string; onOpen: (item: CatalogItem) => void; onClear: () => void }) => {
  const { t } = useTranslation();
  const name = useName();
  const text = useServiceText();
  const typeName = (code: string) => {
    const st = catalog.serviceTypes.find((s) => s.code === code);
    return st ? name(st.name) : code;
  };
  // in catalog order: product type, then service type, then the bundle's own place
  const rank = (code: string) => {
    const st = catalog.serviceTypes.findIndex((s) => s.code === code);
    const product = catalog.productTypes.findIndex((p) => p.code === catalog.serviceTypes[st]?.productTypeCode);
    return product * 1000 + st;
  };
  const rows = catalog.bundles
    .filter((b) => matches(q, b.code, name(b.name), typeName(b.serviceTypeCode)))
    .sort((a, b) => rank(a.serviceTypeCode) - rank(b.serviceTypeCode));
  if (rows.length === 0) return <NoMatch q={q} onClear={onClear} />;
  return (
    <LabelledTable
      label={t('backOffice.catalog.bundles')}
      minWidth={920}
      highlightOnHover
      head={
        <>
          <Table.Th>{t('backOffice.catalog.bundle')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.serviceType')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.allowance')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.allowedOptions')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.catalog.monthly')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.status')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
        </>
      }
    >
      {rows.map((b) => (
        <Table.Tr key={b.code}>
          <Table.Td>
            <Text fz="sm" fw={600}>
              {name(b.name)}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              {b.code}
            </Text>
          </Table.Td>
          <Table.Td>{typeName(b.serviceTypeCode)}</Table.Td>
          <Table.Td className="fd-nowrap">
            {text.allowance(b, 'short')}
          </Table.Td>
          <Table.Td maw={240}>
            {/* codes keep the row short; the name is the badge's title and in the Options tab */}
            <Group gap={4}>
              {b.optionCodes.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  —
                </Text>
              ) : (
                b.optionCodes.map((c) => (
                  <Badge key={c} variant="outline" color="gray" radius="sm" tt="none" fw={500} ff="monospace" title={name(catalog.options.find((o) => o.code === c)?.name ?? { en: c, fr: c, nl: c })}>
                    {c}
                  </Badge>
                ))
              )}
            </Group>
          </Table.Td>
          <Table.Td ta="right">
            <PriceCell cents={b.monthlyPriceCents} next={b.nextPrice} />
          </Table.Td>
          <Table.Td>
            <ActiveBadge active={b.active} />
          </Table.Td>
          <Table.Td ta="right">
            <Button size="xs" variant="light" onClick={() => onOpen({ entry: 'bundles', code: b.code, name: b.name, active: b.active, priced: 'bundle', suspendedMonthlyPriceCents: b.suspendedMonthlyPriceCents })} aria-label={`${t('backOffice.catalog.manage')} – ${name(b.name)} (${b.code})`}>
              {t('backOffice.catalog.manage')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};

const OptionsTable = ({ catalog, q, onOpen, onClear }: { catalog: BackOfficeCatalog; q: string; onOpen: (item: CatalogItem) => void; onClear: () => void }) => {
  const { t } = useTranslation();
  const name = useName();
  const format = useFormat();
  const rows = catalog.options.filter((o) => matches(q, o.code, name(o.name)));
  if (rows.length === 0) return <NoMatch q={q} onClear={onClear} />;
  return (
    <LabelledTable
      label={t('backOffice.catalog.options')}
      minWidth={760}
      highlightOnHover
      head={
        <>
          <Table.Th>{t('backOffice.catalog.option')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.catalog.allowedOn')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.catalog.monthly')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.status')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
        </>
      }
    >
      {rows.map((o) => (
        <Table.Tr key={o.code}>
          <Table.Td>
            <Text fz="sm" fw={600}>
              {name(o.name)}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              {o.code}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{t('backOffice.catalog.bundleCount', { count: o.bundleCodes.length, formatted: format.number(o.bundleCodes.length) })}</Table.Td>
          <Table.Td ta="right">
            <PriceCell cents={o.monthlyPriceCents} next={o.nextPrice} />
          </Table.Td>
          <Table.Td>
            <ActiveBadge active={o.active} />
          </Table.Td>
          <Table.Td ta="right">
            <Button size="xs" variant="light" onClick={() => onOpen({ entry: 'options', code: o.code, name: o.name, active: o.active, priced: 'option' })} aria-label={`${t('backOffice.catalog.manage')} – ${name(o.name)} (${o.code})`}>
              {t('backOffice.catalog.manage')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};

const TypesTable = ({ catalog, onOpen }: { catalog: BackOfficeCatalog; onOpen: (item: CatalogItem) => void }) => {
  const { t } = useTranslation();
  const name = useName();
  return (
    <LabelledTable
      label={t('backOffice.catalog.types')}
      minWidth={680}
      head={
        <>
          <Table.Th>{t('backOffice.catalog.productType')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.serviceType')}</Table.Th>
          <Table.Th>{t('backOffice.catalog.needs')}</Table.Th>
          <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
        </>
      }
    >
      {catalog.productTypes.flatMap((p) => [
        <Table.Tr key={p.code} bg="var(--mantine-color-gray-0)">
          <Table.Td colSpan={3}>
            <Text fz="sm" fw={700}>
              {name(p.name)}{' '}
              <Text span fz="xs" c="dimmed" ff="monospace">
                {p.code}
              </Text>
            </Text>
          </Table.Td>
          <Table.Td ta="right">
            <Button size="xs" variant="subtle" onClick={() => onOpen({ entry: 'product-types', code: p.code, name: p.name, active: null, priced: null })} aria-label={`${t('backOffice.catalog.rename')} – ${name(p.name)}`}>
              {t('backOffice.catalog.rename')}
            </Button>
          </Table.Td>
        </Table.Tr>,
        ...catalog.serviceTypes
          .filter((s) => s.productTypeCode === p.code)
          .map((s) => (
            <Table.Tr key={s.code}>
              <Table.Td />
              <Table.Td>
                <Text fz="sm">{name(s.name)}</Text>
                <Text fz="xs" c="dimmed" ff="monospace">
                  {s.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {s.needsSim && <Badge variant="outline" radius="sm" tt="none">{t('backOffice.catalog.needsSim')}</Badge>}
                  {s.needsMobileNumber && <Badge variant="outline" radius="sm" tt="none">{t('backOffice.catalog.needsMobile')}</Badge>}
                  {s.needsFixedNumber && <Badge variant="outline" radius="sm" tt="none">{t('backOffice.catalog.needsFixed')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" onClick={() => onOpen({ entry: 'service-types', code: s.code, name: s.name, active: null, priced: null })} aria-label={`${t('backOffice.catalog.rename')} – ${name(s.name)}`}>
                  {t('backOffice.catalog.rename')}
                </Button>
              </Table.Td>
            </Table.Tr>
          )),
      ])}
    </LabelledTable>
  );
};

/** Back office › Catalog: product and service types, bundles, options and which options each bundle allows; names, offer and dated prices. */
export const CatalogPage = () => {
  const { t } = useTranslation();
  const catalog = useBackOfficeCatalog();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === searchParams.get('tab')) ?? 'bundles';
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<CatalogItem | null>(null);
  return (
    <Page title={t('nav.catalog')} breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.catalog') }]} description={t('backOffice.catalog.intro')}>
      <QueryContent query={catalog} skeletons={[320]}>
        {(data) => (
          <Tabs value={tab} onChange={(v) => setSearchParams(v && v !== 'bundles' ? { tab: v } : {}, { replace: true })}>
            <Tabs.List mb="lg">
              <Tabs.Tab value="bundles" leftSection={<IconPackage size={16} aria-hidden="true" />}>
                {t('backOffice.catalog.bundles')}
              </Tabs.Tab>
              <Tabs.Tab value="options" leftSection={<IconPuzzle size={16} aria-hidden="true" />}>
                {t('backOffice.catalog.options')}
              </Tabs.Tab>
              <Tabs.Tab value="types" leftSection={<IconSitemap size={16} aria-hidden="true" />}>
                {t('backOffice.catalog.types')}
              </Tabs.Tab>
            </Tabs.List>
            <Card padding={0}>
              {tab !== 'types' && (
                <Group p="md">
                  <TextInput
                    type="search"
                    aria-label={t('backOffice.catalog.search')}
                    placeholder={t('backOffice.catalog.search')}
                    leftSection={<IconSearch size={16} aria-hidden="true" />}
                    value={q}
                    onChange={(e) => setQ(e.currentTarget.value)}
                    onKeyDown={(e) => e.key === 'Escape' && setQ('')}
                    w={{ base: '100%', sm: 380 }}
                  />
                </Group>
              )}
              <Tabs.Panel value="bundles">
                <BundlesTable catalog={data} q={q.trim()} onOpen={setOpen} onClear={() => setQ('')} />
              </Tabs.Panel>
              <Tabs.Panel value="options">
                <OptionsTable catalog={data} q={q.trim()} onOpen={setOpen} onClear={() => setQ('')} />
              </Tabs.Panel>
              <Tabs.Panel value="types">
                <TypesTable catalog={data} onOpen={setOpen} />
              </Tabs.Panel>
            </Card>
          </Tabs>
        )}
      </QueryContent>
      <CatalogItemModal item={open} onClose={() => setOpen(null)} />
    </Page>
  );
};
