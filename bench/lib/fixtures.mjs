// The markup each benchmark renders, per element: text in slots (the content-first way), text in attributes only,
// and the same text as static HTML. Written for the benchmarks; figures and sources are from the reference article.

const callout = {
  // The foundation issue's own example: the label in the default slot, the rest as attributes.
  slotted: `<stat-callout value="3000000" prefix="Over" format="compact" source="Agence France-Presse" source-href="https://www.afp.com/">Ukrainians have left for other countries, most of them crossing into Poland</stat-callout>`,
  attributes: `<stat-callout value="3000000" format="compact" prefix="Over" label="Ukrainians have left for other countries, most of them crossing into Poland" source="Agence France-Presse" source-href="https://www.afp.com/"></stat-callout>`,
  static: `<div><p><data value="3000000">Over 3M</data> Ukrainians have left for other countries, most of them crossing into Poland</p><p>Source: <a href="https://www.afp.com/">Agence France-Presse</a></p></div>`,
};

const items = `<p>108 children killed</p><p>7,000 soldiers dead</p><p>80% of homes destroyed</p><p>3M refugees</p>`;

export const FIXTURES = {
  'stat-callout': callout,
  'fact-box': {
    slotted: `<fact-box collapsible><h2 slot="heading">Learn more</h2>${items}</fact-box>`,
    attributes: `<fact-box heading="Learn more" collapsible>${items}</fact-box>`,
    static: `<aside><h2>Learn more</h2>${items}</aside>`,
  },
  'pull-quote': {
    slotted: `<pull-quote><p>They are pretending to negotiate.</p><span slot="speaker">Jean-Yves Le Drian</span><span slot="job-title">French foreign minister</span></pull-quote>`,
    attributes: `<pull-quote speaker="Jean-Yves Le Drian" job-title="French foreign minister"><p>They are pretending to negotiate.</p></pull-quote>`,
    static: `<figure><blockquote><p>“They are pretending to negotiate.”</p></blockquote><figcaption>Jean-Yves Le Drian, French foreign minister</figcaption></figure>`,
  },
  'speaker-caption': {
    slotted: `<speaker-caption><span slot="name">Antony Blinken</span><span slot="job-title">US Secretary of State</span></speaker-caption>`,
    attributes: `<speaker-caption name="Antony Blinken" job-title="US Secretary of State"></speaker-caption>`,
    static: `<p><span>Antony Blinken</span>, <span>US Secretary of State</span></p>`,
  },
  'social-follow': {
    slotted: `<social-follow><h2 slot="heading">Connect with us</h2><a href="https://www.facebook.com/example">Facebook</a><a href="https://bsky.app/profile/example.com">Bluesky</a></social-follow>`,
    attributes: `<social-follow heading="Connect with us"><a href="https://www.facebook.com/example">Facebook</a><a href="https://bsky.app/profile/example.com">Bluesky</a></social-follow>`,
    static: `<nav><h2>Connect with us</h2><ul><li><a href="https://www.facebook.com/example">Facebook</a></li><li><a href="https://bsky.app/profile/example.com">Bluesky</a></li></ul></nav>`,
  },
  'comment-toggle': {
    attributes: `<comment-toggle count="12"></comment-toggle>`,
    static: `<button type="button">12 comments</button>`,
  },
  'comment-form': {
    attributes: `<comment-form></comment-form>`,
    static: `<form><h2>Leave a Reply</h2><p><label>Comment <textarea name="comment"></textarea></label></p><p><label>Name <input name="author"></label></p><p><label>Email <input type="email" name="email"></label></p><p><label>Website <input type="url" name="url"></label></p><p><button>Post Comment</button></p></form>`,
  },
};

/** The anchor shown beside an element in the render benchmark, with the same text. */
export const RENDER_ANCHORS = {
  'stat-callout': {
    name: 'sl-card',
    module: '@shoelace-style/shoelace/dist/components/card/card.js',
    markup: `<sl-card><strong>Over 3M</strong> Ukrainians have left for other countries, most of them crossing into Poland<div slot="footer">Source: <a href="https://www.afp.com/">Agence France-Presse</a></div></sl-card>`,
  },
  'fact-box': {
    name: 'sl-card',
    module: '@shoelace-style/shoelace/dist/components/card/card.js',
    markup: `<sl-card><div slot="header">Learn more</div>${items}</sl-card>`,
  },
  'pull-quote': {
    name: 'wa-callout',
    module: '@awesome.me/webawesome/dist/components/callout/callout.js',
    markup: `<wa-callout><p>“They are pretending to negotiate.”</p><p>Jean-Yves Le Drian, French foreign minister</p></wa-callout>`,
  },
  'comment-form': {
    name: 'Shoelace form',
    module: ['@shoelace-style/shoelace/dist/components/input/input.js', '@shoelace-style/shoelace/dist/components/textarea/textarea.js', '@shoelace-style/shoelace/dist/components/button/button.js'],
    markup: `<form><h2>Leave a Reply</h2><sl-textarea label="Comment"></sl-textarea><sl-input label="Name"></sl-input><sl-input type="email" label="Email"></sl-input><sl-input type="url" label="Website"></sl-input><sl-button type="submit">Post Comment</sl-button></form>`,
  },
};
