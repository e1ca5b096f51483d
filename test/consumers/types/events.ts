// Every event the elements fire is typed for `addEventListener`, as a user's code sees it after
// `import 'newsroom-elements'`: the listener's event has the fields of the element's event class, with no cast.
// Compiled with `tsc --noEmit`, never run. Each `@ts-expect-error` line must be an error, or tsc fails.
import { CommentErrorEvent, CommentPostedEvent, CommentReplyEvent, CommentSubmitEvent, NewsroomToggleEvent, PullQuoteShareEvent } from 'newsroom-elements';

const form = document.createElement('comment-form');
const list = document.createElement('comment-list');
const quote = document.createElement('pull-quote');
const factBox = document.createElement('fact-box');

form.addEventListener('comment-submit', (event) => {
  const content: string = event.payload.content;
  const post: number = event.payload.post;
  event.preventDefault();
  const typed: CommentSubmitEvent = event;
  void [content, post, typed];
});

form.addEventListener('comment-posted', (event) => {
  const id: number | undefined = event.comment?.id;
  const html: string | undefined = event.comment?.content.rendered;
  // @ts-expect-error the comment is undefined when only a retry's "duplicate" answer proved it arrived
  const certain: number = event.comment.id;
  const typed: CommentPostedEvent = event;
  void [id, html, certain, typed];
});

form.addEventListener('comment-error', (event) => {
  const code: string = event.code;
  const status: number = event.status;
  // @ts-expect-error a failed comment carries no comment
  void event.comment;
  const typed: CommentErrorEvent = event;
  void [code, status, typed];
});

list.addEventListener('comment-reply', (event) => {
  const commentId: number = event.commentId;
  const authorName: string = event.authorName;
  // @ts-expect-error the event's fields are read-only
  event.commentId = 0;
  const typed: CommentReplyEvent = event;
  void [commentId, authorName, typed];
});

quote.addEventListener('pull-quote-share', (event) => {
  const text: string = event.detail.text;
  // @ts-expect-error `network` is one of the known networks, not any string
  event.detail.network = 'myspace';
  const typed: PullQuoteShareEvent = event;
  void [text, typed];
});

// `toggle` is DOM's own event name (typed `ToggleEvent`): NewsroomToggleEvent has the same fields.
factBox.addEventListener('toggle', (event) => {
  const newState: string = event.newState;
  void newState;
});
const fromElement: ToggleEvent = new NewsroomToggleEvent(true);
void fromElement;

// The comment events are composed and bubble: a page can listen once, on the document.
document.addEventListener('comment-posted', (event) => void event.comment?.author_name);
document.body.addEventListener('comment-reply', (event) => void event.authorName);

// @ts-expect-error a misspelt event name is a plain Event, without the comment
form.addEventListener('comment-post', (event) => void event.comment);
