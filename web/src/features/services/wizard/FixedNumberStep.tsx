import { Alert, Box, Button, Group, Paper, Radio, ScrollArea, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconMail, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format';
import { QueryError } from '../../../shared/ui/QueryError';
import { SearchInput } from '../../../shared/ui/SearchInput';
import { useMe, useOperator } from '../../auth/session';
import { RequestFixedNumbersButton } from '../../requests/RequestFixedNumbersButton';
import { useFixedNumberChoices } from '../api';
import { ChoiceCards } from '../../../shared/ui/ChoiceCards';
import { fieldId, type StepProps } from './wizard-step-props';

/**
 * No fixed numbers left: the seeds send the administrator to support. Until Fleetdesk has a
 * requests module, that is an e-mail with the essentials filled in, and the phone number.
 */
const RequestNumbers = () => {
  const { t } = useTranslation();
  const operator = useOperator().data;
  const company = useMe().data?.account.company?.name ?? '';
  if (!operator) return null;
  const subject = t('wizard.fixed.requestSubject', { company });
  const body = t('wizard.fixed.requestBody', { company });
  const mailto = `mailto:${operator.supportEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('wizard.fixed.noneAvailable')}>
      <Text fz="sm">{t('wizard.fixed.requestHint', { operator: operator.name })}</Text>
      <Group gap="md" mt="sm" wrap="wrap">
        <RequestFixedNumbersButton company={company} />
        <Button component="a" href={mailto} size="xs" variant="default" leftSection={<IconMail size={16} aria-hidden="true" />}>
          {operator.supportEmail}
        </Button>
        <Group gap={6} wrap="nowrap">
          <IconPhone size={16} aria-hidden="true" />
          <Text fz="sm">{operator.supportPhone}</Text>
        </Group>
      </Group>
    </Alert>
  );
};

export const FixedNumberStep = ({ user, choices, stock, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const numbers = useFixedNumberChoices(q, true);
  const available = numbers.data?.available ?? [];
  const active = numbers.data?.active ?? [];
  const noneAvailable = stock ? stock.fixedNumbersAvailable === 0 : false;
  const noneActive = numbers.data !== undefined && !q && active.length === 0;
  const takenOver = choices.fixedKind === 'take_over' ? active.find((item) => item.id === choices.fixedNumberId) : undefined;
  const name = `${user.firstName} ${user.lastName}`;
  const list = choices.fixedKind === 'available' ? available : active;

  return (
    <Stack gap="lg">
      <ChoiceCards
        id={fieldId('fixedNumber.kind')}
        label={t('wizard.fixed.kindLabel')}
        value={choices.fixedKind}
        onChange={(fixedKind) => change({ fixedKind })}
        error={errors['fixedNumber.kind']}
        cols={{ base: 1, md: 2 }}
        choices={[
          {
            value: 'available',
            title: t('wizard.fixed.available'),
            description: t('wizard.fixed.availableHint'),
            extra: stock && (
              <Text fz="sm" fw={600} mt={6}>
                {t('wizard.fixed.availableCount', { count: stock.fixedNumbersAvailable, formatted: format.number(stock.fixedNumbersAvailable) })}
              </Text>
            ),
            disabled: noneAvailable,
          },
          { value: 'take_over', title: t('wizard.fixed.takeOver'), description: t('wizard.fixed.takeOverHint'), disabled: noneActive },
        ]}
      />
      {noneAvailable && <RequestNumbers />}

      {choices.fixedKind && (
        <Paper withBorder p="md" component="section" aria-labelledby="wizard-fixed-details">
          <Title order={3} fz="md" mb="sm" id="wizard-fixed-details">
            {choices.fixedKind === 'available' ? t('wizard.fixed.chooseAvailable') : t('wizard.fixed.chooseActive')}
          </Title>
          <Stack gap="md">
            <SearchInput
              label={t('wizard.fixed.search')}
              placeholder={choices.fixedKind === 'available' ? t('wizard.fixed.searchAvailablePlaceholder') : t('wizard.fixed.searchActivePlaceholder')}
              value={search}
              onChange={setSearch}
              onClear={() => setSearch('')}
              busy={numbers.isFetching && !numbers.isLoading}
            />
            {numbers.isError ? (
              <QueryError error={numbers.error} onRetry={() => numbers.refetch()} />
            ) : numbers.isLoading ? (
              <Skeleton height={140} />
            ) : (
              <Radio.Group
                id={fieldId('fixedNumber.fixedNumberId')}
                label={choices.fixedKind === 'available' ? t('wizard.fixed.availableListLabel') : t('wizard.fixed.activeListLabel')}
                description={list.length === 0 ? (q ? t('wizard.fixed.noMatch', { q }) : t('wizard.fixed.emptyList')) : undefined}
                value={choices.fixedNumberId}
                onChange={(fixedNumberId) => change({ fixedNumberId })}
                error={errors['fixedNumber.fixedNumberId']}
              >
                {choices.fixedKind === 'available' ? (
                  <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars mt="xs">
                    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
                      {available.map((item) => (
                        <Radio key={item.id} value={item.id} label={<span style={{ fontVariantNumeric: 'tabular-nums' }}>{format.phone(item.number)}</span>} />
                      ))}
                    </SimpleGrid>
                  </ScrollArea.Autosize>
                ) : (
                  <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars mt="xs">
                    <Stack gap={0}>
                      {active.map((item) => (
                        <Box key={item.id} py={8} px={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                          <Radio
                            value={item.id}
                            label={<span style={{ fontVariantNumeric: 'tabular-nums' }}>{format.phone(item.number)}</span>}
                            description={t('wizard.fixed.heldBy', { name: item.holder.name })}
                          />
                        </Box>
                      ))}
                    </Stack>
                  </ScrollArea.Autosize>
                )}
              </Radio.Group>
            )}
            <div aria-live="polite">
              {takenOver && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
                  {t('wizard.fixed.takeOverWarning', { number: format.phone(takenOver.number), holder: takenOver.holder.name, name })}
                </Alert>
              )}
            </div>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
};
