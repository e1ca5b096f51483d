// Named imports only: simple-icons marks itself side-effect free, so a bundler keeps just these icons.
import {
  siBluesky,
  siFacebook,
  siInstagram,
  siMastodon,
  siRss,
  siTelegram,
  siThreads,
  siTiktok,
  siWhatsapp,
  siX,
  siYoutube,
} from 'simple-icons';

/** The networks social-follow recognises. */
export type NetworkId =
  | 'facebook'
  | 'x'
  | 'instagram'
  | 'youtube'
  | 'linkedin'
  | 'tiktok'
  | 'bluesky'
  | 'mastodon'
  | 'threads'
  | 'telegram'
  | 'whatsapp'
  | 'rss'
  | 'email';

export interface Network {
  id: NetworkId;
  /** The brand's own name, never translated ("email" and "RSS" are phrased by the terms instead). */
  name: string;
  /** SVG path data on a 24 × 24 grid, filled with the non-zero rule. */
  path: string;
}

// simple-icons has no LinkedIn icon (removed at the brand's request) and no envelope: these two are drawn here, a
// plain briefcase rather than an imitation of the brand's mark.
const BRIEFCASE = 'M8 3h8v4h-2V5h-4v2H8Zm-6 4h20v13H2Zm2 5v1.5h16V12Z';
const ENVELOPE = 'M1 4h22v16H1Zm2 3.2V18h18V7.2l-9 5.6Zm1.6-1.2 7.4 4.6 7.4-4.6Z';

const NETWORKS: Record<NetworkId, Network> = {
  facebook: { id: 'facebook', name: 'Facebook', path: siFacebook.path },
  x: { id: 'x', name: 'X', path: siX.path },
  instagram: { id: 'instagram', name: 'Instagram', path: siInstagram.path },
  youtube: { id: 'youtube', name: 'YouTube', path: siYoutube.path },
  linkedin: { id: 'linkedin', name: 'LinkedIn', path: BRIEFCASE },
  tiktok: { id: 'tiktok', name: 'TikTok', path: siTiktok.path },
  bluesky: { id: 'bluesky', name: 'Bluesky', path: siBluesky.path },
  mastodon: { id: 'mastodon', name: 'Mastodon', path: siMastodon.path },
  threads: { id: 'threads', name: 'Threads', path: siThreads.path },
  telegram: { id: 'telegram', name: 'Telegram', path: siTelegram.path },
  whatsapp: { id: 'whatsapp', name: 'WhatsApp', path: siWhatsapp.path },
  rss: { id: 'rss', name: 'RSS', path: siRss.path },
  email: { id: 'email', name: 'Email', path: ENVELOPE },
};

/** Registrable domains of each network; subdomains (m.facebook.com, chat.whatsapp.com) match too. */
const DOMAINS: Record<string, NetworkId> = {
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'fb.me': 'facebook',
  'x.com': 'x',
  'twitter.com': 'x',
  'instagram.com': 'instagram',
  'instagr.am': 'instagram',
  'youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'linkedin.com': 'linkedin',
  'lnkd.in': 'linkedin',
  'tiktok.com': 'tiktok',
  'bsky.app': 'bluesky',
  'threads.net': 'threads',
  'threads.com': 'threads',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'wa.me': 'whatsapp',
  'whatsapp.com': 'whatsapp',
  'mastodon.social': 'mastodon',
  'mastodon.online': 'mastodon',
  'mstdn.social': 'mastodon',
};

// Mastodon servers have names of their own: a profile path (/@name) on a host that says "mastodon" or ends in
// .social is taken for one; any other server is named with data-network="mastodon" on the link.
const MASTODON_PROFILE = /^\/@[^/]+\/?$/;
const MASTODON_HOST = /(^|\.)(mastodon|mstdn)\.|\.social$/;
const FEED_TYPE = /^application\/(rss|atom)\+xml$/i;
const FEED_PATH = /(^|\/)(feed|rss|atom)(\.xml)?\/?$|\.(rss|atom)$|\/(rss|atom|feed)\.xml$/i;

function isNetworkId(value: string): value is NetworkId {
  return Object.hasOwn(NETWORKS, value);
}

/**
 * The network a link leads to, judged by its resolved URL (an explicit `data-network` wins), or `undefined` for
 * links to anywhere else and for schemes other than http(s) and mailto.
 */
export function networkOf(link: HTMLAnchorElement): Network | undefined {
  const explicit = link.dataset.network?.trim().toLowerCase();
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return NETWORKS.email;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (explicit && isNetworkId(explicit) && explicit !== 'email') return NETWORKS[explicit];
  const labels = url.hostname.toLowerCase().replace(/\.$/, '').split('.');
  for (let start = 0; start < labels.length - 1; start += 1) {
    const id = DOMAINS[labels.slice(start).join('.')];
    if (id) return NETWORKS[id];
  }
  if (MASTODON_PROFILE.test(url.pathname) && MASTODON_HOST.test(url.hostname)) return NETWORKS.mastodon;
  if (FEED_TYPE.test(link.type) || FEED_PATH.test(url.pathname) || url.hostname.startsWith('feeds.')) return NETWORKS.rss;
  return undefined;
}

function readable(link: HTMLAnchorElement, pick: (url: URL) => string): string {
  try {
    const url = new URL(link.href);
    return decodeURIComponent(url.protocol === 'mailto:' ? url.pathname : pick(url));
  } catch {
    // A malformed percent-escape: the raw address still tells the links apart.
    return link.getAttribute('href') ?? '';
  }
}

/** A short text telling apart two links to one network: the account (last path segment), else the host. */
export function handleOf(link: HTMLAnchorElement): string {
  return readable(link, (url) => url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname.replace(/^www\./, ''));
}

/** The address without its scheme, for two accounts of the same name on different hosts. */
export function addressOf(link: HTMLAnchorElement): string {
  return readable(link, (url) => `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}`);
}

/**
 * The links {@link networkOf} most likely recognises, as a CSS selector judged by their markup alone (the known hosts,
 * `mailto:`, Mastodon and feed addresses, `data-network`): the server cannot resolve a link's URL, so this is how the
 * server-rendered element reserves each icon's square. A link it misjudges moves once, when the element upgrades.
 */
export const likelyNetworkLink = `a[href]:is(${[
  '[data-network]',
  '[href^="mailto:" i]',
  ...Object.keys(DOMAINS).flatMap((domain) => [`[href*="//${domain}" i]`, `[href*=".${domain}" i]`]),
  '[href*="mastodon" i][href*="/@"]',
  '[href*="mstdn" i][href*="/@"]',
  '[href*=".social/@" i]',
  '[type$="rss+xml" i]',
  '[type$="atom+xml" i]',
  '[href*="//feeds." i]',
  ...['/feed', '/rss', '/atom', '.rss', '.atom', '/feed.xml', '/rss.xml', '/atom.xml', '/feed/', '/rss/', '/atom/'].map(
    (ending) => `[href$="${ending}" i]`,
  ),
].join(', ')})`;
