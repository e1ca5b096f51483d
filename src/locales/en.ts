import { collectTerms } from './collect.js';

/**
 * Every element's English terms in one object (`newsroom-elements/locales/en.js`), the template of a new language:
 * copy it, translate each term, set `$code`, and pass it to `registerTranslation`. English itself is built in.
 */
const en = collectTerms('en');
export default en;
