import { defineElement } from '../../internal/define.js';
import { CommentToggle } from './comment-toggle.js';

export { CommentToggle };

defineElement('comment-toggle', CommentToggle);

declare global {
  interface HTMLElementTagNameMap {
    'comment-toggle': CommentToggle;
  }
}
