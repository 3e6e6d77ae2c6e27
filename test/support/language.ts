// Tests speak English unless they say otherwise (inLanguage('nl', …), LANGUAGE=nl, or an
// Accept-Language header): most assertions were written against the English texts.
import { setDefaultLanguage } from '../../src/i18n/language';

setDefaultLanguage('en');
