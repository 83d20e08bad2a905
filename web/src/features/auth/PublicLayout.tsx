import { Anchor, Box, Card, Center, Container, Group, PasswordInput, Stack, Text, type PasswordInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../shared/ui/BrandMark';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { useOperator } from './session';

// The pages a person reaches without being signed in (sign-in, invitation, activation) stand outside
// the portal's shell: they share this frame instead, so they look like one place.

export type Support = { operatorName: string; phone: string; email: string };

/** A dialable number: "+32 2 700 00 00 (option 2)" → "tel:+3227000000". */
export const telHref = (phone: string) => `tel:${(phone.split('(')[0] ?? '').replace(/[^+\d]/g, '')}`;

const operatorSupport = (operator: ReturnType<typeof useOperator>['data']): Support | null =>
  operator ? { operatorName: operator.name, phone: operator.supportPhone, email: operator.supportEmail } : null;

type PublicLayoutProps = {
  children: ReactNode;
  /** Who to call, in the footer; the operator's support desk unless the page knows better. */
  support?: Support | null;
  /** Without a footer: a page that has no one to send the person to yet. */
  withFooter?: boolean;
  /** The header as a white bar, for a page whose content spreads wider than one card. */
  headerBar?: boolean;
};

/** The portal's name and the language switch above, the main content, and who helps below. */
export const PublicLayout = ({ children, support, withFooter = true, headerBar = false }: PublicLayoutProps) => {
  const { t } = useTranslation();
  const operator = useOperator().data;
  const portalName = operator?.portalName ?? 'MyDstny';
  const helpdesk = support ?? operatorSupport(operator);
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="lg" py="md" {...(headerBar ? { bg: 'white', style: { borderBottom: '1px solid var(--mantine-color-gray-3)' } } : {})}>
        <Group justify="space-between">
          <BrandMark portalName={portalName} />
          <LanguageSwitch variant="default" />
        </Group>
      </Box>

      <Box component="main" id="main-content" style={{ flex: 1 }}>
        {children}
      </Box>

      {withFooter && (
        <Box component="footer" py="lg" px="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} bg="white">
          <Container size="md">
            {helpdesk ? (
              <Text fz="sm" ta="center" c="dimmed">
                {t('login.support', { operator: helpdesk.operatorName })}{' '}
                <Anchor href={telHref(helpdesk.phone)} fz="sm">
                  {helpdesk.phone}
                </Anchor>{' '}
                · <Anchor href={`mailto:${helpdesk.email}`} fz="sm">{helpdesk.email}</Anchor>
              </Text>
            ) : (
              <Text fz="sm" ta="center" c="dimmed">
                {portalName}
              </Text>
            )}
          </Container>
        </Box>
      )}
    </Box>
  );
};

/** The one card of a signed-out form page, centred. */
export const PublicCard = ({ maw, children }: { maw: number; children: ReactNode }) => (
  <Center py={48} px="md">
    <Card w="100%" maw={maw} shadow="sm" padding="xl">
      <Stack gap="lg">{children}</Stack>
    </Card>
  </Center>
);

/** A required password input whose show/hide button has a name. */
export const PasswordField = (props: PasswordInputProps) => {
  const { t } = useTranslation();
  return <PasswordInput required visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }} {...props} />;
};
