import { BATCH_STRINGS } from './batch-strings';
import { mergeCatalogs } from './catalog';
import { FORM_STRINGS } from './form-strings';
import { LAYOUT_STRINGS } from './layout-strings';
import { MAIL_STRINGS } from './mail-strings';
import { RESULT_STRINGS } from './result-strings';

/** Every UI string of the HTML pages; a page adds its own catalog file here. */
export const UI_STRINGS = mergeCatalogs(LAYOUT_STRINGS, FORM_STRINGS, RESULT_STRINGS, BATCH_STRINGS, MAIL_STRINGS);
