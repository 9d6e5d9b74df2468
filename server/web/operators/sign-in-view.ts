import type { Request, Response } from 'express';
import { pageText } from '../views/page-locals';
import { fieldId } from '../views/view-engine';

const OPERATOR_AREA = /^\/(?:batches(?:\/[0-9a-f-]{36})?|campaigns(?:\/[0-9a-f-]{36}(?:\/members\/[0-9a-f-]{36})?)?)$/;

/** Where to go after signing in: a page of the operators' area of this site (its path only), never another site. */
export function safeNext(value: unknown): string {
  const path = typeof value === 'string' ? value.split('?')[0]! : '';
  return OPERATOR_AREA.test(path) ? path : '/batches';
}

export type SignInNotice = 'ended' | 'signedOut' | 'required';
export type SignInError = { kind: 'rejected' } | { kind: 'missing' } | { kind: 'throttled'; seconds: number };

/**
 * The sign-in page: on its own (GET /sign-in, and the answer to a failed POST /sign-in) and in place of an operator
 * page for someone not signed in, which it then returns to (`next`). The password is never sent back.
 */
export function renderSignIn(
  req: Request,
  res: Response,
  status: number,
  options: { next?: string; notice?: SignInNotice; error?: SignInError; email?: string } = {},
): void {
  const t = pageText(res);
  const notice = res.locals.sessionEnded ? 'ended' : options.notice;
  let message: string | undefined;
  if (options.error?.kind === 'throttled') message = t('operator.signIn.throttled', { seconds: options.error.seconds });
  else if (options.error) message = t(`operator.signIn.${options.error.kind}`);
  const field = options.error?.kind === 'missing' && options.email ? 'password' : 'email';
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .render('sign-in', {
      title: message ? `${t('errors.pageTitle')}: ${t('operator.signIn.title')}` : t('operator.signIn.title'),
      notice: notice ? t(`operator.signIn.${notice}`) : null,
      next: safeNext(options.next ?? req.originalUrl),
      values: { email: options.email ?? '' },
      fieldErrors: message ? { [field]: message } : {},
      errorSummary: message ? [{ href: `#${fieldId(field)}`, message }] : [],
    });
}
