import { defineElement } from '../../internal/define.js';
import { CommentSection } from './comment-section.js';
// The section renders a comment-toggle: registering the section registers it (the class alone registers nothing).
import '../comment-toggle/define.js';

export { CommentSection };

defineElement('comment-section', CommentSection);

declare global {
  interface HTMLElementTagNameMap {
    'comment-section': CommentSection;
  }
}
