import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PublicCard, PublicLayout } from '../auth/PublicLayout';
import { useFollowEmployeeLink } from './api';

/**
 * The e-mailed sign-in link: the page posts its token (a mail scanner fetching the address uses
 * nothing up), and My lines opens. A used or expired link says so, with the way to a new one.
 */
export const EmployeeLinkPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('myLines.signIn.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const follow = useFollowEmployeeLink();
  const problemMessage = useProblemMessage();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    follow.mutate(token, { onSuccess: () => navigate('/my-lines', { replace: true }) });
  }, [follow, navigate, token]);
  return (
    <PublicLayout>
      <PublicCard maw={440}>
        {follow.isError ? (
          <Stack gap="md">
            <ProblemAlert>{problemMessage(follow.error)}</ProblemAlert>
            <Anchor component={Link} to="/my-lines/sign-in">
              {t('myLines.signIn.askAgain')}
            </Anchor>
          </Stack>
        ) : (
          <Center role="status" aria-label={t('myLines.signIn.signingIn')}>
            <Stack align="center" gap="sm">
              <Loader />
              <Alert variant="transparent">{t('myLines.signIn.signingIn')}</Alert>
            </Stack>
          </Center>
        )}
      </PublicCard>
    </PublicLayout>
  );
};
