import { Divider, MultiSelect, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import type { Catalog, CompanyDetail, ContractInput } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useServerErrors } from '../../shared/ui/server-errors';
import { useCreateCompany, useOperatorStaff, useSaveContract, useUpdateCompany } from './api';
import { FormModal } from '../../shared/ui/FormModal';

type ProductTypeOption = { value: string; label: string };

/** The catalog's product types, named in the UI language. */
const useProductTypeOptions = (): ProductTypeOption[] => {
  const { i18n } = useTranslation();
  const catalog = useQuery({
    queryKey: ['catalog', 'product-types', i18n.language],
    queryFn: ({ signal }) => api.get<Catalog>('/api/catalog', undefined, signal),
    staleTime: 60_000,
  });
  return (catalog.data?.productTypes ?? []).map((p) => ({ value: p.code, label: p.name }));
};

const CONTRACT_FIELDS = ['reference', 'productTypes', 'contractedServices', 'startsOn', 'endsOn'] as const;
const COMPANY_FIELDS = ['name', 'vatNumber', 'accountManagerId'] as const;

type ContractValues = { reference: string; productTypes: string[]; contractedServices: number | string; startsOn: string; endsOn: string };
const toContract = (v: ContractValues): ContractInput => ({
  reference: v.reference.trim(),
  productTypes: v.productTypes,
  contractedServices: Number(v.contractedServices),
  startsOn: v.startsOn,
  endsOn: v.endsOn,
});

const ContractFields = ({ form, idPrefix }: { form: ReturnType<typeof useForm<any>>; idPrefix: string }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const productTypes = useProductTypeOptions();
  return (
    <>
      <TextInput id={`${idPrefix}-reference`} label={labels.field('reference')} required autoComplete="off" {...form.getInputProps('reference')} />
      <MultiSelect
        id={`${idPrefix}-productTypes`}
        label={labels.field('productTypes')}
        required
        data={productTypes}
        comboboxProps={{ withinPortal: true }}
        hidePickedOptions
        {...form.getInputProps('productTypes')}
      />
      <NumberInput id={`${idPrefix}-contractedServices`} label={labels.field('contractedServices')} required min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps('contractedServices')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput id={`${idPrefix}-startsOn`} type="date" label={labels.field('startsOn')} required {...form.getInputProps('startsOn')} />
        <TextInput id={`${idPrefix}-endsOn`} type="date" label={labels.field('endsOn')} required description={t('backOffice.company.endsAfterStart')} {...form.getInputProps('endsOn')} />
      </SimpleGrid>
    </>
  );
};

const AccountManagerSelect = ({ form, idPrefix }: { form: ReturnType<typeof useForm<any>>; idPrefix: string }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const staff = useOperatorStaff();
  return (
    <Select
      id={`${idPrefix}-accountManagerId`}
      label={labels.field('accountManagerId')}
      placeholder={t('backOffice.company.noManager')}
      clearable
      searchable
      data={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.fullName} (${s.email})` }))}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps('accountManagerId')}
    />
  );
};

/** Operator staff register a customer company, with its contract or without (then later). */
export const CreateCompanyModal = ({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const create = useCreateCompany();
  const [withContract, setWithContract] = useState(true);
  const form = useForm<{ name: string; vatNumber: string; accountManagerId: string | null } & ContractValues>({
    initialValues: { name: '', vatNumber: '', accountManagerId: null, reference: '', productTypes: [], contractedServices: 10, startsOn: '', endsOn: '' },
  });
  // the contract's fields come back as contract.<field>; the company's as they are
  const { idPrefix, formError, setFormError, show } = useServerErrors([...COMPANY_FIELDS, ...CONTRACT_FIELDS], form.setErrors, 'contract.');
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync({
        name: v.name.trim(),
        vatNumber: v.vatNumber.trim() || null,
        accountManagerId: v.accountManagerId,
        ...(withContract ? { contract: toContract(v) } : {}),
      });
      notify({ color: 'green', title: t('backOffice.company.created'), message: v.name.trim() });
      close();
      onCreated(created.id);
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={opened} onClose={close} title={t('backOffice.company.createTitle')} onSubmit={submit} submit={{ label: t('backOffice.company.create'), pending: create.isPending }}>
      <ProblemAlert>{formError}</ProblemAlert>
      <TextInput id={`${idPrefix}-name`} label={labels.field('name')} required data-autofocus autoComplete="organization" {...form.getInputProps('name')} />
      <TextInput id={`${idPrefix}-vatNumber`} label={labels.field('vatNumber')} description={t('backOffice.company.vatHint')} autoComplete="off" {...form.getInputProps('vatNumber')} />
      <AccountManagerSelect form={form} idPrefix={idPrefix} />
      <Divider />
      <Switch checked={withContract} onChange={(e) => setWithContract(e.currentTarget.checked)} label={t('backOffice.company.withContract')} />
      {withContract && <ContractFields form={form} idPrefix={idPrefix} />}
    </FormModal>
  );
};

/** Name, VAT number and account manager of a company. */
export const EditCompanyModal = ({ company, opened, onClose }: { company: CompanyDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const update = useUpdateCompany(company.id);
  const initial = { name: company.name, vatNumber: company.vatNumber ?? '', accountManagerId: company.accountManager?.id ?? null };
  const form = useForm({ initialValues: initial });
  const { idPrefix, formError, setFormError, show } = useServerErrors(COMPANY_FIELDS, form.setErrors);
  const close = () => {
    form.setValues(initial);
    form.clearErrors();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await update.mutateAsync({ name: v.name.trim(), vatNumber: v.vatNumber.trim() || null, accountManagerId: v.accountManagerId });
      notify({ color: 'green', title: t('backOffice.company.saved'), message: v.name.trim() });
      onClose();
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={opened} onClose={close} title={t('backOffice.company.editTitle')} onSubmit={submit} submit={{ label: t('actions.save'), pending: update.isPending }}>
      <ProblemAlert>{formError}</ProblemAlert>
      <TextInput id={`${idPrefix}-name`} label={labels.field('name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput id={`${idPrefix}-vatNumber`} label={labels.field('vatNumber')} description={t('backOffice.company.vatHint')} {...form.getInputProps('vatNumber')} />
      <AccountManagerSelect form={form} idPrefix={idPrefix} />
    </FormModal>
  );
};

/** The mobile contract's terms: reference, product types, contracted services, period. */
export const ContractModal = ({ company, opened, onClose }: { company: CompanyDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const save = useSaveContract(company.id);
  const c = company.contract;
  const initial: ContractValues = c
    ? { reference: c.reference, productTypes: c.productTypes.map((p) => p.code), contractedServices: c.contractedServices, startsOn: c.startsOn, endsOn: c.endsOn }
    : { reference: '', productTypes: [], contractedServices: 10, startsOn: '', endsOn: '' };
  const form = useForm<ContractValues>({ initialValues: initial });
  const { idPrefix, formError, setFormError, show } = useServerErrors(CONTRACT_FIELDS, form.setErrors);
  const close = () => {
    form.setValues(initial);
    form.clearErrors();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync(toContract(v));
      notify({ color: 'green', title: t('backOffice.company.contractSaved'), message: v.reference.trim() });
      onClose();
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={opened} onClose={close} title={t(c ? 'backOffice.company.contractEditTitle' : 'backOffice.company.contractAddTitle')} onSubmit={submit} submit={{ label: t('actions.save'), pending: save.isPending }}>
      <ProblemAlert>{formError}</ProblemAlert>
      {c && (
        <Text fz="sm" c="dimmed">
          {t('backOffice.company.contractNote')}
        </Text>
      )}
      <ContractFields form={form} idPrefix={idPrefix} />
    </FormModal>
  );
};
