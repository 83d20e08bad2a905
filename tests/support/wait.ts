/**
 * How long a test waits for work it does not drive itself (a job, the simulated network, an e-mail,
 * a page rendering) before it fails. Generous on purpose: on a busy machine that work is slow, not
 * wrong, and a passing test waits only as long as the work takes. Speed is measured in bench/, never
 * here. The test time limits in vitest.config.ts are set above it.
 */
export const PATIENCE_MS = 90_000;

type Falsy = undefined | null | false | 0 | '';

/** Polls `probe` until it gives something, and returns that; fails naming `what` when patience runs out. */
export const waitUntil = async <T>(what: string | (() => string | Promise<string>), probe: () => Promise<T | Falsy> | T | Falsy, timeoutMs = PATIENCE_MS): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : await what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
