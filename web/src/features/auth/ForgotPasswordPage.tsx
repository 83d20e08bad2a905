import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { apiRequest } from '../../shared/api/client';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { EmailLinkRequest } from './EmailLinkRequest';

const requestReset = (email: string) => apiRequest<null>('/api/auth/password-reset', { method: 'POST', body: { email }, expectUnauthorized: true });

/** Forgot password: the address, then the same answer whatever it is — the e-mail goes only to an account's address. */
export const ForgotPasswordPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('forgotPassword.title'));
  const given = ((useLocation().state ?? {}) as { email?: string }).email ?? '';
  return (
    <EmailLinkRequest
      texts={{
        heading: t('forgotPassword.heading'),
        intro: t('forgotPassword.intro'),
        sentTitle: t('forgotPassword.sentTitle'),
        sent: (email) => t('forgotPassword.sent', { email }),
        submit: t('forgotPassword.submit'),
      }}
      send={requestReset}
      initialEmail={given}
      autoComplete="username"
      footer={
        <Anchor component={Link} to="/login" fz="sm">
          {t('forgotPassword.backToSignIn')}
        </Anchor>
      }
    />
  );
};
