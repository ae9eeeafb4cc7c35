/**
 * The one source of "now" (milliseconds since the epoch). Session expiry, lockouts and every
 * timestamp read it, so a test or the control plane can move time without touching the OS clock.
 */
export interface Clock {
  now(): number;
}

export class VirtualClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  set(at: number): void {
    this.offsetMs = at - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get isVirtual(): boolean {
    return this.offsetMs !== 0;
  }
}
