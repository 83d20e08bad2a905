import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SetPasswordPage } from '../features/auth/SetPasswordPage';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { BackOfficePortingIssuesPage } from '../features/porting-issues/BackOfficePortingIssuesPage';
import { MailboxPage } from '../features/mailbox/MailboxPage';
import { ActivationPage } from '../features/activation/ActivationPage';
import { PortingIssuesPage } from '../features/porting-issues/PortingIssuesPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { CompanyDetailPage } from '../features/companies/CompanyDetailPage';
import { CompanyPage } from '../features/company/CompanyPage';
import { CreateUserPage, EditUserPage } from '../features/mobile-users/UserFormPage';
import { UserViewPage } from '../features/mobile-users/UserViewPage';
import { UsersListPage } from '../features/mobile-users/UsersListPage';
import { ImportProgressPage } from '../features/imports/ImportProgressPage';
import { ImportUsersPage } from '../features/imports/ImportUsersPage';
import { MobileNumberPoolPage } from '../features/stock/MobileNumberPoolPage';
import { AddServicePage } from '../features/services/wizard/AddServicePage';
import { ServiceDetailPage } from '../features/services/ServiceDetailPage';
import { WaitingServicesPage } from '../features/services/WaitingServicesPage';
import { ServiceOverviewPage } from '../features/service-overview/ServiceOverviewPage';
import { NextBillPage } from '../features/billing/NextBillPage';
import { BackOfficeRequestDetailPage } from '../features/requests/BackOfficeRequestDetailPage';
import { BackOfficeRequestsPage } from '../features/requests/BackOfficeRequestsPage';
import { NewRequestPage } from '../features/requests/NewRequestPage';
import { RequestDetailPage } from '../features/requests/RequestDetailPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { PAGE_PATHS } from './page-routes';
import { PortalShell } from './PortalShell';
import { RootLayout } from './RootLayout';
import { PageError, RouteError } from './RouteError';

// Paths follow the portal's menu: Self-service › UC & Mobile › Manage users, and Back office › Companies, Mobile number pool.
// Inside the shell, a page that fails to render says so in place of itself (PageError): the menu,
// the account and every other page keep working.
const routes: RouteObject[] = [
  { path: PAGE_PATHS.login, element: <LoginPage />, errorElement: <RouteError /> },
  // development only (DEV_MAILBOX): the e-mails the portal kept instead of sending; no sign-in
  { path: PAGE_PATHS.devMailbox, element: <MailboxPage />, errorElement: <RouteError /> },
  // the employee's personal activation link (from the activation e-mail); no sign-in
  { path: PAGE_PATHS.activate, element: <ActivationPage />, errorElement: <RouteError /> },
  // an invited fleet administrator chooses a password (link from the invitation e-mail); no sign-in
  { path: PAGE_PATHS.setPassword, element: <SetPasswordPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PortalShell />,
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
              { path: 'uc-mobile/users', element: <UsersListPage /> },
              { path: 'uc-mobile/users/new', element: <CreateUserPage /> },
              { path: 'uc-mobile/users/import', element: <ImportUsersPage /> },
              { path: 'uc-mobile/users/import/:id', element: <ImportProgressPage /> },
              { path: 'uc-mobile/users/:id', element: <UserViewPage /> },
              { path: 'uc-mobile/users/:id/edit', element: <EditUserPage /> },
              { path: 'uc-mobile/users/:id/add-service', element: <AddServicePage /> },
              { path: 'uc-mobile/services/:serviceId', element: <ServiceDetailPage /> },
              { path: 'uc-mobile/waiting', element: <WaitingServicesPage /> },
              { path: 'uc-mobile/porting-issues', element: <PortingIssuesPage /> },
              { path: 'uc-mobile/overview', element: <ServiceOverviewPage /> },
              { path: 'uc-mobile/next-bill', element: <NextBillPage /> },
              { path: 'requests', element: <RequestsPage /> },
              { path: 'requests/new', element: <NewRequestPage /> },
              { path: 'requests/:requestId', element: <RequestDetailPage /> },
              { path: 'company', element: <CompanyPage /> },
              { path: 'audit', element: <AuditLogPage /> },
            ],
          },
          {
            path: PAGE_PATHS.backOffice,
            element: <RequireRole role="operator" />,
            errorElement: <PageError />,
            children: [
              { index: true, element: <Navigate to="/back-office/companies" replace /> },
              { path: 'companies', element: <CompaniesPage /> },
              { path: 'companies/:id', element: <CompanyDetailPage /> },
              { path: 'mobile-number-pool', element: <MobileNumberPoolPage /> },
              { path: 'catalog', element: <CatalogPage /> },
              { path: 'porting-issues', element: <BackOfficePortingIssuesPage /> },
              { path: 'requests', element: <BackOfficeRequestsPage /> },
              { path: 'requests/:requestId', element: <BackOfficeRequestDetailPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage />, errorElement: <PageError /> },
        ],
      },
    ],
  },
];

// Notifications are drawn in the root layout, inside the router: a toast may link to a page.
export const router = createBrowserRouter([{ element: <RootLayout />, errorElement: <RouteError />, children: routes }]);
