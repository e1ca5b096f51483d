import { CommentApiError, unanswered } from '../../comments/comment-api.js';
import { foldWhitespace } from '../../internal/text.js';

/**
 * Posts the classic WordPress form fields to `wp-comments-post.php` (same origin only: it sends no CORS headers).
 * Success is the redirect back to the post (`?unapproved=N` when the comment is held); a failure is WordPress's
 * "Comment Submission Failure" page, whose message is read as text.
 */
export async function postClassicForm(action: string, fields: Record<string, string>, signal?: AbortSignal): Promise<{ held: boolean }> {
  const response = await fetch(action, { method: 'POST', body: new URLSearchParams(fields), credentials: 'same-origin', signal }).catch(
    (error: unknown) => {
      throw unanswered(error);
    },
  );
  if (response.ok && response.redirected) return { held: new URL(response.url).searchParams.has('unapproved') };
  // DOMParser builds an inert document: no script in the page runs, and only its text is kept.
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const message = foldWhitespace((page.querySelector('.wp-die-message') ?? page.body)?.textContent ?? '');
  throw new CommentApiError(response.status === 409 ? 'comment_duplicate' : 'wp_die', response.status, message || response.statusText);
}
