import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_ENDPOINT, POSTS } from './comment-demo.js';
import { optional } from './demo-facts.js';
import '../src/components/comment-toggle/define.js';

interface CommentToggleArgs {
  count?: number;
  'post-id'?: number;
  open?: boolean;
  controls?: string;
}

const meta: Meta<CommentToggleArgs> = {
  title: 'Elements/comment-toggle',
  component: 'comment-toggle',
  render: (args) => html`<comment-toggle endpoint=${DEMO_ENDPOINT} post-id=${args['post-id'] ?? POSTS.thread}
    .count=${args.count} ?open=${args.open ?? false} controls=${optional(args.controls)}></comment-toggle>`,
};

export default meta;
type Story = StoryObj<CommentToggleArgs>;

/** The count fetched from the endpoint (`X-WP-Total`) once the button is in view. */
export const Fetched: Story = {};

/** No comments yet. */
export const ClickToComment: Story = { args: { 'post-id': POSTS.empty } };

/** A count given by the page (no request); plural forms follow the language (try Ukrainian: 21, 22, 25). */
export const GivenCount: Story = { args: { count: 21 } };

/** Open (`aria-expanded="true"`). */
export const Open: Story = { args: { count: 3, open: true } };

/** The endpoint fails: a neutral "Comments" label that still opens the section. */
export const CountFailed: Story = { args: { 'post-id': POSTS.failing } };
