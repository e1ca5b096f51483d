import { defineElement } from '../../internal/define.js';
import { SocialFollow } from './social-follow.js';

export { SocialFollow };

defineElement('social-follow', SocialFollow);

declare global {
  interface HTMLElementTagNameMap {
    'social-follow': SocialFollow;
  }
}
