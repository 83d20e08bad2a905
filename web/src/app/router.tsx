import type { ComponentType } from 'react';
import { Navigate, createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { PAGE_PATHS } from './page-routes';
import { registerPagePreloader } from './preload-page';
import { RootLayout } from './RootLayout';
import { PageError, RouteError } from './RouteError';

/**
 * A page's code is fetched when the router first goes there, not with the sign-in page: each page
 * (and the signed-in shell) is its own chunk. Until it has arrived the router keeps showing the page
 * it comes from, as it does while loading data.
 */
const page =
  <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  async () => ({ Component: (await load())[name] });

// Paths follow the portal's menu: Self-service › UC & Mobile › Manage users, and Back office › Companies, Mobile number pool.
// Inside the shell, a page that fails to render says so in place of itself (PageError): the menu,
// the account and every other page keep working.
const routes: RouteObject[] = [
  { path: PAGE_PATHS.login, lazy: page(() => import('../features/auth/LoginPage'), 'LoginPage'), errorElement: <RouteError /> },
  // development only (DEV_MAILBOX): the e-mails the portal kept instead of sending; no sign-in
  { path: PAGE_PATHS.devMailbox, lazy: page(() => import('../features/mailbox/MailboxPage'), 'MailboxPage'), errorElement: <RouteError /> },
  // the employee's personal activation link (from the activation e-mail); no sign-in
  { path: PAGE_PATHS.activate, lazy: page(() => import('../features/activation/ActivationPage'), 'ActivationPage'), errorElement: <RouteError /> },
  // an invited fleet administrator chooses a password (link from the invitation e-mail); no sign-in
  { path: PAGE_PATHS.setPassword, lazy: page(() => import('../features/auth/SetPasswordPage'), 'SetPasswordPage'), errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        lazy: page(() => import('./PortalShell'), 'PortalShell'),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect />, errorElement: <PageError /> },
          {
            path: PAGE_PATHS.selfService,
            element: <RequireRole role="admin" />,
            errorElement: <PageError />,
            children: [
              { index: true, element: <Navigate to="/self-service/uc-mobile/users" replace /> },
              { path: 'uc-mobile', element: <Navigate to="/self-service/uc-mobile/users" replace /> },
              { path: 'uc-mobile/users', lazy: page(() => import('../features/mobile-users/UsersListPage'), 'UsersListPage') },
              { path: 'uc-mobile/users/new', lazy: page(() => import('../features/mobile-users/UserFormPage'), 'CreateUserPage') },
              { path: 'uc-mobile/users/import', lazy: page(() => import('../features/imports/ImportUsersPage'), 'ImportUsersPage') },
              { path: 'uc-mobile/users/import/:id', lazy: page(() => import('../features/imports/ImportProgressPage'), 'ImportProgressPage') },
              { path: 'uc-mobile/users/:id', lazy: page(() => import('../features/mobile-users/UserViewPage'), 'UserViewPage') },
              { path: 'uc-mobile/users/:id/edit', lazy: page(() => import('../features/mobile-users/UserFormPage'), 'EditUserPage') },
              { path: 'uc-mobile/users/:id/add-service', lazy: page(() => import('../features/services/wizard/AddServicePage'), 'AddServicePage') },
              { path: 'uc-mobile/services/:serviceId', lazy: page(() => import('../features/services/ServiceDetailPage'), 'ServiceDetailPage') },
              { path: 'uc-mobile/waiting', lazy: page(() => import('../features/services/WaitingServicesPage'), 'WaitingServicesPage') },
              { path: 'uc-mobile/porting-issues', lazy: page(() => import('../features/porting-issues/PortingIssuesPage'), 'PortingIssuesPage') },
              { path: 'uc-mobile/overview', lazy: page(() => import('../features/service-overview/ServiceOverviewPage'), 'ServiceOverviewPage') },
              { path: 'uc-mobile/next-bill', lazy: page(() => import('../features/billing/NextBillPage'), 'NextBillPage') },
              { path: 'uc-mobile/usage', lazy: page(() => import('../features/usage/UsagePage'), 'UsagePage') },
              { path: 'uc-mobile/cost-centres', lazy: page(() => import('../features/billing/ChargebackPage'), 'ChargebackPage') },
              { path: 'requests', lazy: page(() => import('../features/requests/RequestsPage'), 'RequestsPage') },
              { path: 'requests/new', lazy: page(() => import('../features/requests/NewRequestPage'), 'NewRequestPage') },
              { path: 'requests/:requestId', lazy: page(() => import('../features/requests/RequestDetailPage'), 'RequestDetailPage') },
              { path: 'company', lazy: page(() => import('../features/company/CompanyPage'), 'CompanyPage') },
              { path: 'audit', lazy: page(() => import('../features/audit/AuditLogPage'), 'AuditLogPage') },
            ],
          },
          {
            path: PAGE_PATHS.backOffice,
            element: <RequireRole role="operator" />,
            errorElement: <PageError />,
            children: [
              { index: true, element: <Navigate to="/back-office/companies" replace /> },
              { path: 'companies', lazy: page(() => import('../features/companies/CompaniesPage'), 'CompaniesPage') },
              { path: 'companies/:id', lazy: page(() => import('../features/companies/CompanyDetailPage'), 'CompanyDetailPage') },
              { path: 'mobile-number-pool', lazy: page(() => import('../features/stock/MobileNumberPoolPage'), 'MobileNumberPoolPage') },
              { path: 'catalog', lazy: page(() => import('../features/catalog/CatalogPage'), 'CatalogPage') },
              { path: 'porting-issues', lazy: page(() => import('../features/porting-issues/BackOfficePortingIssuesPage'), 'BackOfficePortingIssuesPage') },
              { path: 'requests', lazy: page(() => import('../features/requests/BackOfficeRequestsPage'), 'BackOfficeRequestsPage') },
              { path: 'requests/:requestId', lazy: page(() => import('../features/requests/BackOfficeRequestDetailPage'), 'BackOfficeRequestDetailPage') },
            ],
          },
          { path: '*', element: <NotFoundPage />, errorElement: <PageError /> },
        ],
      },
    ],
  },
];

// The router finds the modules already loaded when it goes to a preloaded page.
registerPagePreloader((path) => {
  for (const match of matchRoutes(routes, path) ?? []) {
    if (typeof match.route.lazy === 'function') void match.route.lazy();
  }
});

// Notifications are drawn in the root layout, inside the router: a toast may link to a page.
export const router = createBrowserRouter([{ element: <RootLayout />, errorElement: <RouteError />, children: routes }]);
