import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../shared/api/contract';
import { QueryError } from '../shared/ui/QueryError';
import { homePathFor, useMe } from '../features/auth/session';
import { can, type Permission } from '../features/auth/can';

export const FullPageLoader = () => {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" role="status" aria-label={t('status.loading')}>
      <Loader />
    </Center>
  );
};

/** Signed-in pages only; everyone else goes to the sign-in page and comes back afterwards. */
export const RequireAuth = () => {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <QueryError error={me.error} onRetry={() => me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <Outlet />;
};

/** Pages of the other role send the account to its own home page. */
export const RequireRole = ({ role }: { role: Role }) => {
  const me = useMe().data;
  if (!me) return null;
  if (me.account.role !== role) return <Navigate to={homePathFor(me)} replace />;
  return <Outlet />;
};

/** Pages the account's role may not see (http/route-permissions.ts refuses their API too) send it home. */
export const RequireCan = ({ permission }: { permission: Permission }) => {
  const me = useMe().data;
  if (!me) return null;
  if (!can(me, permission)) return <Navigate to={homePathFor(me)} replace />;
  return <Outlet />;
};

export const HomeRedirect = () => {
  const me = useMe().data;
  return me ? <Navigate to={homePathFor(me)} replace /> : null;
};
