import { Anchor, Badge, Card, DataList, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { CardHeading, Detail } from '../../shared/ui/DetailCard';

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

/** The company's account manager at the operator, or who to ask while there is none. */
export const AccountManager = ({ manager, none }: { manager: { fullName: string; email: string } | null; none: string }) =>
  manager ? (
    <Stack gap={0}>
      <Text fz="sm">{manager.fullName}</Text>
      <Anchor href={`mailto:${manager.email}`} fz="sm">
        {manager.email}
      </Anchor>
    </Stack>
  ) : (
    <Text span c="dimmed" fz="sm">
      {none}
    </Text>
  );

/** `action`: a button beside the title (operator staff edit the contract there). */
export const ContractCard = ({ contract, action }: { contract: Contract | null; action?: ReactNode }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!contract) {
    return (
      <Card h="100%">
        <CardHeading title={t('company.contract')} action={action} />
        <Text c="dimmed" fz="sm">
          {t('company.noContract')}
        </Text>
      </Card>
    );
  }
  const share = contract.contractedServices > 0 ? Math.min(100, Math.round((contract.activeServices / contract.contractedServices) * 100)) : 0;
  return (
    <Card h="100%">
      <CardHeading title={t('company.contract')} action={action} />
      <DataList labelWidth={190} gap="sm">
        <Detail label={t('company.reference')}>
          <Text fz="sm" ff="monospace">
            {contract.reference}
          </Text>
        </Detail>
        <Detail label={t('company.period')}>
          {t('company.periodValue', { from: format.calendarDate(contract.startsOn), to: format.calendarDate(contract.endsOn) })}
        </Detail>
        <Detail label={t('company.productTypes')}>
          <ProductTypeBadges productTypes={contract.productTypes} />
        </Detail>
        <Detail label={t('company.services')}>
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
        </Detail>
      </DataList>
    </Card>
  );
};
