import type { PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { NewsroomElement } from '../internal/newsroom-element.js';
import { safeUrl } from '../internal/safe-url.js';
import type { Terms } from '../internal/terms.js';
import { endpointContext, postIdContext } from './comment-context.js';

/**
 * The base of the comment parts (toggle, list, form): each has its own `endpoint` and `post-id`, and inherits them
 * from an enclosing `comment-section` when it leaves them unset.
 *
 * @internal Public only as the base of the public comment classes.
 */
export class CommentPart<E extends Terms> extends NewsroomElement<E> {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    inheritedEndpoint: { state: true },
    inheritedPostId: { state: true },
  };

  private inheritedEndpoint?: string;
  private inheritedPostId?: number;

  constructor() {
    super();
    new ContextConsumer(this, { context: endpointContext, subscribe: true, callback: (value) => (this.inheritedEndpoint = value) });
    new ContextConsumer(this, { context: postIdContext, subscribe: true, callback: (value) => (this.inheritedPostId = value) });
  }

  /** Base URL of the WordPress REST API, such as `https://example.org/wp-json/wp/v2` (http, https or relative). */
  endpoint?: string;

  /** The id of the post the comments belong to. */
  postId?: number;

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
