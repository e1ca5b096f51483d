import type { ReactiveControllerHost } from 'lit';

const DURATION_MS = 1200;

/**
 * Counts from 0 up to `target` once the host first scrolls into view, calling `show` with each figure and then with
 * `undefined` when done. Loaded only by callouts that count up.
 */
export function countUp(host: ReactiveControllerHost & Element, target: number, show: (figure?: number) => void): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    host.removeController(controller);
    observer.disconnect();
    const start = performance.now();
    const step = (now: number): void => {
      const progress = Math.min(1, (now - start) / DURATION_MS);
      show(progress < 1 ? target * (1 - (1 - progress) ** 3) : undefined);
      if (progress < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  // Watched while connected: a callout moved in the page before it was seen still counts once it is.
  const controller = { hostConnected: () => observer.observe(host), hostDisconnected: () => observer.disconnect() };
  host.addController(controller);
}
