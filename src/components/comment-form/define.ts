import { defineElement } from '../../internal/define.js';
import { CommentForm } from './comment-form.js';

export { CommentForm };

defineElement('comment-form', CommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
}
