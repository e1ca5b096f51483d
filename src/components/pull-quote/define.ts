import { defineElement } from '../../internal/define.js';
import { PullQuote } from './pull-quote.js';

export { PullQuote };

defineElement('pull-quote', PullQuote);

declare global {
  interface HTMLElementTagNameMap {
    'pull-quote': PullQuote;
  }
}
