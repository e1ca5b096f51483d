import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { NewsroomElement } from '../internal/newsroom-element.js';
import { safeUrl } from '../internal/safe-url.js';
import type { Terms } from '../internal/terms.js';
import { endpointContext, postIdContext } from './comment-context.js';

/**
 * The base of the comment parts (toggle, list, form): each has its own `endpoint` and `post-id`, and inherits them
 * from an enclosing `comment-section` when it leaves them unset.
 */
export class CommentPart<E extends Terms> extends NewsroomElement<E> {
  @consume({ context: endpointContext, subscribe: true }) @state() private inheritedEndpoint?: string;
  @consume({ context: postIdContext, subscribe: true }) @state() private inheritedPostId?: number;

  /** Base URL of the WordPress REST API, such as `https://example.org/wp-json/wp/v2` (http, https or relative). */
  @property() endpoint?: string;

  /** The id of the post the comments belong to. */
  @property({ attribute: 'post-id', type: Number }) postId?: number;

  /** The endpoint in use (own, else inherited), if it is a safe URL. */
  protected get apiEndpoint(): string | undefined {
    return safeUrl(this.endpoint || this.inheritedEndpoint);
  }

  /** The post id in use (own, else inherited), if it is a positive integer. */
  protected get post(): number | undefined {
    const id = this.postId ?? this.inheritedPostId;
    return id !== undefined && Number.isInteger(id) && id > 0 ? id : undefined;
  }
}
