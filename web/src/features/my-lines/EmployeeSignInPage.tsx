import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { EmailLinkRequest } from '../auth/EmailLinkRequest';
import { requestEmployeeLink } from './api';

/**
 * "Employee sign-in" (My lines): the e-mail address the company knows the employee by, then the same
 * answer whatever it is — a link goes only to an employee's address, and nothing tells who works where.
 */
export const EmployeeSignInPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('myLines.signIn.title'));
  return (
    <EmailLinkRequest
      texts={{
        heading: t('myLines.signIn.heading'),
        intro: t('myLines.signIn.intro'),
        sentTitle: t('myLines.signIn.sentTitle'),
        sent: (email) => t('myLines.signIn.sent', { email }),
        submit: t('myLines.signIn.submit'),
      }}
      send={requestEmployeeLink}
      emailLabel={t('myLines.signIn.email')}
      autoComplete="email"
      footer={
        <Text fz="xs" c="dimmed">
          {t('myLines.signIn.adminHint')}
        </Text>
      }
    />
  );
};
