import { ActionIcon, Badge, Button, Divider, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntryKind, ItemKind, Localized } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { placeServerErrors } from '../../shared/ui/server-errors';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useAddPrice, useEditEntry, usePriceHistory, useWithdrawPrice } from './api';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

export type CatalogItem = {
  entry: CatalogEntryKind;
  code: string;
  name: Localized;
  active: boolean | null;
  priced: ItemKind | null;
  /** Bundles: what a suspended line costs a month (null: the full price). */
  suspendedMonthlyPriceCents?: number | null;
};

const STATUS_COLOR = { past: 'gray', current: 'green', planned: 'indigo' } as const;

const NamesForm = ({ item, onSaved }: { item: CatalogItem; onSaved: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const edit = useEditEntry();
  const [formError, setFormError] = useState<string | null>(null);
  const format = useFormat();
  const bundle = item.entry === 'bundles';
  const suspended = item.suspendedMonthlyPriceCents;
  const form = useForm<{ en: string; fr: string; nl: string; active: boolean; suspended: number | string }>({
    initialValues: { en: item.name.en, fr: item.name.fr, nl: item.name.nl, active: item.active ?? true, suspended: suspended === null || suspended === undefined ? '' : suspended / 100 },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const suspendedPrice = bundle ? { suspendedMonthlyPriceCents: v.suspended === '' ? null : Math.round(Number(v.suspended) * 100) } : {};
      await edit.mutateAsync({ kind: item.entry, code: item.code, patch: { name: { en: v.en.trim(), fr: v.fr.trim(), nl: v.nl.trim() }, ...(item.active !== null ? { active: v.active } : {}), ...suspendedPrice } });
      notify({ color: 'green', title: t('backOffice.catalog.saved'), message: v.en.trim() });
      onSaved();
    } catch (error) {
      const placed = placeServerErrors(
        error,
        ['name.en', 'name.fr', 'name.nl', 'active', 'suspendedMonthlyPriceCents'],
        (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, m]) => [k === 'suspendedMonthlyPriceCents' ? 'suspended' : k.replace('name.', ''), m]))),
        problemMessage,
      );
      setFormError(placed.formError);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert>{formError}</ProblemAlert>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={labels.field('name_en')} required lang="en" {...form.getInputProps('en')} />
          <TextInput label={labels.field('name_fr')} required lang="fr" {...form.getInputProps('fr')} />
          <TextInput label={labels.field('name_nl')} required lang="nl" {...form.getInputProps('nl')} />
        </SimpleGrid>
        {item.active !== null && (
          <Switch label={t('backOffice.catalog.offered')} description={t('backOffice.catalog.offeredHint')} {...form.getInputProps('active', { type: 'checkbox' })} />
        )}
        {bundle && (
          <NumberInput
            label={labels.field('suspendedMonthlyPriceCents')}
            description={t('backOffice.catalog.suspendedHint')}
            placeholder={t('backOffice.catalog.suspendedFull')}
            min={0}
            decimalScale={2}
            fixedDecimalScale
            decimalSeparator={format.locale.startsWith('en') ? '.' : ','}
            leftSection="€"
            maw={260}
            {...form.getInputProps('suspended')}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={edit.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

const Prices = ({ kind, code }: { kind: ItemKind; code: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const history = usePriceHistory(kind, code);
  const add = useAddPrice();
  const withdraw = useWithdrawPrice();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const today = history.data?.today ?? '';
  const form = useForm<{ price: number | string; effectiveFrom: string }>({ initialValues: { price: '', effectiveFrom: '' } });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    if (v.price === '' || !v.effectiveFrom) {
      form.setErrors({
        ...(v.price === '' ? { price: t('rules.required', { ns: 'common', field: labels.field('monthlyPriceCents') }) } : {}),
        ...(!v.effectiveFrom ? { effectiveFrom: t('rules.required', { ns: 'common', field: labels.field('effectiveFrom') }) } : {}),
      });
      return;
    }
    try {
      const saved = await add.mutateAsync({ itemKind: kind, itemCode: code, monthlyPriceCents: Math.round(Number(v.price) * 100), effectiveFrom: v.effectiveFrom });
      notify({ color: 'green', title: t(saved.appliedNow ? 'backOffice.catalog.priceNow' : 'backOffice.catalog.pricePlanned'), message: `${format.money(Math.round(Number(v.price) * 100))} · ${format.calendarDate(v.effectiveFrom)}` });
      form.reset();
      await history.refetch();
    } catch (error) {
      const placed = placeServerErrors(error, ['monthlyPriceCents', 'effectiveFrom'], (errors) => form.setErrors({ ...(errors.monthlyPriceCents ? { price: errors.monthlyPriceCents } : {}), ...(errors.effectiveFrom ? { effectiveFrom: errors.effectiveFrom } : {}) }), problemMessage);
      setFormError(placed.formError);
    }
  });
  const doWithdraw = async (id: string) => {
    try {
      await withdraw.mutateAsync(id);
      setConfirming(null);
      notify({ color: 'green', title: t('backOffice.catalog.withdrawn'), message: '' });
      await history.refetch();
    } catch (error) {
      setFormError(problemMessage(error));
      setConfirming(null);
    }
  };
  return (
    <Stack gap="sm">
      <Title order={3} fz="md">
        {t('backOffice.catalog.priceHistory')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('backOffice.catalog.priceRule')}
      </Text>
      <LabelledTable
        label={t('backOffice.catalog.priceHistory')}
        minWidth={520}
        head={
          <>
            <Table.Th>{labels.field('effectiveFrom')}</Table.Th>
            <Table.Th ta="right">{labels.field('monthlyPriceCents')}</Table.Th>
            <Table.Th>{t('backOffice.catalog.status')}</Table.Th>
            <Table.Th>{t('backOffice.catalog.setBy')}</Table.Th>
            <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
          </>
        }
      >
        {(history.data?.items ?? []).map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td className="fd-nowrap">{format.calendarDate(p.effectiveFrom)}</Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.money(p.monthlyPriceCents)}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[p.status]} radius="sm" tt="none" fw={600}>
                {t(`backOffice.catalog.priceStatus.${p.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{p.createdByName ?? <Text span c="dimmed" fz="sm">{t('backOffice.catalog.initial')}</Text>}</Table.Td>
            <Table.Td ta="right">
              {p.status === 'planned' &&
                (confirming === p.id ? (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" color="red" onClick={() => doWithdraw(p.id)} loading={withdraw.isPending}>
                      {t('backOffice.catalog.confirmWithdraw')}
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                      {t('actions.cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Tooltip label={t('backOffice.catalog.withdraw')}>
                    <ActionIcon variant="subtle" color="red" aria-label={`${t('backOffice.catalog.withdraw')} – ${format.calendarDate(p.effectiveFrom)}`} onClick={() => setConfirming(p.id)}>
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Tooltip>
                ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </LabelledTable>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert>{formError}</ProblemAlert>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <NumberInput
              label={t('backOffice.catalog.newPrice')}
              required
              min={0}
              decimalScale={2}
              fixedDecimalScale
              decimalSeparator={format.locale.startsWith('en') ? '.' : ','}
              leftSection="€"
              w={180}
              {...form.getInputProps('price')}
            />
            <TextInput type="date" label={labels.field('effectiveFrom')} required min={today} w={200} {...form.getInputProps('effectiveFrom')} />
            <Button type="submit" mt={25} loading={add.isPending}>
              {t('backOffice.catalog.addPrice')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
};

/** One catalog entry: its names, whether it is offered, and (bundles and options) its dated prices. */
export const CatalogItemModal = ({ item, onClose }: { item: CatalogItem | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language.slice(0, 2) as keyof Localized) || 'en';
  return (
    <Modal opened={item !== null} onClose={onClose} title={item ? `${item.name[lang] ?? item.name.en} (${item.code})` : ''} centered size="xl" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {item && (
        <Stack gap="lg">
          <NamesForm key={item.code} item={item} onSaved={() => undefined} />
          {item.priced && (
            <>
              <Divider />
              <Prices kind={item.priced} code={item.code} />
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
};
