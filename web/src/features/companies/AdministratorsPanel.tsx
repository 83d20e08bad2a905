import { Anchor, Badge, Button, Card, EmptyState, Group, Menu, Modal, Select, Stack, Table, Text, TextInput, ActionIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDots, IconMailForward, IconUserOff, IconUserCheck, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Administrator, Language } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useServerErrors } from '../../shared/ui/server-errors';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useAdministratorMutations, type AdministratorAction } from './api';
import { FormModal } from '../../shared/ui/FormModal';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

const STATUS_COLOR = { invited: 'yellow', active: 'green', deactivated: 'gray' } as const;
const FIELDS = ['email', 'fullName', 'language', 'role'] as const;
const ROLES = ['owner', 'administrator', 'read_only', 'billing'] as const;
type CompanyRole = (typeof ROLES)[number];

const InviteModal = ({ companyId, companyName, opened, onClose }: { companyId: string; companyName: string; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { invite } = useAdministratorMutations(companyId);
  const form = useForm<{ email: string; fullName: string; language: Language; role: CompanyRole }>({ initialValues: { email: '', fullName: '', language: 'en', role: 'administrator' } });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, form.setErrors);
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await invite.mutateAsync({ email: v.email.trim(), fullName: v.fullName.trim(), language: v.language, role: v.role });
      notify({ color: 'green', title: t('backOffice.admins.invited'), message: t('backOffice.admins.invitedText', { email: v.email.trim() }) });
      close();
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('backOffice.admins.inviteTitle', { company: companyName })}
      onSubmit={submit}
      submit={{ label: t('backOffice.admins.send'), pending: invite.isPending, icon: IconMailForward }}
    >
      <Text fz="sm" c="dimmed">
        {t('backOffice.admins.inviteIntro')}
      </Text>
      <ProblemAlert>{formError}</ProblemAlert>
      <TextInput id={`${idPrefix}-fullName`} label={labels.field('fullName')} required data-autofocus autoComplete="off" {...form.getInputProps('fullName')} />
      <TextInput id={`${idPrefix}-email`} type="email" label={labels.field('email')} required autoComplete="off" {...form.getInputProps('email')} />
      <Select
        id={`${idPrefix}-language`}
        label={labels.field('language')}
        description={t('backOffice.admins.languageHint')}
        required
        allowDeselect={false}
        data={(['en', 'fr', 'nl'] as const).map((l) => ({ value: l, label: labels.language(l) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('language')}
      />
      <Select
        id={`${idPrefix}-role`}
        label={t('team.role')}
        description={t(`team.roleHints.${form.values.role}`)}
        required
        allowDeselect={false}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('role')}
      />
    </FormModal>
  );
};

type Pending = { admin: Administrator; action: AdministratorAction } | null;

/** Asks before deactivating (signs the person out at once) and before re-sending (the old link stops). */
const ConfirmActionModal = ({ companyId, pending, onClose }: { companyId: string; pending: Pending; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { act } = useAdministratorMutations(companyId);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      await act.mutateAsync({ id: pending.admin.id, action: pending.action });
      notify({ color: 'green', title: t(`backOffice.admins.done.${pending.action}`), message: pending.admin.fullName });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  const action = pending?.action ?? 'deactivate';
  return (
    <Modal opened={pending !== null} onClose={close} title={t(`backOffice.admins.confirm.${action}.title`)} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t(`backOffice.admins.confirm.${action}.text`, { name: pending?.admin.fullName ?? '', email: pending?.admin.email ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions
          label={t(`backOffice.admins.actions.${action}`)}
          onConfirm={confirm}
          pending={act.isPending}
          color={action === 'deactivate' ? 'red' : undefined}
          onCancel={close}
          focusCancel
        />
      </Stack>
    </Modal>
  );
};

/** The company's fleet administrators: invite by e-mail, re-send the link, deactivate and reactivate. */
export const AdministratorsPanel = ({ companyId, companyName, administrators }: { companyId: string; companyName: string; administrators: Administrator[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const actionsOf = (a: Administrator): AdministratorAction[] => (a.status === 'invited' ? ['resend-invitation', 'deactivate'] : a.status === 'active' ? ['deactivate'] : ['reactivate']);
  const icons = { 'resend-invitation': IconMailForward, deactivate: IconUserOff, reactivate: IconUserCheck } as const;
  return (
    <Card padding={0}>
      <Group justify="space-between" p="lg" pb="xs" wrap="wrap">
        <Text fz="sm" c="dimmed" maw={640}>
          {t('backOffice.admins.intro')}
        </Text>
        <Button leftSection={<IconUserPlus size={16} aria-hidden="true" />} onClick={() => setInviting(true)}>
          {t('backOffice.admins.invite')}
        </Button>
      </Group>
      {administrators.length === 0 ? (
        <EmptyState py={40} icon={<IconUsers size={28} aria-hidden="true" />} withIndicatorBackground title={t('companies.noAdministrators')} description={t('backOffice.admins.emptyHint')} />
      ) : (
        <LabelledTable
          label={t('companies.administrators')}
          minWidth={760}
          highlightOnHover
          head={
            <>
              <Table.Th>{t('companies.columns.adminName')}</Table.Th>
              <Table.Th>{t('companies.columns.adminEmail')}</Table.Th>
              <Table.Th>{labels.field('language')}</Table.Th>
              <Table.Th>{t('team.role')}</Table.Th>
              <Table.Th>{t('backOffice.admins.status')}</Table.Th>
              <Table.Th>{t('backOffice.admins.lastSignIn')}</Table.Th>
              <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
            </>
          }
        >
          {administrators.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td fw={600}>{a.fullName}</Table.Td>
              <Table.Td>
                <Anchor href={`mailto:${a.email}`} fz="sm">
                  {a.email}
                </Anchor>
              </Table.Td>
              <Table.Td>{labels.language(a.language)}</Table.Td>
              <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[a.status]} radius="sm" tt="none" fw={600}>
                  {t(`backOffice.admins.statuses.${a.status}`)}
                </Badge>
                {a.status === 'invited' && a.invitationExpiresAt && (
                  <Text fz="xs" c="dimmed" mt={2}>
                    {t('backOffice.admins.linkUntil', { date: format.dateTime(a.invitationExpiresAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="fd-nowrap">{a.lastLoginAt ? format.dateTime(a.lastLoginAt) : <Text span c="dimmed" fz="sm">{t('backOffice.admins.never')}</Text>}</Table.Td>
              <Table.Td ta="right">
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={t('backOffice.admins.actionsFor', { name: a.fullName })}>
                      <IconDots size={18} aria-hidden="true" />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {actionsOf(a).map((action) => {
                      const Icon = icons[action];
                      return (
                        <Menu.Item key={action} color={action === 'deactivate' ? 'red' : undefined} leftSection={<Icon size={16} aria-hidden="true" />} onClick={() => setPending({ admin: a, action })}>
                          {t(`backOffice.admins.actions.${action}`)}
                        </Menu.Item>
                      );
                    })}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      )}
      <InviteModal companyId={companyId} companyName={companyName} opened={inviting} onClose={() => setInviting(false)} />
      <ConfirmActionModal companyId={companyId} pending={pending} onClose={() => setPending(null)} />
    </Card>
  );
};
