import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';

describe('network simulator configuration', () => {
  it('defaults to demo speed without faults', () => {
    expect(loadConfig({}).networkSimulator).toEqual({ timeScale: 0.0005, errorRate: 0, timeoutRate: 0, seed: undefined });
  });

  it('reads every variable', () => {
    const env = { NETWORK_SIMULATOR_TIME_SCALE: '0', NETWORK_SIMULATOR_ERROR_RATE: '0.3', NETWORK_SIMULATOR_TIMEOUT_RATE: '0.2', NETWORK_SIMULATOR_SEED: '42' };
    expect(loadConfig(env).networkSimulator).toEqual({ timeScale: 0, errorRate: 0.3, timeoutRate: 0.2, seed: 42 });
  });

  it('stops start-up on a bad value, naming the variable in plain English', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ NETWORK_SIMULATOR_TIME_SCALE: '-1' }, /NETWORK_SIMULATOR_TIME_SCALE: must be at least 0 \(got "-1"\)/],
      [{ NETWORK_SIMULATOR_TIME_SCALE: 'fast' }, /NETWORK_SIMULATOR_TIME_SCALE: must be a number/],
      [{ NETWORK_SIMULATOR_ERROR_RATE: '1.5' }, /NETWORK_SIMULATOR_ERROR_RATE: must be at most 1 \(got "1.5"\)/],
      [{ NETWORK_SIMULATOR_TIMEOUT_RATE: '-0.1' }, /NETWORK_SIMULATOR_TIMEOUT_RATE: must be at least 0/],
      [{ NETWORK_SIMULATOR_ERROR_RATE: '0.6', NETWORK_SIMULATOR_TIMEOUT_RATE: '0.5' }, /NETWORK_SIMULATOR_TIMEOUT_RATE: must be at most 1 minus NETWORK_SIMULATOR_ERROR_RATE/],
      [{ NETWORK_SIMULATOR_SEED: '1.5' }, /NETWORK_SIMULATOR_SEED: must be a whole number/],
      [{ NETWORK_SIMULATOR_SEED: '-1' }, /NETWORK_SIMULATOR_SEED: must be at least 0/],
    ];
    for (const [env, message] of bad) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });
});
