import { describe, expect, it } from 'vitest';
import { COURT_ZONES, isTimeZone } from '../../server/domain/nef-settings.js';

describe('isTimeZone', () => {
  it('takes the courts’ zones without Intl, and each of them is one Intl knows', () => {
    for (const zone of COURT_ZONES) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone).not.toThrow();
    expect(isTimeZone('America/New_York')).toBe(true);
  });

  it('asks Intl about any other name', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
