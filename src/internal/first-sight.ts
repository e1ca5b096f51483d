import type { ReactiveControllerHost } from 'lit';

/**
 * Calls `seen` once, the first time the host is in view. The host is watched only while it is connected, so one
 * moved in the page before it was seen (as a framework reordering a list moves it) is still seen once it shows.
 */
export function onFirstSight(host: ReactiveControllerHost & Element, seen: () => void): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    host.removeController(watch);
    observer.disconnect();
    seen();
  });
  const watch = { hostConnected: () => observer.observe(host), hostDisconnected: () => observer.disconnect() };
  host.addController(watch);
}
