/**
 * The addresses of the browser app, owned here for both sides: the web router (router.tsx) takes
 * its top-level paths from this list, and the server answers exactly these addresses with the
 * app's page (server/src/app.ts); any other address outside the API is a 404 there. Plain
 * TypeScript, no React, so that the server can import it.
 */
export const PAGE_PATHS = {
  home: '/',
  login: '/login',
  /** development only (DEV_MAILBOX) */
  devMailbox: '/dev/mailbox',
  activate: '/activate/:token',
  /** an employee's own page (My lines), its sign-in, and the e-mailed sign-in link */
  myLines: '/my-lines',
  myLinesSignIn: '/my-lines/sign-in',
  myLinesLink: '/my-lines/sign-in/:token',
  setPassword: '/set-password/:token',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password/:token',
  /** one's own account (any role): two-factor sign-in, sessions */
  account: '/account',
  selfService: '/self-service',
  backOffice: '/back-office',
} as const;

/** Sections whose every address below is the app's: its router shows its own "not found" page there. */
const SECTIONS: readonly string[] = [PAGE_PATHS.selfService, PAGE_PATHS.backOffice, PAGE_PATHS.account];

const matches = (pattern: string, path: string) => {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => (part.startsWith(':') ? got[i] !== '' : part === got[i]));
};

/** Whether the browser app has a page at this path (no query string; a trailing slash is accepted). */
export const isPagePath = (pathname: string): boolean => {
  const path = pathname.replace(/\/+$/, '') || '/';
  return SECTIONS.some((section) => path === section || path.startsWith(`${section}/`)) || Object.values(PAGE_PATHS).some((pattern) => matches(pattern, path));
};
