import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/components/fact-box/define.js';
import '../src/components/pull-quote/define.js';
import '../src/components/social-follow/define.js';
import '../src/components/speaker-caption/define.js';
import '../src/components/stat-callout/define.js';

/**
 * Each display element given its text as attributes, beside the same element given it as slotted children, with the
 * light DOM the element ends up with: what Reader View, translation tools and crawlers read. The markup is shown as
 * text (`textContent`), never parsed.
 */
function withLightDom(element: TemplateResult): TemplateResult {
  const show = (output?: Element) => {
    const host = output?.previousElementSibling as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    if (!output || !host) return;
    void customElements.whenDefined(host.localName).then(async () => {
      await host.updateComplete;
      output.textContent = host.outerHTML.replace(/<!--[^]*?-->/g, '');
    });
  };
  return html`<div class="light-dom">${element}<pre ${ref(show)} style="white-space: pre-wrap; font-size: 0.8em"></pre></div>`;
}

const meta: Meta = {
  title: 'Guides/Where the words live',
  parameters: { docs: { description: { component: 'Attribute text becomes light-DOM children marked `data-generated`; slotted text stays the page’s own.' } } },
};
export default meta;
type Story = StoryObj;

/** The figure, label and source line, generated from attributes (above) and slotted by the page (below). */
export const StatCallout: Story = {
  render: () => html`${withLightDom(
    html`<stat-callout value="3000000" format="compact" prefix="Over" label="Ukrainians have fled the country" source="Agence France-Presse"
      source-href="https://www.afp.com/" date="2022-03-17"></stat-callout>`,
  )}${withLightDom(
    html`<stat-callout value="3000000" format="compact"><span slot="prefix">Over</span> Ukrainians have fled the country
      <a slot="source" href="https://www.afp.com/">Agence France-Presse</a></stat-callout>`,
  )}`,
};

/** A real `<h2>` generated from `heading`, or the page's own. */
export const FactBox: Story = {
  render: () => html`${withLightDom(html`<fact-box heading="Learn more (from attributes)"><stat-callout value="108" label="children killed"></stat-callout></fact-box>`)}${withLightDom(
    html`<fact-box><h2 slot="heading">Learn more (slotted)</h2><stat-callout value="108">children killed</stat-callout></fact-box>`,
  )}`,
};

/** The attribution after the quotation, generated from `speaker` and `job-title`, or slotted as a speaker-caption. */
export const PullQuote: Story = {
  render: () => html`${withLightDom(
    html`<pull-quote speaker="Antony Blinken" job-title="US Secretary of State" date="2022-03-17"
      ><p>The actions that we see Russia committing every day are in complete contradiction to any serious diplomatic effort.</p></pull-quote
    >`,
  )}${withLightDom(
    html`<pull-quote
      ><p>The actions that we see Russia committing every day are in complete contradiction to any serious diplomatic effort.</p>
      <speaker-caption slot="attribution" name="Antony Blinken" job-title="US Secretary of State"></speaker-caption
    ></pull-quote>`,
  )}`,
};

/** "Name, Job title" generated from attributes, or slotted. */
export const SpeakerCaption: Story = {
  render: () => html`${withLightDom(html`<speaker-caption name="Oleksii Reznikov" job-title="Minister of Defence of Ukraine" credit="Photo: AFP"></speaker-caption>`)}${withLightDom(
    html`<speaker-caption><span slot="name">Oleksii Reznikov</span><span slot="job-title">Minister of Defence of Ukraine</span></speaker-caption>`,
  )}`,
};

/** The heading generated from `heading`; the links are always the page's own. */
export const SocialFollow: Story = {
  render: () => html`${withLightDom(
    html`<social-follow heading="Connect with us"><a href="https://www.facebook.com/example">Facebook</a> <a href="https://bsky.app/profile/example.com">Bluesky</a></social-follow>`,
  )}`,
};
