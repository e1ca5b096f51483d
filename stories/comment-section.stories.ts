import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_ENDPOINT, POSTS } from './comment-demo.js';
import '../src/components/comment-section/define.js';

interface CommentSectionArgs {
  'post-id': number;
  open?: boolean;
  avatars?: 'initials' | 'remote';
  'max-depth'?: number;
  'heading-level'?: number;
  'require-name-email'?: boolean;
}

const meta: Meta<CommentSectionArgs> = {
  title: 'Elements/comment-section',
  component: 'comment-section',
  args: { 'post-id': POSTS.thread },
  argTypes: { avatars: { control: 'inline-radio', options: ['initials', 'remote'] } },
  render: (args) => html`<comment-section endpoint=${DEMO_ENDPOINT} post-id=${args['post-id']} ?open=${args.open ?? false}
    avatars=${args.avatars ?? 'initials'} max-depth=${args['max-depth'] ?? 5} heading-level=${args['heading-level'] ?? 2}
    require-name-email=${args['require-name-email'] === false ? 'false' : 'true'}></comment-section>`,
};

export default meta;
type Story = StoryObj<CommentSectionArgs>;

/** Closed: only the "4 comments" button; nothing else is downloaded until it is pressed. */
export const Closed: Story = {};

/** Open: the threaded list, then the form. */
export const Open: Story = { args: { open: true } };

/** A post without comments: "Click to comment". */
export const NoComments: Story = { args: { 'post-id': POSTS.empty } };

/** Threads flattened below two levels. */
export const MaxDepthTwo: Story = { args: { open: true, 'max-depth': 2 } };
