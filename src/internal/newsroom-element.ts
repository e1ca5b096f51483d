import { isServer, LitElement, type CSSResultGroup, type CSSResultOrNative } from 'lit';
import { LocalizeController } from './localize.js';
import type { FilledSlotsController } from './slots.js';
import type { BuiltinTerms, Term, Terms } from './terms.js';
import { tokens } from './tokens.styles.js';
import { generatedText } from './generated.styles.js';

/**
 * The base of every newsroom element: a LitElement that knows its language (the nearest `lang`) and its terms, and
 * whose styles start with the shared tokens. Subclasses list their built-in English, French and Ukrainian terms in
 * `static terms`, and name the English ones' type as `E`, so that asking for a term the element lacks is a type error.
 *
 * Elements declare their reactive properties in `static properties`, not with decorators: the decorators' helper and
 * calls would cost a small element a tenth of its size budget.
 *
 * @internal Public only as the base of the public element classes.
 */
export class NewsroomElement<E extends Terms = Record<never, Term>> extends LitElement {
  /** Built-in terms of the element, by language. */
  static terms: BuiltinTerms = { en: {} };

  /** The element's own styles, after the shared tokens (custom properties every element reads) and the rule that keeps
   * the page's styles off the words it generates into its light DOM. */
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    return super.finalizeStyles([tokens, generatedText, styles ?? []]);
  }

  /** The slots the page fills, and the words the element generates into its light DOM, for elements that have them. */
  protected readonly slots?: FilledSlotsController;

  /**
   * The words the element generates into its light DOM from its attributes, for a server renderer: Lit's
   * `renderLight()` directive (re-exported by `newsroom-elements/ssr`) calls it where a page's template holds it.
   *
   * @internal
   */
  renderLight(): unknown {
    return this.slots?.renderLight();
  }

  protected readonly localize = new LocalizeController<E>(this, (this.constructor as typeof NewsroomElement).terms as BuiltinTerms<E>);

  /**
   * The server rendered this element (its declarative shadow root was already attached). The server saw no light
   * DOM, so the first render must not read it either: hydration needs the server's templates. Read it afterwards.
   */
  protected readonly serverRendered = this.shadowRoot !== null;

  /**
   * Whether the element may read its light DOM now: never on the server (it has none), nor before a server-rendered
   * element's first update is done (hydration needs the server's templates). Read by its controllers too.
   *
   * @internal
   */
  get lightDomReadable(): boolean {
    return !isServer && (this.hasUpdated || !this.serverRendered);
  }
}
