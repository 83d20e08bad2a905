import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestKind, RequestStatus } from '../../shared/api/contract';
import { REQUEST_KINDS, REQUEST_STATUSES } from './api';
import { useRequestText } from './request-text';

export const isStatus = (v: string | null): v is RequestStatus => (REQUEST_STATUSES as readonly (string | null)[]).includes(v);
export const isKind = (v: string | null): v is RequestKind => (REQUEST_KINDS as readonly (string | null)[]).includes(v);

/** Status and type filters of a request list; "all" is no value. */
export const StatusKindFilters = ({ status, kind, onChange }: { status: RequestStatus | null; kind: RequestKind | null; onChange: (changes: { status?: string | null; kind?: string | null }) => void }) => {
  const { t } = useTranslation();
  const text = useRequestText();
  return (
    <>
      <Select
        label={t('requests.statusFilter')}
        placeholder={t('requests.allStatuses')}
        clearable
        value={status}
        onChange={(value) => onChange({ status: value })}
        data={REQUEST_STATUSES.map((s) => ({ value: s, label: text.status(s) }))}
        w={200}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('requests.kindFilter')}
        placeholder={t('requests.allKinds')}
        clearable
        value={kind}
        onChange={(value) => onChange({ kind: value })}
        data={REQUEST_KINDS.map((k) => ({ value: k, label: text.kind(k) }))}
        w={200}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  );
};
