/**
 * Fired as `toggle` when an element opens or closes, with the same `oldState` / `newState` fields as the native
 * `ToggleEvent` of `<details>` and popovers. Unlike the native one it bubbles, so a page can listen once for all.
 * `toggle` is DOM's own event name: TypeScript types its listeners' event as `ToggleEvent`, whose fields these are.
 */
export class NewsroomToggleEvent extends Event {
  readonly oldState: 'open' | 'closed';
  readonly newState: 'open' | 'closed';

  constructor(open: boolean) {
    super('toggle', { bubbles: true });
    this.newState = open ? 'open' : 'closed';
    this.oldState = open ? 'closed' : 'open';
  }
}
