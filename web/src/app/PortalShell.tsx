import {
  Anchor,
  AppShell,
  Avatar,
  Box,
  Burger,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingSkyscraper,
  IconChevronDown,
  IconDeviceMobile,
  IconFileCertificate,
  IconHistory,
  IconLayoutDashboard,
  IconLogout,
  IconDevices,
  IconShieldLock,
  IconUsers,
  IconBuildingStore,
  IconListNumbers,
  IconClockPause,
  IconArrowsExchange,
  IconPackages,
  IconChecklist, IconClipboardList,
  IconChartBar,
  IconReceipt,
  IconUsersGroup,
  IconChartLine,
  IconReportMoney,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../shared/api/contract';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';
import { BrandMark } from '../shared/ui/BrandMark';
import { useLogout, useMe, useOperator } from '../features/auth/session';
import { can as mayDo, type Permission } from '../features/auth/can';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** Whether the current page lies under a menu entry's address. */
const useUnder = (prefix: string) => useLocation().pathname.startsWith(prefix);

type NavGroupProps = {
  label: string;
  icon: ReactNode;
  /** The addresses this section holds; it opens when the page is one of them. */
  prefix: string;
  children: ReactNode;
};

/** An expandable section of the left-hand menu, exposed as a disclosure button. */
const NavGroup = ({ label, icon, prefix, children }: NavGroupProps) => {
  const active = useUnder(prefix);
  const [opened, setOpened] = useState(true);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  return (
    <NavLink
      component="button"
      type="button"
      label={label}
      leftSection={icon}
      opened={opened}
      onChange={setOpened}
      aria-expanded={opened}
      childrenOffset={18}
      fw={600}
    >
      {children}
    </NavLink>
  );
};

type NavItemProps = { to: string; label: string; icon: ReactNode; onNavigate: () => void; /** shown only to a role that has this permission */ can?: Permission };

/** A menu entry; it is the current one on its own page and on the pages below it. */
const NavItem = ({ to, label, icon, onNavigate, can }: NavItemProps) => {
  const active = useUnder(to);
  const me = useMe().data;
  if (can && !mayDo(me, can)) return null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
};

const AdminNavigation = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation();
  return (
    <NavGroup label={t('nav.selfService')} icon={<IconLayoutDashboard size={18} aria-hidden="true" />} prefix="/self-service">
      <NavGroup label={t('nav.ucMobile')} icon={<IconDeviceMobile size={18} aria-hidden="true" />} prefix="/self-service/uc-mobile">
        <NavItem
          can="services.read"
          to="/self-service/uc-mobile/users"
          label={t('nav.manageUsers')}
          icon={<IconUsers size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="overview.read"
          to="/self-service/uc-mobile/overview"
          label={t('nav.serviceOverview')}
          icon={<IconChartBar size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="services.read"
          to="/self-service/uc-mobile/waiting"
          label={t('nav.waitingServices')}
          icon={<IconClockPause size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="services.read"
          to="/self-service/uc-mobile/porting-issues"
          label={t('nav.portingIssues')}
          icon={<IconArrowsExchange size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="billing.read"
          to="/self-service/uc-mobile/next-bill"
          label={t('nav.nextBill')}
          icon={<IconReceipt size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="usage.read"
          to="/self-service/uc-mobile/usage"
          label={t('nav.usage')}
          icon={<IconChartLine size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
        <NavItem
          can="billing.read"
          to="/self-service/uc-mobile/cost-centres"
          label={t('nav.costCentres')}
          icon={<IconReportMoney size={18} aria-hidden="true" />}
          onNavigate={onNavigate}
        />
      </NavGroup>
      <NavItem
        can="services.read"
        to="/self-service/approvals"
        label={t('nav.approvals')}
        icon={<IconChecklist size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        can="services.read"
        to="/self-service/requests"
        label={t('nav.requests')}
        icon={<IconClipboardList size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        can="company.read"
        to="/self-service/company"
        label={t('nav.companyContract')}
        icon={<IconFileCertificate size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        can="accounts.manage"
        to="/self-service/team"
        label={t('nav.team')}
        icon={<IconUsersGroup size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        can="audit.read"
        to="/self-service/audit"
        label={t('nav.auditLog')}
        icon={<IconHistory size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
    </NavGroup>
  );
};

const OperatorNavigation = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation();
  return (
    <NavGroup label={t('nav.backOffice')} icon={<IconBuildingStore size={18} aria-hidden="true" />} prefix="/back-office">
      <NavItem
        to="/back-office/companies"
        label={t('nav.companies')}
        icon={<IconBuildingSkyscraper size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        to="/back-office/requests"
        label={t('nav.requestQueue')}
        icon={<IconClipboardList size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        to="/back-office/mobile-number-pool"
        label={t('nav.mobileNumberPool')}
        icon={<IconListNumbers size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        to="/back-office/catalog"
        label={t('nav.catalog')}
        icon={<IconPackages size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
      <NavItem
        to="/back-office/porting-issues"
        label={t('nav.portingIssues')}
        icon={<IconArrowsExchange size={18} aria-hidden="true" />}
        onNavigate={onNavigate}
      />
    </NavGroup>
  );
};

const UserMenu = ({ me }: { me: Me }) => {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };
  return (
    <Menu position="bottom-end" shadow="md" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('account.menu', { name: me.account.fullName })} px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap={10} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden="true">
              {initialsOf(me.account.fullName)}
            </Avatar>
            <Box visibleFrom="sm" style={{ lineHeight: 1.2 }}>
              <Text fz="sm" fw={600} lineClamp={1}>
                {me.account.fullName}
              </Text>
              <Text fz="xs" c="dimmed" lineClamp={1}>
                {t(`roles.${me.account.companyRole ?? me.account.role}`)}
              </Text>
            </Box>
            <Box visibleFrom="sm" style={{ display: 'flex' }}>
              <IconChevronDown size={14} aria-hidden="true" />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py={6}>
          <Text fz="sm" fw={600}>
            {me.account.fullName}
          </Text>
          <Text fz="xs" c="dimmed">
            {me.account.email}
          </Text>
          {me.account.company && (
            <Text fz="xs" c="dimmed">
              {me.account.company.name}
            </Text>
          )}
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/security" leftSection={<IconShieldLock size={16} aria-hidden="true" />}>
          {t('twoFactor.title')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/sessions" leftSection={<IconDevices size={16} aria-hidden="true" />}>
          {t('sessions.title')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={signOut}>
          {t('account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

export const PortalShell = () => {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe().data;
  const operator = useOperator().data;
  const { pathname } = useLocation();

  // Close the mobile menu whenever the page changes.
  useEffect(() => close(), [pathname, close]);

  if (!me) return null;
  const companyName = me.account.company?.name ?? operator?.name ?? null;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="fd-skip-link" href="#main-content">
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('nav.home', { portal: operator?.portalName ?? 'MyDstny' })}>
              <BrandMark portalName={operator?.portalName ?? 'MyDstny'} />
            </Anchor>
            {companyName && (
              <>
                <Divider orientation="vertical" visibleFrom="xs" my={18} />
                <Text fw={600} fz="sm" visibleFrom="xs" lineClamp={1}>
                  {companyName}
                </Text>
              </>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {me.account.role === 'operator' ? (
              <OperatorNavigation onNavigate={close} />
            ) : (
              <AdminNavigation onNavigate={close} />
            )}
          </Stack>
        </AppShell.Section>
        {operator && (
          <AppShell.Section pt="sm" px="xs" pb={4}>
            <Divider mb="sm" />
            <Text fz="xs" fw={600}>
              {t('support.title', { operator: operator.name })}
            </Text>
            <Text fz="xs" c="dimmed">
              {operator.supportPhone}
            </Text>
            <Anchor fz="xs" href={`mailto:${operator.supportEmail}`}>
              {operator.supportEmail}
            </Anchor>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} bg="var(--fd-page-bg)">
        <Box maw={1280} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
};
