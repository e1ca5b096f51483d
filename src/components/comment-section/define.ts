import { defineElement } from '../../internal/define.js';
import { CommentSection } from './comment-section.js';

export { CommentSection };

defineElement('comment-section', CommentSection);

declare global {
  interface HTMLElementTagNameMap {
    'comment-section': CommentSection;
  }
}
