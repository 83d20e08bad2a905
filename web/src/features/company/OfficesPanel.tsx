import { ActionIcon, Button, Card, EmptyState, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuilding, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, OfficeInput } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useServerErrors } from '../../shared/ui/server-errors';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useOfficeMutations } from '../companies/api';
import { FormModal } from '../../shared/ui/FormModal';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

const FIELDS = ['name', 'street', 'postalCode', 'city', 'country'] as const;
/** The form's values: every field present (the API may take the country from its default). */
type OfficeValues = Required<OfficeInput>;

const EMPTY: OfficeValues = { name: '', street: '', postalCode: '', city: '', country: 'BE' };

type OfficeFormProps = { base: string; office: Office | null; opened: boolean; onClose: () => void };

/** Add or change an office; the server's messages land under the fields they name. */
const OfficeFormModal = ({ base, office, opened, onClose }: OfficeFormProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { add, edit } = useOfficeMutations(base);
  const form = useForm<OfficeValues>({ initialValues: EMPTY });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, form.setErrors);
  const [loadedFor, setLoadedFor] = useState<string | null | undefined>(undefined);
  // fill the form once per opening, with the office being edited or empty for a new one
  if (opened && loadedFor !== (office?.id ?? null)) {
    setLoadedFor(office?.id ?? null);
    form.setValues(office ? { name: office.name, street: office.street, postalCode: office.postalCode, city: office.city, country: office.country } : EMPTY);
    form.resetDirty();
    setFormError(null);
  }
  const close = () => {
    setLoadedFor(undefined);
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input = { ...values, country: values.country.trim().toUpperCase() || 'BE' };
    try {
      if (office) await edit.mutateAsync({ id: office.id, input });
      else await add.mutateAsync(input);
      notify({ color: 'green', title: t(office ? 'backOffice.offices.saved' : 'backOffice.offices.added'), message: input.name });
      close();
    } catch (error) {
      show(error);
    }
  });
  const input = (name: (typeof FIELDS)[number], extra: { autoComplete?: string; description?: string } = {}) => (
    <TextInput id={`${idPrefix}-${name}`} label={labels.field(name)} required={name !== 'country'} autoComplete={extra.autoComplete ?? 'off'} description={extra.description} data-autofocus={name === 'name' ? true : undefined} {...form.getInputProps(name)} />
  );
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t(office ? 'backOffice.offices.editTitle' : 'backOffice.offices.addTitle')}
      onSubmit={submit}
      submit={{ label: t('actions.save'), pending: add.isPending || edit.isPending }}
    >
      <ProblemAlert>{formError}</ProblemAlert>
      {input('name')}
      {input('street', { autoComplete: 'street-address' })}
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        {input('postalCode', { autoComplete: 'postal-code' })}
        {input('city', { autoComplete: 'address-level2' })}
        {input('country', { autoComplete: 'country', description: t('backOffice.offices.countryHint') })}
      </SimpleGrid>
    </FormModal>
  );
};

/** Asks before removing; the server refuses an office still in use and says why. */
const RemoveOfficeModal = ({ base, office, onClose }: { base: string; office: Office | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { remove } = useOfficeMutations(base);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    remove.reset();
    onClose();
  };
  const confirm = async () => {
    if (!office) return;
    try {
      await remove.mutateAsync(office.id);
      notify({ color: 'green', title: t('backOffice.offices.removed'), message: office.name });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  return (
    <Modal opened={office !== null} onClose={close} title={t('backOffice.offices.removeTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t('backOffice.offices.removeText', { name: office?.name ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={t('backOffice.offices.remove')} onConfirm={confirm} pending={remove.isPending} icon={IconTrash} color="red" onCancel={close} focusCancel />
      </Stack>
    </Modal>
  );
};

type OfficesPanelProps = {
  offices: Office[];
  /** Where the offices are changed: /api/companies/<id> (operator staff) or /api/company (administrator). */
  base: string;
  title?: boolean;
  /** For an account that may only look: no add, edit or remove. */
  readOnly?: boolean;
};

/** A company's offices, with add, edit and remove; the same for operator staff and the administrator. */
export const OfficesPanel = ({ offices, base, title = true, readOnly = false }: OfficesPanelProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<Office | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Office | null>(null);
  return (
    <Card padding={0}>
      <Group justify="space-between" p="lg" pb="xs" wrap="wrap">
        {title ? (
          <Title order={2} fz="lg">
            {t('company.offices')}
          </Title>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('backOffice.offices.intro')}
          </Text>
        )}
        {!readOnly && <Button size="sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
          {t('backOffice.offices.add')}
        </Button>}
      </Group>
      {offices.length === 0 ? (
        <EmptyState py={40} icon={<IconBuilding size={28} aria-hidden="true" />} withIndicatorBackground title={t('company.noOffices')} description={t('backOffice.offices.emptyHint')} />
      ) : (
        <LabelledTable
          label={t('company.offices')}
          minWidth={760}
          highlightOnHover
          head={
            <>
              <Table.Th>{t('company.columns.office')}</Table.Th>
              <Table.Th>{t('company.columns.street')}</Table.Th>
              <Table.Th>{t('company.columns.postalCode')}</Table.Th>
              <Table.Th>{t('company.columns.city')}</Table.Th>
              <Table.Th>{t('company.columns.country')}</Table.Th>
              <Table.Th ta="right">{t('backOffice.offices.users')}</Table.Th>
              <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
            </>
          }
        >
          {offices.map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td fw={600}>{office.name}</Table.Td>
              <Table.Td>{office.street}</Table.Td>
              <Table.Td>{office.postalCode}</Table.Td>
              <Table.Td>{office.city}</Table.Td>
              <Table.Td>{format.country(office.country)}</Table.Td>
              <Table.Td ta="right">{format.number(office.mobileUserCount)}</Table.Td>
              <Table.Td>
                {!readOnly && <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('actions.edit')}>
                    <ActionIcon variant="subtle" aria-label={`${t('actions.edit')} – ${office.name}`} onClick={() => setEditing(office)}>
                      <IconPencil size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={office.mobileUserCount > 0 ? t('backOffice.offices.inUse', { count: office.mobileUserCount }) : t('backOffice.offices.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('backOffice.offices.remove')} – ${office.name}`}
                      // still focusable when in use: the tooltip tells why removing would be refused
                      aria-disabled={office.mobileUserCount > 0}
                      onClick={() => office.mobileUserCount === 0 && setRemoving(office)}
                      style={office.mobileUserCount > 0 ? { opacity: 0.45, cursor: 'not-allowed' } : undefined}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Tooltip>
                </Group>}
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      )}
      <OfficeFormModal base={base} office={editing} opened={adding || editing !== null} onClose={() => (setAdding(false), setEditing(null))} />
      <RemoveOfficeModal base={base} office={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
};
