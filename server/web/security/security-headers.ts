import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** One year, for this host only: a sibling subdomain served over plain http is none of this app's business. */
const HSTS = 'max-age=31536000';
/** Features no page of the app uses, switched off for it and anything it might embed. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/**
 * helmet with a Content-Security-Policy for server-rendered pages: scripts, styles and images only from this origin,
 * no inline script or style, forms only posted back here. No upgrade-insecure-requests: the app also runs on plain
 * http://localhost, where that directive would send form posts to an https port nobody listens on. HSTS only over
 * HTTPS: the request is secure (directly, or X-Forwarded-Proto from a proxy TRUST_PROXY trusts), or COOKIE_SECURE
 * says the app is served over HTTPS.
 */
export function securityHeaders(options: { secureCookies: boolean }): RequestHandler[] {
  const https: RequestHandler = (req, res, next) => {
    if (req.secure || options.secureCookies) res.set('Strict-Transport-Security', HSTS);
    res.set('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
  return [
    helmet({
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
    }),
    https,
  ];
}
