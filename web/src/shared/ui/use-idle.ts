import { useEffect, useState } from 'react';

/**
 * False for the first render, true once the browser is idle after it. Code that the first page
 * does not need to be drawn (the toasts' container, the language menu) is loaded then, so it does
 * not count against the first load.
 */
export const useIdle = (): boolean => {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(() => setIdle(true), 0);
    return () => window.clearTimeout(handle);
  }, []);
  return idle;
};
