import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { langOf, optional, type Lang } from './demo-facts.js';
import '../src/components/social-follow/define.js';

interface SocialFollowArgs {
  heading?: string;
  'heading-level'?: number | string;
  labels?: boolean;
}

const HEADINGS: Record<Lang, string> = { en: 'Connect with us', fr: 'Suivez-nous', uk: 'Ми в соцмережах' };
const EMAIL: Record<Lang, string> = { en: 'Email', fr: 'Courriel', uk: 'Пошта' };

/** A fictional newsroom's accounts: the page's own links, readable and working before the element upgrades. */
function accounts(lang: Lang) {
  return html`<a href="https://www.facebook.com/newsroom.elements">Facebook</a>
    <a href="https://x.com/newsroom_elements">X</a>
    <a href="https://www.instagram.com/newsroom.elements/">Instagram</a>
    <a href="https://bsky.app/profile/newsroom-elements.bsky.social">Bluesky</a>
    <a href="https://mastodon.social/@newsroom_elements">Mastodon</a>
    <a href="https://www.youtube.com/@newsroom-elements">YouTube</a>
    <a href="/feed/" type="application/rss+xml">RSS</a>
    <a href="mailto:desk@newsroom.invalid">${EMAIL[lang]}</a>`;
}

function follow(args: SocialFollowArgs, lang: Lang, links = accounts(lang)) {
  return html`<social-follow
    heading=${optional(args.heading ?? HEADINGS[lang])}
    heading-level=${optional(args['heading-level'])}
    ?labels=${args.labels ?? false}
    >${links}</social-follow
  >`;
}

const meta: Meta<SocialFollowArgs> = {
  title: 'Elements/social-follow',
  component: 'social-follow',
  argTypes: {
    labels: { control: 'boolean' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args, { globals }) => follow(args, langOf(globals)),
};

export default meta;
type Story = StoryObj<SocialFollowArgs>;

/** Icons only (the default): each link is a 44 px square named "Follow us on Facebook" in the page's language. */
export const IconsOnly: Story = {};

/** `labels`: each link's own text beside its icon. */
export const WithLabels: Story = { args: { labels: true } };

/** No heading: just the links. */
export const WithoutHeading: Story = { args: { heading: '' } };

/** The page's own `<h2>` in the `heading` slot, so the outline holds it even without JavaScript. */
export const HeadingSlot: Story = {
  render: (args, { globals }) => {
    const lang = langOf(globals);
    return follow({ ...args, heading: '' }, lang, html`<h2 slot="heading">${HEADINGS[lang]}</h2>${accounts(lang)}`);
  },
};

/** Every network it recognises, with labels. LinkedIn and email use icons drawn for the library. */
export const EveryNetwork: Story = {
  args: { labels: true },
  render: (args, { globals }) =>
    follow(
      args,
      langOf(globals),
      html`<a href="https://www.facebook.com/newsroom.elements">Facebook</a>
        <a href="https://x.com/newsroom_elements">X</a>
        <a href="https://www.instagram.com/newsroom.elements/">Instagram</a>
        <a href="https://www.youtube.com/@newsroom-elements">YouTube</a>
        <a href="https://www.linkedin.com/company/newsroom-elements">LinkedIn</a>
        <a href="https://www.tiktok.com/@newsroom.elements">TikTok</a>
        <a href="https://bsky.app/profile/newsroom-elements.bsky.social">Bluesky</a>
        <a href="https://journa.host/@newsroom" data-network="mastodon">Mastodon</a>
        <a href="https://www.threads.net/@newsroom.elements">Threads</a>
        <a href="https://t.me/newsroom_elements">Telegram</a>
        <a href="https://whatsapp.com/channel/newsroom">WhatsApp</a>
        <a href="/feed/">RSS</a>
        <a href="mailto:desk@newsroom.invalid">Email</a>`,
    ),
};

/** Two accounts on one network get different names: "Follow us on X – newsroom_en" and "… – newsroom_fr". */
export const TwoAccountsOnOneNetwork: Story = {
  render: (args, { globals }) =>
    follow(
      args,
      langOf(globals),
      html`<a href="https://x.com/newsroom_en">X</a> <a href="https://x.com/newsroom_fr">X</a>
        <a href="https://bsky.app/profile/newsroom-elements.bsky.social">Bluesky</a>`,
    ),
};

/** Links to anything else keep their text, beside the icons. */
export const UnknownLinks: Story = {
  render: (args, { globals }) =>
    follow(
      args,
      langOf(globals),
      html`<a href="https://www.facebook.com/newsroom.elements">Facebook</a>
        <a href="/newsletter">Newsletter</a>
        <a href="https://bsky.app/profile/newsroom-elements.bsky.social">Bluesky</a>`,
    ),
};

/** Brand colours through `::part(icon-<network>)` and `--social-follow-*` sizes, set by the page. */
export const BrandColours: Story = {
  render: (args, { globals }) => html`<style>
      .brand social-follow {
        --social-follow-size: 3rem;
        --social-follow-icon-size: 1.75rem;
      }
      .brand social-follow::part(icon-facebook) { color: #0866ff; }
      .brand social-follow::part(icon-instagram) { color: #d62976; }
      .brand social-follow::part(icon-bluesky) { color: #0a7aff; }
      .brand social-follow::part(icon-mastodon) { color: #6364ff; }
      .brand social-follow::part(icon-youtube) { color: #e00; }
    </style>
    <div class="brand">${follow(args, langOf(globals))}</div>`,
};

/**
 * Bad input: links with `javascript:` or `data:` URLs and markup-like text are left exactly as the page wrote them,
 * never enhanced or named; a hostile heading stays text.
 */
export const BadInput: Story = {
  tags: ['!autodocs'],
  render: (args, { globals }) =>
    follow(
      { ...args, heading: '<img src=x onerror="window.__xss = 1">' },
      langOf(globals),
      html`<a href="javascript:alert(1)">javascript: link</a>
        <a href=${'data:text/html,<script>alert(1)</script>'}>data: link</a>
        <a href="https://x.com/newsroom_elements">${'<svg onload=alert(1)>'}</a>`,
    ),
};

/** The same links in English, French and Ukrainian, whatever the toolbar says; names follow the nearest `lang`. */
export const AllLanguages: Story = {
  args: { labels: true },
  render: (args) =>
    html`<div style="display: grid; gap: 1.5rem;">
      ${(['en', 'fr', 'uk'] as const).map((lang) => html`<div lang=${lang}>${follow(args, lang)}</div>`)}
    </div>`,
};
