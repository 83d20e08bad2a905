import { Badge, Button, Card, Code, DataList, Group, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CompanyRole, SsoSettings } from '../../shared/api/contract';
import { Detail } from '../../shared/ui/DetailCard';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useServerErrors } from '../../shared/ui/server-errors';
import { useSaveSsoSettings, useSsoSettings } from './api';

const ROLES: readonly CompanyRole[] = ['owner', 'administrator', 'read_only', 'billing'];
const REFUSE = 'refuse';
const FIELDS = ['issuer', 'clientId', 'clientSecret', 'domains', 'newAccountRole', 'enabled'] as const;

type Values = { enabled: boolean; issuer: string; clientId: string; clientSecret: string; domains: string; newAccountRole: string };

/** The owner's form: the provider, the client, the domains, who is created on first sign-in, on or off. */
const SsoForm = ({ settings }: { settings: SsoSettings }) => {
  const { t } = useTranslation();
  const save = useSaveSsoSettings();
  const form = useForm<Values>({
    initialValues: {
      enabled: settings.enabled,
      issuer: settings.issuer ?? '',
      clientId: settings.clientId ?? '',
      clientSecret: '',
      domains: settings.domains.join(', '),
      newAccountRole: settings.newAccountRole ?? REFUSE,
    },
  });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, form.setErrors);
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync({
        enabled: v.enabled,
        issuer: v.issuer.trim(),
        clientId: v.clientId.trim(),
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
        domains: v.domains.split(/[\s,;]+/).filter(Boolean),
        newAccountRole: v.newAccountRole === REFUSE ? null : (v.newAccountRole as CompanyRole),
      });
      form.setValues({ clientSecret: '', domains: saved.domains.join(', ') });
      notify({ color: 'green', title: t('sso.saved'), message: saved.enabled ? t('sso.nowOn') : t('sso.nowOff') });
    } catch (error) {
      show(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert>{formError}</ProblemAlert>
        <Switch id={`${idPrefix}-enabled`} size="md" label={t('sso.enabled')} description={t('sso.enabledHelp')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <TextInput id={`${idPrefix}-issuer`} label={t('sso.issuer')} description={t('sso.issuerHelp')} placeholder="https://login.example.com" required autoComplete="off" {...form.getInputProps('issuer')} />
        <Group grow align="flex-start">
          <TextInput id={`${idPrefix}-clientId`} label={t('sso.clientId')} required autoComplete="off" {...form.getInputProps('clientId')} />
          <PasswordInput
            id={`${idPrefix}-clientSecret`}
            label={t('sso.clientSecret')}
            description={settings.hasClientSecret ? t('sso.clientSecretKept') : t('sso.clientSecretHelp')}
            required={!settings.hasClientSecret}
            autoComplete="new-password"
            {...form.getInputProps('clientSecret')}
          />
        </Group>
        <TextInput id={`${idPrefix}-domains`} label={t('sso.domains')} description={t('sso.domainsHelp')} placeholder="acme.example" required autoComplete="off" {...form.getInputProps('domains')} />
        <Select
          id={`${idPrefix}-newAccountRole`}
          label={t('sso.newAccountRole')}
          description={t('sso.newAccountRoleHelp')}
          allowDeselect={false}
          data={[{ value: REFUSE, label: t('sso.refuseUnknown') }, ...ROLES.map((r) => ({ value: r, label: t('sso.createAs', { role: t(`roles.${r}`) }) }))]}
          {...form.getInputProps('newAccountRole')}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            {t('sso.redirectUri')}
          </Text>
          <Code block>{settings.redirectUri}</Code>
          <Text fz="xs" c="dimmed">
            {t('sso.redirectUriHelp')}
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('sso.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** What the rest of the company sees: whether it signs in through its provider, and how. */
const SsoSummary = ({ settings }: { settings: SsoSettings }) => {
  const { t } = useTranslation();
  if (!settings.configured) return <Text fz="sm">{t('sso.notConfigured')}</Text>;
  return (
    <DataList labelWidth={180} gap="sm">
      <Detail label={t('sso.status')}>{settings.enabled ? t('sso.on') : t('sso.off')}</Detail>
      <Detail label={t('sso.issuer')}>{settings.issuer}</Detail>
      <Detail label={t('sso.domains')}>{settings.domains.join(', ')}</Detail>
      <Detail label={t('sso.newAccountRole')}>{settings.newAccountRole ? t('sso.createAs', { role: t(`roles.${settings.newAccountRole}`) }) : t('sso.refuseUnknown')}</Detail>
    </DataList>
  );
};

/** Company & contract › Single sign-on (OpenID Connect): the owner sets it up; everyone else of the company sees it. */
export const SsoPanel = ({ mayManage }: { mayManage: boolean }) => {
  const { t } = useTranslation();
  const settings = useSsoSettings();
  return (
    <Card padding="lg" component="section" aria-labelledby="sso-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="sso-title">
            {t('sso.title')}
          </Title>
          {settings.data && (
            <Badge color={settings.data.enabled ? 'green' : 'gray'} variant="light">
              {settings.data.enabled ? t('sso.on') : t('sso.off')}
            </Badge>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {t('sso.intro')}
        </Text>
        <QueryContent query={settings} skeletons={[200]}>
          {(s) => (mayManage ? <SsoForm settings={s} /> : <SsoSummary settings={s} />)}
        </QueryContent>
      </Stack>
    </Card>
  );
};
