import { getDefaultZIndex } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Component, type ReactNode } from 'react';
import { Outlet } from 'react-router';

/** Draws nothing instead of what failed: a broken toast must never take the page down with it. */
class Contained extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

// Above the page and its header (100), below dialogs (200): a toast never covers a dialog's Close
// or its buttons, whatever the size of the window. Toasts come when a dialog closes; for the moment
// it fades out, they show through its veil.
const TOAST_LAYER = getDefaultZIndex('app') + 50;

/**
 * The root of every route. Notifications are drawn here, inside the router, because a toast may
 * hold a link to a page (a router link drawn outside the router blanked the whole app).
 */
export const RootLayout = () => (
  <>
    <Contained>
      <Notifications position="bottom-right" zIndex={TOAST_LAYER} />
    </Contained>
    <Outlet />
  </>
);
