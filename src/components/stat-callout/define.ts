import { defineElement } from '../../internal/define.js';
import { StatCallout } from './stat-callout.js';

export { StatCallout };

defineElement('stat-callout', StatCallout);

declare global {
  interface HTMLElementTagNameMap {
    'stat-callout': StatCallout;
  }
}
