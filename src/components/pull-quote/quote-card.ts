import { resolveLang } from '../../internal/localize.js';
import { isRtlLanguage, quoteMarks } from '../../internal/typography.js';
import { shownText, type CardSource } from '../../internal/card-actions.js';
import { SHOWN_QUOTE, type ShareHost, type SharedQuote } from './share-host.js';

/**
 * A pull quote's image card: the quotation in the marks of its language and the attribution as shown (speaker, job
 * title, source and date); described by the quotation as shared.
 */
export function quoteCard(host: ShareHost, quote: Pick<SharedQuote, 'text'>): CardSource {
  // The text the reader sees now: the original or the translation.
  const { text, lang } = host[SHOWN_QUOTE]();
  const [open, close] = quoteMarks(lang);
  const caption = host.renderRoot.querySelector('[part~="attribution"]');
  return {
    kind: 'quote',
    main: `${open}${text ?? ''}${close}`,
    byline: caption ? shownText(caption) : '',
    alt: quote.text(),
    mainRtl: isRtlLanguage(lang),
    rtl: isRtlLanguage(resolveLang(host)),
    accent: 'var(--pull-quote-accent, var(--_accent))',
    mainFont: 'var(--pull-quote-font-family)',
  };
}
