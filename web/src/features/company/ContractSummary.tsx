import { Badge, Card, DataList, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';
import type { Contract, Office } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';

/** Contract reference, product types, services in use against the contract, and its period. */
/** The product types of a contract, as the badges every company page shows them with. */
export const ProductTypeBadges = ({ productTypes, gap = 6 }: { productTypes: { code: string; name: string }[]; gap?: number }) => (
  <Group gap={gap}>
    {productTypes.map((product) => (
      <Badge key={product.code} variant="light" color="indigo" radius="sm" tt="none" fw={600}>
        {product.name}
      </Badge>
    ))}
  </Group>
);

export const ContractCard = ({ contract }: { contract: Contract | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!contract) {
    return (
      <Card h="100%">
        <Title order={2} fz="lg" mb="md">
          {t('company.contract')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('company.noContract')}
        </Text>
      </Card>
    );
  }
  const share = contract.contractedServices > 0 ? Math.min(100, Math.round((contract.activeServices / contract.contractedServices) * 100)) : 0;
  return (
    <Card h="100%">
      <Title order={2} fz="lg" mb="md">
        {t('company.contract')}
      </Title>
      <DataList labelWidth={190} gap="sm">
        <DataList.Item>
          <DataList.ItemLabel>{t('company.reference')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text fz="sm" ff="monospace">
              {contract.reference}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('company.period')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {t('company.periodValue', { from: format.calendarDate(contract.startsOn), to: format.calendarDate(contract.endsOn) })}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('company.productTypes')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <ProductTypeBadges productTypes={contract.productTypes} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('company.services')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Stack gap={6} w="100%" maw={360}>
              <Text fz="sm">
                {t('company.servicesValue', {
                  active: format.number(contract.activeServices),
                  contracted: format.number(contract.contractedServices),
                })}
              </Text>
              <Progress
                value={share}
                size="md"
                radius="xl"
                aria-label={t('company.servicesUsage')}
              />
            </Stack>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
};

const OfficesTable = ({ offices }: { offices: Office[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (offices.length === 0) {
    return (
      <Text c="dimmed" fz="sm" p="md">
        {t('company.noOffices')}
      </Text>
    );
  }
  return (
    <TableScroll minWidth={600} label={t('company.offices')}>
      <Table aria-label={t('company.offices')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('company.columns.office')}</Table.Th>
            <Table.Th>{t('company.columns.street')}</Table.Th>
            <Table.Th>{t('company.columns.postalCode')}</Table.Th>
            <Table.Th>{t('company.columns.city')}</Table.Th>
            <Table.Th>{t('company.columns.country')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offices.map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td fw={600}>{office.name}</Table.Td>
              <Table.Td>{office.street}</Table.Td>
              <Table.Td>{office.postalCode}</Table.Td>
              <Table.Td>{office.city}</Table.Td>
              <Table.Td>{format.country(office.country)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
};

/** A company's offices as a titled card, as both the administrator and operator staff see them. */
export const OfficesCard = ({ offices }: { offices: Office[] }) => {
  const { t } = useTranslation();
  return (
    <Card padding={0}>
      <Title order={2} fz="lg" p="lg" pb="xs">
        {t('company.offices')}
      </Title>
      <OfficesTable offices={offices} />
    </Card>
  );
};
