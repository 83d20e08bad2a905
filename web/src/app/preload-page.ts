// Kept apart from router.tsx so that a page can ask for another page's code without importing the
// router (which would pull the router into that page's chunk). router.tsx registers the loader.
let preloader: ((path: string) => void) | null = null;

export const registerPagePreloader = (load: (path: string) => void) => {
  preloader = load;
};

/**
 * Fetches the code of the page at `path` (and of the shell around it) ahead of the navigation: the
 * sign-in page does it for the page it leads to while the person types, so signing in waits for the
 * server only.
 */
export const preloadPage = (path: string) => preloader?.(path);
