import { Badge, Card, DataList, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../shared/api/contract';
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

/** `action`: a button beside the title (operator staff edit the contract there). */
export const ContractCard = ({ contract, action }: { contract: Contract | null; action?: ReactNode }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!contract) {
    return (
      <Card h="100%">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Title order={2} fz="lg">
            {t('company.contract')}
          </Title>
          {action}
        </Group>
        <Text c="dimmed" fz="sm">
          {t('company.noContract')}
        </Text>
      </Card>
    );
  }
  const share = contract.contractedServices > 0 ? Math.min(100, Math.round((contract.activeServices / contract.contractedServices) * 100)) : 0;
  return (
    <Card h="100%">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} fz="lg">
          {t('company.contract')}
        </Title>
        {action}
      </Group>
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
