import { describe, expect, it } from 'vitest';
import { ConfigError, SETTINGS, loadConfig } from '../../server/config.js';

function refusal(env: Record<string, string>): string | null {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err.variable;
    throw err;
  }
}

describe('loadConfig', () => {
  it('names the first bad variable in the documented order, whatever else is wrong', () => {
    // A value each refusable setting refuses (some accept anything: SEED_FILE, TLS_CERT, ...).
    const bad: Record<string, string> = {};
    for (const s of SETTINGS) {
      const value = ['', 'x', '!!'].find((v) => refusal({ [s.name]: v }) === s.name);
      if (value !== undefined) bad[s.name] = value;
    }
    const order = SETTINGS.map((s) => s.name).filter((n) => n in bad);
    expect(order.length).toBeGreaterThanOrEqual(10);
    for (const name of order) {
      expect(refusal(bad)).toBe(name);
      delete bad[name];
    }
    expect(refusal(bad)).toBeNull();
  });

  it('gives every field its own type', () => {
    const c = loadConfig({ PORT: '0', TLS_PORT: 'off', SEED_FILE: '', LOG_LEVEL: 'warn', FAULTS: '' });
    expect(c).toMatchObject({ port: 0, tlsPort: null, seedFile: null, logLevel: 'warn', faults: [] });
    expect(Object.isFrozen(c)).toBe(true);
  });
});
