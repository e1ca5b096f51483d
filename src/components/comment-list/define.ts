import { defineElement } from '../../internal/define.js';
import { CommentList } from './comment-list.js';

export { CommentList };

defineElement('comment-list', CommentList);

declare global {
  interface HTMLElementTagNameMap {
    'comment-list': CommentList;
  }
}
