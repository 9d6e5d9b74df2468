import helmet from 'helmet';

/**
 * helmet with a Content-Security-Policy for server-rendered pages: scripts, styles and images only from this origin,
 * no inline script or style, forms only posted back here. No upgrade-insecure-requests: the app also runs on plain
 * http://localhost, where that directive would send form posts to an https port nobody listens on.
 */
export function securityHeaders() {
  return helmet({
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
  });
}
