import { defineElement } from '../../internal/define.js';
import { FactBox } from './fact-box.js';

export { FactBox };

defineElement('fact-box', FactBox);

declare global {
  interface HTMLElementTagNameMap {
    'fact-box': FactBox;
  }
}
