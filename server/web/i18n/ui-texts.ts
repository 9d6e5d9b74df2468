import { BATCH_STRINGS } from './batch-page-texts';
import { CAMPAIGN_STRINGS } from './campaign-page-texts';
import { mergeCatalogs } from './catalog';
import { FOLLOWUP_STRINGS } from './followup-page-texts';
import { FORM_STRINGS } from './form-texts';
import { LAYOUT_STRINGS } from './layout-texts';
import { MAIL_STRINGS } from './mail-page-texts';
import { OPERATOR_STRINGS } from './operator-page-texts';
import { RESULT_STRINGS } from './result-texts';

/** Every UI string of the HTML pages; a page adds its own catalog file here. */
export const UI_STRINGS = mergeCatalogs(
  LAYOUT_STRINGS,
  FORM_STRINGS,
  RESULT_STRINGS,
  BATCH_STRINGS,
  MAIL_STRINGS,
  OPERATOR_STRINGS,
  FOLLOWUP_STRINGS,
  CAMPAIGN_STRINGS,
);
