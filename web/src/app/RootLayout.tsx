import { getDefaultZIndex } from '@mantine/core';
import { Component, Suspense, lazy, type ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useIdle } from '../shared/ui/use-idle';

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

// The toasts' container (and the scrolling and transition code it brings) is not needed to draw the
// first page: it is loaded once the browser is idle after it. A toast shown meanwhile waits in the
// store and appears with the container.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/**
 * The root of every route. Notifications are drawn here, inside the router, because a toast may
 * hold a link to a page (a router link drawn outside the router blanked the whole app).
 */
export const RootLayout = () => {
  const idle = useIdle();
  return (
    <>
      <Contained>
        {idle && (
          <Suspense fallback={null}>
            <Notifications position="bottom-right" zIndex={TOAST_LAYER} />
          </Suspense>
        )}
      </Contained>
      <Outlet />
    </>
  );
};
