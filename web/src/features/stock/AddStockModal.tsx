import { Input, SegmentedControl, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { SimKind } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { SIM_KINDS, useAddStock, type StockKind } from './api';
import { stockText } from './stock-text';
import { FormModal } from '../../shared/ui/FormModal';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type Values = { kind: SimKind; iccid: string; pin: string; puk: string; smdpAddress: string; matchingId: string; number: string; msisdn: string };
type Field = Exclude<keyof Values, 'kind'>;

const EMPTY: Values = { kind: 'physical', iccid: '', pin: '', puk: '', smdpAddress: '', matchingId: '', number: '', msisdn: '' };

/** The fields each kind of stock asks for, in form order; eSIM fields only for an eSIM profile. */
const fieldsOf = (stock: StockKind, kind: SimKind): { name: Field; required: boolean }[] => {
  if (stock === 'fixed-numbers') return [{ name: 'number', required: true }];
  if (stock === 'mobile-number-pool') return [{ name: 'msisdn', required: true }];
  return [
    { name: 'iccid', required: true },
    { name: 'pin', required: false },
    { name: 'puk', required: false },
    ...(kind === 'esim' ? [{ name: 'smdpAddress' as const, required: true }, { name: 'matchingId' as const, required: true }] : []),
  ];
};

type AddStockModalProps = { stock: StockKind; companyId: string | null; opened: boolean; onClose: () => void };

/** Adds one SIM card, eSIM profile or number; the server's field errors land under the fields. */
export const AddStockModal = ({ stock, companyId, opened, onClose }: AddStockModalProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const add = useAddStock<{ iccid?: string; number?: string; msisdn?: string }>(stock, companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const idPrefix = useId();
  const inputId = (field: string) => `${idPrefix}-${field}`;
  const text = stockText(stock);

  const form = useForm<Values>({ initialValues: EMPTY });
  const fields = fieldsOf(stock, form.values.kind);

  const close = () => {
    form.reset();
    setFormError(null);
    add.reset();
    onClose();
  };

  const focus = (field: string) => requestAnimationFrame(() => document.getElementById(inputId(field))?.focus());

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    // Convenience only, in the server's words: the server checks everything again.
    const missing = Object.fromEntries(fields.filter((f) => f.required && !values[f.name].trim()).map((f) => [f.name, t('rules.required', { field: labels.field(f.name) })]));
    if (Object.keys(missing).length) {
      form.setErrors(missing);
      focus(fields.find((f) => missing[f.name])!.name);
      return;
    }
    const input: Record<string, string> = stock === 'sim-cards' ? { kind: values.kind } : {};
    for (const f of fields) if (values[f.name].trim()) input[f.name] = values[f.name].trim();
    try {
      const saved = await add.mutateAsync(input);
      notify({
        color: 'green',
        title: t(`stock.${text}.added`),
        message: saved.iccid ? format.iccid(saved.iccid) : format.phone(saved.number ?? saved.msisdn ?? ''),
      });
      close();
    } catch (error) {
      if (isApiError(error) && error.errors.length > 0) {
        const errors: Record<string, string> = {};
        const unplaced: string[] = [];
        for (const e of error.errors) {
          if (fields.some((f) => f.name === e.field)) errors[e.field] ??= e.message;
          else unplaced.push(e.message);
        }
        form.setErrors(errors);
        setFormError(unplaced.length ? unplaced.join(' ') : error.status === 409 ? error.detail : null);
        const first = fields.find((f) => errors[f.name]);
        if (first) focus(first.name);
      } else {
        setFormError(problemMessage(error));
      }
    }
  });

  const input = (name: Field, extra: { description?: string; required?: boolean; code?: boolean; inputMode?: 'numeric' | 'tel' } = {}) => (
    <TextInput
      key={name}
      id={inputId(name)}
      label={labels.field(name)}
      description={extra.description}
      required={extra.required}
      styles={extra.code ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
      inputMode={extra.inputMode}
      autoComplete="off"
      data-autofocus={name === fields[0]?.name ? true : undefined}
      {...form.getInputProps(name)}
    />
  );

  return (
    <FormModal opened={opened} onClose={close} title={t(`stock.${text}.addTitle`)} onSubmit={submit} submit={{ label: t('stock.add.submit'), pending: add.isPending, icon: IconPlus }}>
      <ProblemAlert title={t('stock.add.failed')}>{formError}</ProblemAlert>
      {stock === 'sim-cards' ? (
        <>
          <Input.Wrapper label={labels.field('kind')} labelElement="div" labelProps={{ id: inputId('kind-label') }}>
            <SegmentedControl
              fullWidth
              mt={4}
              aria-labelledby={inputId('kind-label')}
              data={SIM_KINDS.map((kind) => ({ value: kind, label: t(`stock.kind.${kind}`) }))}
              {...form.getInputProps('kind')}
            />
          </Input.Wrapper>
          {input('iccid', { description: t('stock.add.iccidHint'), required: true, code: true, inputMode: 'numeric' })}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {input('pin', { description: t('stock.add.pinHint'), code: true, inputMode: 'numeric' })}
            {input('puk', { description: t('stock.add.pukHint'), code: true, inputMode: 'numeric' })}
          </SimpleGrid>
          {form.values.kind === 'esim' && (
            <>
              {input('smdpAddress', { description: t('stock.add.smdpHint'), required: true })}
              {input('matchingId', { description: t('stock.add.matchingIdHint'), required: true, code: true })}
            </>
          )}
        </>
      ) : (
        input(stock === 'fixed-numbers' ? 'number' : 'msisdn', {
          description: t(`stock.${text}.numberHint`),
          required: true,
          inputMode: 'tel',
        })
      )}
    </FormModal>
  );
};
