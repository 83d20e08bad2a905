import { Alert, Box, Group, Paper, Radio, ScrollArea, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format';
import { QueryError } from '../../../shared/ui/QueryError';
import { SearchInput } from '../../../shared/ui/SearchInput';
import { useOperator } from '../../auth/session';
import { usePortCandidates } from '../api';
import { PORT_IN_FIELDS, type PortInField } from '../port-in';
import { PortInFields } from '../PortInFields';
import { ChoiceCards } from '../../../shared/ui/ChoiceCards';
import { fieldId, type StepProps } from './wizard-step-props';

/** The free numbers of the operator's pool; the first one is picked when "new number" is chosen. */
const NewNumber = ({ choices, stock, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!stock) return <Skeleton height={120} />;
  // a number chosen earlier that is no longer among the first free ones still shows (with the server's word on it)
  const numbers = choices.newMsisdn && !stock.freeMobileNumbers.includes(choices.newMsisdn) ? [choices.newMsisdn, ...stock.freeMobileNumbers] : stock.freeMobileNumbers;
  if (numbers.length === 0) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
        {t('wizard.number.noFreeNumbers')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Radio.Group
        id={fieldId('number.msisdn')}
        label={t('wizard.number.pickNumber')}
        description={t('wizard.number.freeCount', { count: stock.freeMobileNumberTotal, shown: format.number(stock.freeMobileNumbers.length), formatted: format.number(stock.freeMobileNumberTotal) })}
        value={choices.newMsisdn}
        onChange={(newMsisdn) => change({ newMsisdn })}
        error={errors['number.msisdn']}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
          {numbers.map((msisdn) => (
            <Radio key={msisdn} value={msisdn} label={<span style={{ fontVariantNumeric: 'tabular-nums' }}>{format.phone(msisdn)}</span>} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Text fz="sm" c="dimmed">
        {t('wizard.number.reservedOnSave')}
      </Text>
    </Stack>
  );
};

/** Wizard field paths of the port-in details: `number.msisdn`, `number.donorOperator`, … */
export const portInPath = (field: PortInField) => `number.${field}`;

const PortIn = ({ choices, port, stock, errors, change, changePort }: StepProps) => {
  const { t } = useTranslation();
  const operator = useOperator().data;
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('wizard.number.portWarningTitle')}>
        {t('wizard.number.portWarning', { portal: operator?.portalName ?? 'MyDstny' })}
      </Alert>
      <PortInFields
        idOf={(field) => fieldId(portInPath(field))}
        number={{ value: choices.portMsisdn, onChange: (portMsisdn) => change({ portMsisdn }), description: t('wizard.number.portNumberHint') }}
        values={{ ...port, donorOperator: choices.donorOperator, accountType: choices.accountType }}
        // operator and type of subscription are in the address; the rest stays in this tab only
        onChange={({ donorOperator, accountType, ...details }) => {
          if (donorOperator !== undefined || accountType !== undefined) change({ ...(donorOperator !== undefined && { donorOperator }), ...(accountType !== undefined && { accountType }) });
          if (Object.keys(details).length) changePort(details);
        }}
        errors={Object.fromEntries(PORT_IN_FIELDS.map((field) => [field, errors[portInPath(field)]]))}
        donorOperators={stock?.donorOperators ?? null}
      />
    </Stack>
  );
};

const PortInternal = ({ user, choices, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const candidates = usePortCandidates(q, true);
  const items = candidates.data?.items ?? [];
  const chosen = items.find((item) => item.serviceId === choices.portFromServiceId);
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" icon={<IconArrowsExchange aria-hidden="true" />}>
        {t('wizard.number.internalExplained', { name: `${user.firstName} ${user.lastName}` })}
      </Alert>
      <SearchInput
        label={t('wizard.number.searchServices')}
        placeholder={t('wizard.number.searchServicesPlaceholder')}
        value={search}
        onChange={setSearch}
        onClear={() => setSearch('')}
        busy={candidates.isFetching && !candidates.isLoading}
      />
      {candidates.isError ? (
        <QueryError error={candidates.error} onRetry={() => candidates.refetch()} />
      ) : candidates.isLoading ? (
        <Skeleton height={160} />
      ) : (
        <Radio.Group
          id={fieldId('number.serviceId')}
          label={t('wizard.number.chooseService')}
          description={items.length === 0 ? (q ? t('wizard.number.noServiceMatch', { q }) : t('wizard.number.noServices')) : undefined}
          value={choices.portFromServiceId}
          onChange={(portFromServiceId) => change({ portFromServiceId })}
          error={errors['number.serviceId']}
        >
          {items.length > 0 && (
            <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars mt="xs">
              <Stack gap={0}>
                {items.map((item) => (
                  <Box key={item.serviceId} py={8} px={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                    <Radio
                      value={item.serviceId}
                      label={
                        <Group gap={8} wrap="wrap">
                          <Text fz="sm" fw={600} span>
                            {item.userName}
                          </Text>
                          <Text fz="sm" span className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {format.phone(item.msisdn)}
                          </Text>
                        </Group>
                      }
                      description={`${item.serviceType.name} · ${item.bundle.name}`}
                    />
                  </Box>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Radio.Group>
      )}
      <div aria-live="polite">
        {chosen && <Text fz="sm">{t('wizard.number.internalChosen', { number: format.phone(chosen.msisdn), name: chosen.userName })}</Text>}
      </div>
    </Stack>
  );
};

export const NumberStep = (props: StepProps) => {
  const { t } = useTranslation();
  const operator = useOperator().data?.name ?? 'Dstny';
  const { choices, stock, errors, change } = props;
  return (
    <Stack gap="lg">
      <ChoiceCards
        id={fieldId('number.kind')}
        label={t('wizard.number.kindLabel')}
        description={t('wizard.number.kindHint')}
        value={choices.numberKind}
        onChange={(numberKind) =>
          change(numberKind === 'new' && !choices.newMsisdn ? { numberKind, newMsisdn: stock?.freeMobileNumbers[0] ?? null } : { numberKind })
        }
        error={errors['number.kind']}
        cols={{ base: 1, lg: 3 }}
        choices={[
          { value: 'new', title: t('wizard.number.new'), description: t('wizard.number.newHint') },
          { value: 'port_in', title: t('wizard.number.portIn'), description: t('wizard.number.portInHint', { operator }) },
          { value: 'port_internal', title: t('wizard.number.portInternal', { operator }), description: t('wizard.number.portInternalHint') },
        ]}
      />
      {choices.numberKind && (
        <Paper withBorder p="md" component="section" aria-labelledby="wizard-number-details">
          <Title order={3} fz="md" mb="sm" id="wizard-number-details">
            {t(`wizard.number.details.${choices.numberKind}`)}
          </Title>
          {choices.numberKind === 'new' && <NewNumber {...props} />}
          {choices.numberKind === 'port_in' && <PortIn {...props} />}
          {choices.numberKind === 'port_internal' && <PortInternal {...props} />}
        </Paper>
      )}
    </Stack>
  );
};
