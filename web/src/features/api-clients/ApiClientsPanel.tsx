import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, CopyButton, EmptyState, Group, Modal, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiScope, CreatedApiClient } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { FormModal } from '../../shared/ui/FormModal';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useServerErrors } from '../../shared/ui/server-errors';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useApiClientMutations, useApiClients } from './api';
import { useCan } from '../auth/can';

const SCOPES: ApiScope[] = ['services:read', 'orders:read', 'orders:write', 'events:manage'];
const FIELDS = ['name', 'scopes'] as const;

/** A value to copy: shown in full, with a button that says when it is copied. */
const Copyable = ({ label, value }: { label: string; value: string }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }} bg="var(--mantine-color-gray-0)" px="xs" py={6} flex={1}>
          {value}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('apiClients.copied') : t('apiClients.copy')}>
              <ActionIcon variant="light" color={copied ? 'teal' : 'indigo'} onClick={copy} aria-label={`${t('apiClients.copy')} – ${label}`}>
                {copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
};

/** Name and scopes of a new client; on success the secret is shown, once. */
const CreateClientModal = ({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (c: CreatedApiClient) => void }) => {
  const { t } = useTranslation();
  const { create } = useApiClientMutations();
  const form = useForm<{ name: string; scopes: ApiScope[] }>({ initialValues: { name: '', scopes: ['services:read'] } });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, form.setErrors);
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync({ name: values.name, scopes: values.scopes });
      form.reset();
      onCreated(created);
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={opened} onClose={close} title={t('apiClients.createTitle')} onSubmit={submit} submit={{ label: t('apiClients.create'), pending: create.isPending, icon: IconKey }}>
      <ProblemAlert>{formError}</ProblemAlert>
      <TextInput id={`${idPrefix}-name`} label={t('apiClients.name')} description={t('apiClients.nameHint')} required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
      <Checkbox.Group id={`${idPrefix}-scopes`} label={t('apiClients.scopes')} description={t('apiClients.scopesHint')} required {...form.getInputProps('scopes')}>
        <Stack gap="xs" mt="xs">
          {SCOPES.map((scope) => (
            <Checkbox key={scope} value={scope} label={<Text fz="sm" ff="monospace" span>{scope}</Text>} description={t(`apiClients.scope.${scope.replace(':', '_')}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
    </FormModal>
  );
};

/** The credentials of a client just created: the secret is never shown again. */
const SecretModal = ({ created, onClose }: { created: CreatedApiClient | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={created !== null} onClose={onClose} title={t('apiClients.secretTitle', { name: created?.name ?? '' })} centered size="lg" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {created && (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
            {t('apiClients.secretOnce')}
          </Alert>
          <Copyable label={t('apiClients.clientId')} value={created.clientId} />
          <Copyable label={t('apiClients.clientSecret')} value={created.clientSecret} />
          <Text fz="sm" c="dimmed">
            {t('apiClients.howTo')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('apiClients.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};

const RevokeModal = ({ client, onClose }: { client: ApiClient | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { revoke } = useApiClientMutations();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!client) return;
    try {
      await revoke.mutateAsync(client.id);
      notify({ color: 'green', title: t('apiClients.revoked'), message: client.name });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  return (
    <Modal opened={client !== null} onClose={close} title={t('apiClients.revokeTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t('apiClients.revokeText', { name: client?.name ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={t('apiClients.revoke')} onConfirm={confirm} pending={revoke.isPending} icon={IconTrash} color="red" onCancel={close} focusCancel />
      </Stack>
    </Modal>
  );
};

/** Company & contract › API clients: the company's own systems that call the public API. */
export const ApiClientsPanel = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const clients = useApiClients();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  // the owner's to create and revoke; administrators and read-only accounts see them
  const mayManage = useCan('apiClients.manage');
  return (
    <Card padding={0}>
      <Group justify="space-between" p="lg" pb="xs" wrap="wrap" align="flex-start">
        <Stack gap={4} maw={640}>
          <Title order={2} fz="lg">
            {t('apiClients.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('apiClients.intro')}{' '}
            <Anchor href="/tmf-api/docs" target="_blank" fz="sm" underline="always">
              {t('apiClients.docs')}
            </Anchor>
          </Text>
        </Stack>
        {mayManage && <Button size="sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t('apiClients.add')}
        </Button>}
      </Group>
      <QueryContent query={clients} skeletons={[120]}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState py={40} icon={<IconKey size={28} aria-hidden="true" />} withIndicatorBackground title={t('apiClients.none')} description={t('apiClients.noneHint')} />
          ) : (
            <LabelledTable
              label={t('apiClients.title')}
              minWidth={860}
              highlightOnHover
              head={
                <>
                  <Table.Th>{t('apiClients.name')}</Table.Th>
                  <Table.Th>{t('apiClients.clientId')}</Table.Th>
                  <Table.Th>{t('apiClients.scopes')}</Table.Th>
                  <Table.Th>{t('apiClients.created')}</Table.Th>
                  <Table.Th>{t('apiClients.lastUsed')}</Table.Th>
                  <Table.Th>{t('apiClients.status')}</Table.Th>
                  <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
                </>
              }
            >
              {items.map((client) => (
                <Table.Tr key={client.id} c={client.revokedAt ? 'dimmed' : undefined}>
                  <Table.Td fw={600}>{client.name}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {client.clientId}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {client.scopes.map((scope) => (
                        <Badge key={scope} variant="light" color="gray" radius="sm" tt="none" ff="monospace" fw={500}>
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.dateTime(client.createdAt)}</Table.Td>
                  <Table.Td>{client.lastUsedAt ? format.dateTime(client.lastUsedAt) : <Text span c="dimmed" fz="sm">{t('apiClients.never')}</Text>}</Table.Td>
                  <Table.Td>
                    {client.revokedAt ? (
                      <Tooltip label={format.dateTime(client.revokedAt)}>
                        <Badge color="red" variant="light">
                          {t('apiClients.statusRevoked')}
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('apiClients.statusActive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {mayManage && !client.revokedAt && (
                        <Tooltip label={t('apiClients.revoke')}>
                          <ActionIcon variant="subtle" color="red" aria-label={`${t('apiClients.revoke')} – ${client.name}`} onClick={() => setRevoking(client)}>
                            <IconTrash size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </LabelledTable>
          )
        }
      </QueryContent>
      <CreateClientModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
      <RevokeModal client={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
};
