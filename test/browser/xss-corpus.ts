/**
 * The hardening suite's attack corpus: strings a page, a CMS field or a reader could put in any attribute or slot.
 * Every payload that runs sets the global `window.__xss` (or `parent.__xss` from a frame), which the suite watches.
 * Every URL in it is relative, loopback, or a scheme that makes no request (javascript:, data:, vbscript:), so that a
 * vector rendered as an image or fetched as an endpoint never sends traffic off this machine.
 */

const RUN = 'window.__xss=1';

/** Roughly `size` characters of `unit` repeated. */
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

export interface Vector {
  /** A short label for failure messages. */
  name: string;
  value: string;
}

export const XSS_CORPUS: readonly Vector[] = [
  // Markup that runs script if it is ever parsed as HTML.
  { name: 'script tag', value: `<script>${RUN}</script>` },
  { name: 'img onerror', value: `<img src=x onerror="${RUN}">` },
  { name: 'unclosed img', value: `<img src=x onerror=${RUN}//` },
  { name: 'input autofocus onfocus', value: `<input autofocus onfocus=${RUN}>` },
  { name: 'details ontoggle', value: `<details open ontoggle=${RUN}>x</details>` },
  { name: 'iframe srcdoc', value: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>` },
  { name: 'video source onerror', value: `<video><source onerror="${RUN}"></video>` },
  { name: 'object data javascript', value: `<object data="javascript:${RUN}"></object>` },
  { name: 'raw-text breakout', value: `</style></textarea></title></script><img src=x onerror=${RUN}>` },
  { name: 'comment breakout', value: `--><img src=x onerror=${RUN}><!--` },
  { name: 'noscript mXSS', value: `<noscript><p title="</noscript><img src=x onerror=${RUN}>">` },
  // SVG and MathML: foreign content parses differently and has links of its own.
  { name: 'svg onload', value: `<svg onload=${RUN}>` },
  { name: 'svg script', value: `<svg><script>${RUN}</script></svg>` },
  { name: 'svg animate onbegin', value: `<svg><animate onbegin=${RUN} attributeName=x dur=1s></svg>` },
  { name: 'svg xlink:href', value: `<svg><a xlink:href="javascript:${RUN}"><text y="20">x</text></a></svg>` },
  { name: 'mathml mglyph mXSS', value: `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>` },
  { name: 'mathml href', value: `<math href="javascript:${RUN}"><mi>x</mi></math>` },
  // Breaking out of an attribute or a template.
  { name: 'double-quote breakout', value: `"><img src=x onerror=${RUN}>` },
  { name: 'single-quote breakout', value: `'><svg onload=${RUN}>` },
  { name: 'backtick breakout', value: `\`><img src=x onerror=${RUN}>` },
  { name: 'event attribute injection', value: `" onmouseover="${RUN}" autofocus onfocus="${RUN}" x="` },
  { name: 'URL with quoted handler', value: `https://127.0.0.1/?'onmouseover='${RUN}'x='` },
  { name: 'template literal', value: `\${${RUN}}` },
  { name: 'template expression', value: `{{constructor.constructor('${RUN}')()}}` },
  { name: 'CSS breakout', value: `1)}</style><img src=x onerror=${RUN}>` },
  // Script URLs: mixed case, entities, white space and control characters.
  { name: 'javascript: URL', value: `javascript:${RUN}` },
  { name: 'mixed-case javascript:', value: ` JaVaScRiPt:${RUN}` },
  { name: 'javascript: with tab', value: `java\tscript:${RUN}` },
  { name: 'javascript: with newline', value: `java\nscript:${RUN}` },
  { name: 'javascript: after control character', value: `\u0001javascript:${RUN}` },
  { name: 'decimal-entity javascript:', value: `&#106;avascript:${RUN}` },
  { name: 'hex-entity javascript:', value: `&#x6A;&#x61;vascript&colon;${RUN}` },
  { name: 'data: URL', value: `data:text/html,<script>${RUN}</script>` },
  { name: 'base64 data: URL', value: `DATA:text/html;base64,${btoa(`<script>${RUN}</script>`)}` },
  { name: 'vbscript: URL', value: `VbScRiPt:${RUN}` },
  // Text that is hostile without any markup.
  { name: '100 kB string', value: 'x'.repeat(100_000) },
  { name: '100 kB of payloads', value: repeatTo(`<img src=x onerror=${RUN}>`, 100_000) },
  { name: 'lone surrogates', value: 'a\uD800b\uDC00c\uDFFF\uD800' },
  { name: 'RTL override', value: 'gpj.\u202Eevil\u202C.exe \u2066\u2067\u2068\u2069\u200F' },
  { name: 'NUL and controls', value: `\u0000<script>${RUN}</script>\u0007\u001b` },
  { name: 'full-width brackets', value: `＜script＞${RUN}＜/script＞` },
];
