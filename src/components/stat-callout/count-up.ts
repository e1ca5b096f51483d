import type { ReactiveControllerHost } from 'lit';
import { onFirstSight } from '../../internal/first-sight.js';

const DURATION_MS = 1200;

/**
 * Counts from 0 up to `target` once the host is first in view, calling `show` with each figure and then with
 * `undefined` when done. Loaded only by callouts that count up.
 */
export function countUp(host: ReactiveControllerHost & Element, target: number, show: (figure?: number) => void): void {
  onFirstSight(host, () => {
    const start = performance.now();
    const step = (now: number): void => {
      const progress = Math.min(1, (now - start) / DURATION_MS);
      show(progress < 1 ? target * (1 - (1 - progress) ** 3) : undefined);
      if (progress < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}
