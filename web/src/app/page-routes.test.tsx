// @vitest-environment jsdom
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PAGE_PATHS, isPagePath } from './page-routes';
import { router } from './router';

/** Every address pattern the router knows, as full paths ('/self-service/uc-mobile/users/:id'). */
const patternsOf = (routes: RouteObject[], parent = ''): string[] =>
  routes.flatMap((route) => {
    const own = route.path === undefined ? parent : route.path.startsWith('/') ? route.path : `${parent.replace(/\/$/, '')}/${route.path}`;
    const here = route.index || (route.path !== undefined && !route.children) ? [own || '/'] : [];
    return [...here, ...patternsOf(route.children ?? [], own)];
  });

describe('the pages the server serves are the router’s', () => {
  const patterns = patternsOf(router.routes);

  it('serves every page the router has (a parameter stands for any value)', () => {
    const pages = patterns.filter((p) => p !== '/*');
    expect(pages.length).toBeGreaterThan(20);
    for (const pattern of pages) {
      const example = pattern.replace(/:[^/]+/g, 'some-value').replace(/\*$/, 'anything/else');
      expect(isPagePath(example), pattern).toBe(true);
      expect(isPagePath(`${example}/`), `${pattern}/`).toBe(true);
    }
  });

  it('lists no address the router does not have', () => {
    for (const path of Object.values(PAGE_PATHS)) expect(patterns.some((p) => p === path || p.startsWith(`${path}/`)), path).toBe(true);
  });

  it('is the router’s only catch-all inside the signed-in shell, not the server’s', () => {
    expect(patterns).toContain('/*');
    for (const path of ['/favicon.png', '/robots.txt', '/tmf-api/anything', '/api/nothing', '/activate', '/activate/a/b', '/login/more', '/self-servicex', '/dev']) {
      expect(isPagePath(path), path).toBe(false);
    }
  });
});
