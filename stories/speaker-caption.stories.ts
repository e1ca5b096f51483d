/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { langOf, optional } from './demo-facts.js';
import { SPEAKERS, VOICE_LANGS, inLang, type SpeakerName, type VoiceLang } from './demo-voices.js';
// A drawn silhouette served by Storybook itself, so no request leaves the page. Not inlined as a data: URL, which
// speaker-caption's src (http(s) and relative URLs only) would refuse.
import PORTRAIT from './assets/speaker-portrait.svg?no-inline';
import '../src/components/speaker-caption/define.js';

const CAPTIONS: Record<VoiceLang, string> = {
  en: 'Volodymyr Zelensky speaks to members of the Bundestag by video link on Thursday.',
  fr: 'Volodymyr Zelensky s’adresse jeudi aux députés du Bundestag par visioconférence.',
  uk: 'Володимир Зеленський у четвер звертається до депутатів Бундестагу по відеозв’язку.',
  ar: 'فولوديمير زيلينسكي يخاطب نواب البوندستاغ عبر الفيديو يوم الخميس.',
};

const CREDITS: Record<VoiceLang, string> = { en: 'Photo: AFP', fr: 'Photo : AFP', uk: 'Фото: AFP', ar: 'الصورة: AFP' };

interface SpeakerCaptionArgs {
  speaker: SpeakerName;
  portrait?: boolean;
  shape?: 'circle' | 'square';
  link?: boolean;
  credit?: boolean;
  caption?: boolean;
}

function speakerCaption(args: SpeakerCaptionArgs, lang: VoiceLang) {
  const speaker = SPEAKERS[args.speaker];
  return html`<speaker-caption
    name=${speaker.name[lang]}
    job-title=${speaker.jobTitle[lang]}
    src=${optional(args.portrait ? PORTRAIT : undefined)}
    shape=${optional(args.shape)}
    href=${optional(args.link ? speaker.href : undefined)}
    credit=${optional(args.credit ? CREDITS[lang] : undefined)}
    >${args.caption ? CAPTIONS[lang] : ''}</speaker-caption
  >`;
}

const meta: Meta<SpeakerCaptionArgs> = {
  title: 'Elements/speaker-caption',
  component: 'speaker-caption',
  args: { speaker: 'blinken' },
  argTypes: {
    speaker: { control: 'select', options: Object.keys(SPEAKERS), description: 'Demo speaker, in the toolbar’s language' },
    shape: { control: 'select', options: ['circle', 'square'] },
  },
  render: (args, { globals }) => speakerCaption(args, langOf(globals)),
};

export default meta;
type Story = StoryObj<SpeakerCaptionArgs>;

/** Name and job title, read as one phrase with the language's separator. */
export const NameAndJobTitle: Story = {};

/** A lazy portrait in a reserved box (nothing moves when it loads), round by default. */
export const WithPortrait: Story = { args: { portrait: true, credit: true } };

/** `shape="square"`. */
export const SquarePortrait: Story = { args: { speaker: 'leDrian', portrait: true, shape: 'square' } };

/** `href`: the whole phrase links to the speaker's profile. */
export const ProfileLink: Story = { args: { portrait: true, link: true } };

/** A descriptive photo caption in the default slot, with a credit. */
export const PhotoCaption: Story = {
  render: (_args, { globals }) => {
    const lang = langOf(globals);
    return html`<speaker-caption credit=${CREDITS[lang]}>${CAPTIONS[lang]}</speaker-caption>`;
  },
};

/** Every text part as a slot, and your own image: readable before the element upgrades. */
export const Slotted: Story = {
  render: (_args, { globals }) => {
    const lang = langOf(globals);
    return html`<speaker-caption>
      <img slot="image" src=${PORTRAIT} alt="" width="64" height="64" />
      <span slot="name">${SPEAKERS.zelensky.name[lang]}</span>
      <span slot="job-title">${SPEAKERS.zelensky.jobTitle[lang]}</span>
      <span slot="credit">${CREDITS[lang]}</span>
    </speaker-caption>`;
  },
};

/** Every state in English, French, Ukrainian and Arabic (right to left, no italics), whatever the toolbar says. */
export const AllLanguages: Story = {
  render: () =>
    html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 2rem;">
      ${VOICE_LANGS.map((lang) =>
        inLang(
          lang,
          html`<div style="display: grid; gap: 1rem;">
            ${speakerCaption({ speaker: 'blinken' }, lang)} ${speakerCaption({ speaker: 'leDrian', portrait: true, link: true, credit: true }, lang)}
            ${speakerCaption({ speaker: 'arel', portrait: true, shape: 'square' }, lang)}
            <speaker-caption credit=${CREDITS[lang]}>${CAPTIONS[lang]}</speaker-caption>
          </div>`,
        ),
      )}
    </div>`,
};

/** Arabic, right to left: the portrait moves to the right and nothing is slanted. */
export const RightToLeft: Story = {
  render: (args) => inLang('ar', speakerCaption({ ...args, portrait: true, credit: true, caption: true }, 'ar')),
};

const HOSTILE = '<img src=x onerror="window.__xss = 1">';

/** Bad input: a portrait that fails to load keeps its box, `javascript:` links are dropped, hostile strings stay text. */
export const BadInput: Story = {
  tags: ['!autodocs'],
  render: () =>
    html`<div style="display: grid; gap: 1rem;">
      <speaker-caption name="Failing portrait" src="/no-such-portrait.jpg" alt="Portrait"></speaker-caption>
      <speaker-caption name="Unsafe profile link, shown without a link" href="javascript:alert(1)"></speaker-caption>
      <speaker-caption name=${HOSTILE} job-title=${HOSTILE} src=${HOSTILE} alt=${HOSTILE} credit=${HOSTILE} href=${HOSTILE}
        shape=${HOSTILE}>${HOSTILE}</speaker-caption>
      <speaker-caption name=${'Name '.repeat(200)}></speaker-caption>
    </div>`,
};
