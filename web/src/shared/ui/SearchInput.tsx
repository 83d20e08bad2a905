import { CloseButton, Loader, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type SearchInputProps = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onClear: () => void;
  /** A new result is on its way (the old one stays on screen meanwhile). */
  busy: boolean;
};

/** The search box above a list: a spinner while searching, a clear button (or Escape) otherwise. */
export const SearchInput = ({ label, placeholder, value, onChange, onClear, busy }: SearchInputProps) => {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) onClear();
      }}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      rightSection={
        busy ? (
          <Loader size={14} aria-hidden="true" />
        ) : value ? (
          <CloseButton size="sm" aria-label={t('actions.clearSearch')} onClick={onClear} />
        ) : null
      }
      w={{ base: '100%', sm: 380 }}
    />
  );
};
