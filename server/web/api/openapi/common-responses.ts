import { errorResponseSchema } from '../../../core/claim/field-error-schema';
import type { ApiResponse } from './api-operation';

const errors = (description: string): ApiResponse => ({ description, json: errorResponseSchema });

/** The error answers shared by the write routes, all `{errors: [{path, message}]}`. */
export const ERROR_RESPONSES = {
  400: errors('Malformed JSON.'),
  413: errors('Body too large.'),
  415: errors('Not sent as application/json.'),
  422: errors('Invalid input: one error per field, with its path, in the request language.'),
  429: errors('Too many requests from this client: try again in a minute.'),
} satisfies Record<number, ApiResponse>;

export const LANGUAGE_PARAMETER_DESCRIPTION =
  'Language of messages: it (default) or en; also Accept-Language or letter.language in the body.';
