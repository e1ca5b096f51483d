import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { CommentForm } from '../src/components/comment-form/comment-form.js';
import { DEMO_ENDPOINT, POSTS } from './comment-demo.js';
import '../src/components/comment-form/define.js';

interface CommentFormArgs {
  'post-id': number;
  'heading-level'?: number;
  'require-name-email'?: boolean;
}

const meta: Meta<CommentFormArgs> = {
  title: 'Elements/comment-form',
  component: 'comment-form',
  args: { 'post-id': POSTS.thread },
  argTypes: { 'heading-level': { control: { type: 'number', min: 2, max: 6 } } },
  render: (args) => html`<comment-form endpoint=${DEMO_ENDPOINT} post-id=${args['post-id']} heading-level=${args['heading-level'] ?? 2}
    require-name-email=${args['require-name-email'] === false ? 'false' : 'true'}></comment-form>`,
};

export default meta;
type Story = StoryObj<CommentFormArgs>;

/** Fill it in and post: the pretend server holds the comment for moderation. Drafts survive a reload. */
export const Default: Story = {};

/** A reader writes and posts a comment: the pretend server holds it for moderation, and `comment-posted` tells the page. */
export const Posting: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<CommentForm>('comment-form')!;
    await form.updateComplete;
    const posted: unknown[] = [];
    form.addEventListener('comment-posted', (event) => posted.push(event.comment));
    const field = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    await userEvent.type(field('content'), 'The volunteers at the station were wonderful.');
    await userEvent.type(field('author_name'), 'Olha');
    await userEvent.type(field('author_email'), 'olha@example.org');
    await userEvent.click(form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!);
    await waitFor(() => expect(form.shadowRoot!.querySelector('.status')).toHaveTextContent('Your comment is awaiting moderation.'));
    await expect(posted).toHaveLength(1);
    await expect(field('content')).toHaveValue('');
  },
};

/** Name and email optional. */
export const Anonymous: Story = { args: { 'require-name-email': false } };

/** Replying to a comment: "Leave a Reply to Marta Kowalska" with "Cancel reply". */
export const Replying: Story = {
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector<CommentForm>('comment-form')!.replyTo(11, 'Marta Kowalska');
  },
};

/** Every message at once: the form was sent empty. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector<CommentForm>('comment-form')!.submit();
  },
};

/** The server answers "duplicate": its message in an alert, the text kept, "Try again". */
export const Duplicate: Story = {
  args: { 'post-id': POSTS.duplicate },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<CommentForm>('comment-form')!;
    await form.updateComplete;
    for (const [id, value] of [['content', 'Said twice.'], ['author_name', 'Olha'], ['author_email', 'olha@example.org']]) {
      const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    }
    await form.submit();
  },
};

/** A page-supplied classic form for readers without JavaScript; its typed values carry over when the element runs. */
export const ProgressiveEnhancement: Story = {
  render: () => html`<comment-form endpoint=${DEMO_ENDPOINT} post-id=${POSTS.thread}>
    <form action="https://news.example/wp-comments-post.php" method="post">
      <p><label>Comment <textarea name="comment" required></textarea></label></p>
      <p><label>Name <input name="author" required autocomplete="name" /></label></p>
      <p><label>Email <input name="email" type="email" required autocomplete="email" /></label></p>
      <input type="hidden" name="comment_post_ID" value="2" />
      <p><button>Post Comment</button></p>
    </form>
  </comment-form>`,
};
