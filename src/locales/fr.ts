import { collectTerms } from './collect.js';

/**
 * Every element's French terms in one object (`newsroom-elements/locales/fr.js`), the template of a new language:
 * copy it, translate each term, set `$code`, and pass it to `registerTranslation`. French itself is built in.
 */
const fr = collectTerms('fr');
export default fr;
