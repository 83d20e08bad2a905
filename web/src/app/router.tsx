import type { ComponentType } from 'react';
import { Navigate, createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { HomeRedirect, RequireAuth, RequireCan, RequireRole } from './guards';
import type { Permission } from '../features/auth/can';
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

/** A page only an account whose role has the permission may open; anyone else is sent home. */
const allow = (permission: Permission, route: RouteObject): RouteObject => ({ element: <RequireCan permission={permission} />, children: [route] });

// Paths follow the portal's menu: Self-service › UC & Mobile › Manage users, and Back office › Companies, Mobile number pool.
// Inside the shell, a page that fails to render says so in place of itself (PageError): the menu,
// the account and every other page keep working.
const routes: RouteObject[] = [
  { path: PAGE_PATHS.login, lazy: page(() => import('../features/auth/LoginPage'), 'LoginPage'), errorElement: <RouteError /> },
  // development only (DEV_MAILBOX): the e-mails the portal kept instead of sending; no sign-in
  { path: PAGE_PATHS.devMailbox, lazy: page(() => import('../features/mailbox/MailboxPage'), 'MailboxPage'), errorElement: <RouteError /> },
  // the employee's personal activation link (from the activation e-mail); no sign-in
  { path: PAGE_PATHS.activate, lazy: page(() => import('../features/activation/ActivationPage'), 'ActivationPage'), errorElement: <RouteError /> },
  // My lines: an employee's own page, signed in by a magic link (an employee session, not the portal's shell)
  { path: PAGE_PATHS.myLines, lazy: page(() => import('../features/my-lines/MyLinesPage'), 'MyLinesPage'), errorElement: <RouteError /> },
  { path: PAGE_PATHS.myLinesSignIn, lazy: page(() => import('../features/my-lines/EmployeeSignInPage'), 'EmployeeSignInPage'), errorElement: <RouteError /> },
  { path: PAGE_PATHS.myLinesLink, lazy: page(() => import('../features/my-lines/EmployeeLinkPage'), 'EmployeeLinkPage'), errorElement: <RouteError /> },
  // an invited fleet administrator chooses a password (link from the invitation e-mail); no sign-in
  { path: PAGE_PATHS.setPassword, lazy: page(() => import('../features/auth/SetPasswordPage'), 'SetPasswordPage'), errorElement: <RouteError /> },
  // forgot password: ask for a link, then choose a new password from it; no sign-in
  { path: PAGE_PATHS.forgotPassword, lazy: page(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage'), errorElement: <RouteError /> },
  { path: PAGE_PATHS.resetPassword, lazy: page(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage'), errorElement: <RouteError /> },
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
              { index: true, element: <HomeRedirect /> },
              { path: 'uc-mobile', element: <HomeRedirect /> },
              allow('services.read', { path: 'uc-mobile/users', lazy: page(() => import('../features/mobile-users/UsersListPage'), 'UsersListPage') }),
              allow('services.change', { path: 'uc-mobile/users/new', lazy: page(() => import('../features/mobile-users/UserFormPage'), 'CreateUserPage') }),
              allow('services.change', { path: 'uc-mobile/users/import', lazy: page(() => import('../features/imports/ImportUsersPage'), 'ImportUsersPage') }),
              allow('services.read', { path: 'uc-mobile/users/import/:importId', lazy: page(() => import('../features/imports/ImportProgressPage'), 'ImportProgressPage') }),
              allow('services.read', { path: 'uc-mobile/users/:id', lazy: page(() => import('../features/mobile-users/UserViewPage'), 'UserViewPage') }),
              allow('services.change', { path: 'uc-mobile/users/:id/edit', lazy: page(() => import('../features/mobile-users/UserFormPage'), 'EditUserPage') }),
              allow('services.change', { path: 'uc-mobile/users/:id/add-service', lazy: page(() => import('../features/services/wizard/AddServicePage'), 'AddServicePage') }),
              allow('services.read', { path: 'uc-mobile/services/:serviceId', lazy: page(() => import('../features/services/ServiceDetailPage'), 'ServiceDetailPage') }),
              allow('services.read', { path: 'uc-mobile/waiting', lazy: page(() => import('../features/services/WaitingServicesPage'), 'WaitingServicesPage') }),
              allow('services.read', { path: 'uc-mobile/porting-issues', lazy: page(() => import('../features/porting-issues/PortingIssuesPage'), 'PortingIssuesPage') }),
              allow('overview.read', { path: 'uc-mobile/overview', lazy: page(() => import('../features/service-overview/ServiceOverviewPage'), 'ServiceOverviewPage') }),
              allow('billing.read', { path: 'uc-mobile/next-bill', lazy: page(() => import('../features/billing/NextBillPage'), 'NextBillPage') }),
              allow('usage.read', { path: 'uc-mobile/usage', lazy: page(() => import('../features/usage/UsagePage'), 'UsagePage') }),
              allow('billing.read', { path: 'uc-mobile/cost-centres', lazy: page(() => import('../features/billing/ChargebackPage'), 'ChargebackPage') }),
              allow('services.read', { path: 'approvals', lazy: page(() => import('../features/approvals/ApprovalsPage'), 'ApprovalsPage') }),
              allow('services.read', { path: 'requests', lazy: page(() => import('../features/requests/RequestsPage'), 'RequestsPage') }),
              allow('services.change', { path: 'requests/new', lazy: page(() => import('../features/requests/NewRequestPage'), 'NewRequestPage') }),
              allow('services.read', { path: 'requests/:requestId', lazy: page(() => import('../features/requests/RequestDetailPage'), 'RequestDetailPage') }),
              allow('company.read', { path: 'company', lazy: page(() => import('../features/company/CompanyPage'), 'CompanyPage') }),
              allow('audit.read', { path: 'audit', lazy: page(() => import('../features/audit/AuditLogPage'), 'AuditLogPage') }),
              allow('accounts.manage', { path: 'team', lazy: page(() => import('../features/team/TeamPage'), 'TeamPage') }),
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
              { path: 'companies/:companyId/import', lazy: page(() => import('../features/imports/ImportUsersPage'), 'ImportUsersPage') },
              { path: 'companies/:companyId/import/:importId', lazy: page(() => import('../features/imports/ImportProgressPage'), 'ImportProgressPage') },
              { path: 'mobile-number-pool', lazy: page(() => import('../features/stock/MobileNumberPoolPage'), 'MobileNumberPoolPage') },
              { path: 'catalog', lazy: page(() => import('../features/catalog/CatalogPage'), 'CatalogPage') },
              { path: 'porting-issues', lazy: page(() => import('../features/porting-issues/BackOfficePortingIssuesPage'), 'BackOfficePortingIssuesPage') },
              { path: 'requests', lazy: page(() => import('../features/requests/BackOfficeRequestsPage'), 'BackOfficeRequestsPage') },
              { path: 'requests/:requestId', lazy: page(() => import('../features/requests/BackOfficeRequestDetailPage'), 'BackOfficeRequestDetailPage') },
            ],
          },
          {
            // one's own account, whatever the role
            path: PAGE_PATHS.account,
            errorElement: <PageError />,
            children: [
              { index: true, element: <Navigate to="/account/security" replace /> },
              { path: 'security', lazy: page(() => import('../features/account-security/TwoFactorPage'), 'TwoFactorPage') },
              { path: 'sessions', lazy: page(() => import('../features/account-security/SessionsPage'), 'SessionsPage') },
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
