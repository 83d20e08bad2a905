import { MultiSelect, Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestableService } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useRequestableServices } from './api';

const useServiceOptions = (selected: string[]) => {
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRequestableServices(q);
  // the chosen ones keep their names whatever the search shows
  const chosen = useRequestableServices('', selected);
  const label = (s: RequestableService) => `${s.userName} — ${s.msisdn ? format.phone(s.msisdn) : s.serviceType} · ${s.bundle}`;
  const data = useMemo(() => {
    const all = new Map<string, RequestableService>();
    for (const s of [...(chosen.data?.items ?? []), ...(found.data?.items ?? [])]) all.set(s.id, s);
    return [...all.values()].map((s) => ({ value: s.id, label: label(s) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen.data, found.data, format]);
  return { data, search, setSearch, loading: found.isFetching };
};

type Common = { id: string; label: string; description?: string; error?: string | null; required?: boolean };

/** What both pickers share: the company's services, searched on the server as the person types. */
const useServiceSearch = (selected: string[]) => {
  const { t } = useTranslation();
  const { data, search, setSearch } = useServiceOptions(selected);
  return {
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    // the server has filtered already: show every option it found
    filter: (({ options }) => options) satisfies OptionsFilter,
    clearable: true,
    nothingFoundMessage: t('requests.form.noServiceFound'),
    comboboxProps: { withinPortal: true },
  };
};

/** The company's services (not ended), searched on the server by name or number. */
export const ServicesMultiPicker = ({ value, onChange, ...rest }: Common & { value: string[]; onChange: (ids: string[]) => void }) => {
  const { t } = useTranslation();
  const search = useServiceSearch(value);
  return (
    <MultiSelect
      {...rest}
      {...search}
      value={value}
      onChange={onChange}
      hidePickedOptions
      maxValues={50}
      placeholder={value.length ? undefined : t('requests.form.servicesPlaceholder')}
    />
  );
};

export const ServiceSinglePicker = ({ value, onChange, ...rest }: Common & { value: string | null; onChange: (id: string | null) => void }) => {
  const { t } = useTranslation();
  const search = useServiceSearch(value ? [value] : []);
  return <Select {...rest} {...search} value={value} onChange={onChange} placeholder={t('requests.form.servicePlaceholder')} />;
};
