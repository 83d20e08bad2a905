import { ActionIcon, Anchor, Badge, Button, Menu, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDots, IconMailForward, IconUserCheck, IconUserCog, IconUserOff, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, CompanyAccount, CompanyRole, Language } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { FormModal } from '../../shared/ui/FormModal';
import { ListEmpty, ListScaffold, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { Page } from '../../shared/ui/Page';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useServerErrors } from '../../shared/ui/server-errors';
import { useMe } from '../auth/session';
import { useCompanyAccounts, useTeamMutations, type AccountAction } from './api';

const ROLES: readonly CompanyRole[] = ['owner', 'administrator', 'read_only', 'billing'];
const STATUSES: readonly AccountStatus[] = ['invited', 'active', 'deactivated'];
const STATUS_COLOR = { invited: 'yellow', active: 'green', deactivated: 'gray' } as const;
const ROLE_COLOR = { owner: 'indigo', administrator: 'blue', read_only: 'gray', billing: 'teal' } as const;
const isRole = (v: string | null): v is CompanyRole => (ROLES as readonly (string | null)[]).includes(v);
const isStatus = (v: string | null): v is AccountStatus => (STATUSES as readonly (string | null)[]).includes(v);

/** The role picker of both forms: each role with what it may do underneath. */
const RoleSelect = ({ id, value, onChange, error }: { id: string; value: CompanyRole; onChange: (role: CompanyRole) => void; error?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      label={t('team.role')}
      description={t(`team.roleHints.${value}`)}
      required
      allowDeselect={false}
      data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      value={value}
      onChange={(v) => isRole(v) && onChange(v)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
};

const INVITE_FIELDS = ['email', 'fullName', 'language', 'role'] as const;

const InviteModal = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { invite } = useTeamMutations();
  const form = useForm<{ email: string; fullName: string; language: Language; role: CompanyRole }>({ initialValues: { email: '', fullName: '', language: 'en', role: 'administrator' } });
  const { idPrefix, formError, setFormError, show } = useServerErrors(INVITE_FIELDS, form.setErrors);
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await invite.mutateAsync({ email: v.email.trim(), fullName: v.fullName.trim(), language: v.language, role: v.role });
      notify({ color: 'green', title: t('team.invited'), message: t('team.invitedText', { email: v.email.trim() }) });
      close();
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={opened} onClose={close} title={t('team.inviteTitle')} onSubmit={submit} submit={{ label: t('team.send'), pending: invite.isPending, icon: IconMailForward }}>
      <Text fz="sm" c="dimmed">
        {t('team.inviteIntro')}
      </Text>
      <ProblemAlert>{formError}</ProblemAlert>
      <TextInput id={`${idPrefix}-fullName`} label={labels.field('fullName')} required data-autofocus autoComplete="off" {...form.getInputProps('fullName')} />
      <TextInput id={`${idPrefix}-email`} type="email" label={labels.field('email')} required autoComplete="off" {...form.getInputProps('email')} />
      <Select
        id={`${idPrefix}-language`}
        label={labels.field('language')}
        description={t('team.languageHint')}
        required
        allowDeselect={false}
        data={(['en', 'fr', 'nl'] as const).map((l) => ({ value: l, label: labels.language(l) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('language')}
      />
      <RoleSelect id={`${idPrefix}-role`} value={form.values.role} onChange={(role) => form.setFieldValue('role', role)} error={form.errors.role} />
    </FormModal>
  );
};

const ChangeRoleModal = ({ account, onClose }: { account: CompanyAccount | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { changeRole } = useTeamMutations();
  const form = useForm<{ role: CompanyRole }>({ initialValues: { role: 'administrator' } });
  const { idPrefix, formError, setFormError, show } = useServerErrors(['role'], form.setErrors);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (account && shownFor !== account.id) {
    setShownFor(account.id);
    form.setValues({ role: account.role });
    form.clearErrors();
  }
  const close = () => {
    setFormError(null);
    setShownFor(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    if (!account) return;
    setFormError(null);
    try {
      await changeRole.mutateAsync({ id: account.id, role: v.role });
      notify({ color: 'green', title: t('team.roleChanged'), message: t('team.roleChangedText', { name: account.fullName, role: t(`roles.${v.role}`) }) });
      close();
    } catch (error) {
      show(error);
    }
  });
  return (
    <FormModal opened={account !== null} onClose={close} size="md" title={t('team.changeRoleTitle', { name: account?.fullName ?? '' })} onSubmit={submit} submit={{ label: t('team.saveRole'), pending: changeRole.isPending, icon: IconUserCog }}>
      <Text fz="sm" c="dimmed">
        {t('team.changeRoleIntro')}
      </Text>
      <ProblemAlert>{formError}</ProblemAlert>
      <RoleSelect id={`${idPrefix}-role`} value={form.values.role} onChange={(role) => form.setFieldValue('role', role)} error={form.errors.role} />
    </FormModal>
  );
};

type Pending = { account: CompanyAccount; action: AccountAction } | null;

/** Asks before deactivating (signs the person out at once), reactivating and re-sending (the old link stops). */
const ConfirmActionModal = ({ pending, onClose }: { pending: Pending; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { act } = useTeamMutations();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      await act.mutateAsync({ id: pending.account.id, action: pending.action });
      notify({ color: 'green', title: t(`team.done.${pending.action}`), message: pending.account.fullName });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  const action = pending?.action ?? 'deactivate';
  return (
    <Modal opened={pending !== null} onClose={close} title={t(`team.confirm.${action}.title`)} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t(`team.confirm.${action}.text`, { name: pending?.account.fullName ?? '', email: pending?.account.email ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={t(`team.actions.${action}`)} onConfirm={confirm} pending={act.isPending} color={action === 'deactivate' ? 'red' : undefined} onCancel={close} focusCancel />
      </Stack>
    </Modal>
  );
};

const actionsOf = (a: CompanyAccount): AccountAction[] => (a.status === 'invited' ? ['resend-invitation', 'deactivate'] : a.status === 'active' ? ['deactivate'] : ['reactivate']);
const ICONS = { 'resend-invitation': IconMailForward, deactivate: IconUserOff, reactivate: IconUserCheck } as const;

/** Self-service › Team: the owner's list of the company's accounts, with invitations, roles and deactivation. */
export const TeamPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const me = useMe().data;
  const [searchParams, update] = useListParams();
  const q = searchParams.get('q') ?? '';
  const role = searchParams.get('role');
  const status = searchParams.get('status');
  const { page, pageSize } = readPaging(searchParams);
  const filters = { role: isRole(role) ? role : null, status: isStatus(status) ? status : null };
  const accounts = useCompanyAccounts({ q, ...filters, page, pageSize });
  const box = useSearchBox(q, update);
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<CompanyAccount | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const data = accounts.data;
  const filtered = Boolean(q || filters.role || filters.status);

  return (
    <Page
      title={t('nav.team')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.team') }]}
      description={data ? t('team.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
      actions={
        <Button leftSection={<IconUserPlus size={16} aria-hidden="true" />} onClick={() => setInviting(true)}>
          {t('team.invite')}
        </Button>
      }
    >
      <Text fz="sm" c="dimmed" maw={760} mb="md">
        {t('team.intro')}
      </Text>
      <ListScaffold
        query={accounts}
        search={{ label: t('team.searchLabel'), placeholder: t('team.searchPlaceholder'), box }}
        filters={
          <>
            <Select
              label={t('team.role')}
              placeholder={t('team.allRoles')}
              clearable
              value={filters.role}
              onChange={(value) => update({ role: value, page: null })}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              w={180}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('team.status')}
              placeholder={t('team.allStatuses')}
              clearable
              value={filters.status}
              onChange={(value) => update({ status: value, page: null })}
              data={STATUSES.map((s) => ({ value: s, label: t(`backOffice.admins.statuses.${s}`) }))}
              w={180}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        }
        empty={
          filtered ? (
            <NoMatch icon={<IconUsersGroup size={28} aria-hidden="true" />} title={t('team.noMatch')} onClear={() => update({ q: null, role: null, status: null, page: null })} clearLabel={t('team.clearFilters')} />
          ) : (
            <ListEmpty icon={<IconUsersGroup size={28} aria-hidden="true" />} title={t('team.empty')} />
          )
        }
        table={{
          label: t('nav.team'),
          minWidth: 900,
          columns: 7,
          head: (
            <>
              <Table.Th>{t('team.columns.name')}</Table.Th>
              <Table.Th>{labels.field('email')}</Table.Th>
              <Table.Th>{t('team.role')}</Table.Th>
              <Table.Th>{labels.field('language')}</Table.Th>
              <Table.Th>{t('team.status')}</Table.Th>
              <Table.Th>{t('backOffice.admins.lastSignIn')}</Table.Th>
              <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
            </>
          ),
        }}
        row={(a) => (
          <Table.Tr key={a.id}>
            <Table.Td fw={600}>
              {a.fullName}
              {a.id === me?.account.id && (
                <Text span fz="xs" c="dimmed" fw={400} ml={6}>
                  {t('team.you')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Anchor href={`mailto:${a.email}`} fz="sm">
                {a.email}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={ROLE_COLOR[a.role]} radius="sm" tt="none" fw={600}>
                {t(`roles.${a.role}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{labels.language(a.language)}</Table.Td>
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
                  <Menu.Item leftSection={<IconUserCog size={16} aria-hidden="true" />} onClick={() => setChanging(a)}>
                    {t('team.changeRole')}
                  </Menu.Item>
                  {actionsOf(a).map((action) => {
                    const Icon = ICONS[action];
                    return (
                      <Menu.Item key={action} color={action === 'deactivate' ? 'red' : undefined} leftSection={<Icon size={16} aria-hidden="true" />} onClick={() => setPending({ account: a, action })}>
                        {t(`team.actions.${action}`)}
                      </Menu.Item>
                    );
                  })}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        )}
        pager={{ page, pageSize, ...pagingHandlers(update) }}
      />
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <ChangeRoleModal account={changing} onClose={() => setChanging(null)} />
      <ConfirmActionModal pending={pending} onClose={() => setPending(null)} />
    </Page>
  );
};
