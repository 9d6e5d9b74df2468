import path from 'node:path';
import express, { type Express } from 'express';
import { PUBLIC_DIR, VIEWS_DIR } from '../../config/project-paths';
import type { Catalog } from '../i18n/catalog';
import { createViewEngine } from './view-engine';

/** Registers the Handlebars views (views/pages/*.hbs inside views/layouts/main.hbs) and serves public/ at /static. */
export function useViews(app: Express, options: { strings: Catalog; rulesetVersion: string }): void {
  app.engine('hbs', createViewEngine({ viewsDir: VIEWS_DIR, strings: options.strings }));
  app.set('view engine', 'hbs');
  app.set('views', path.join(VIEWS_DIR, 'pages'));
  app.locals.rulesetVersion = options.rulesetVersion;
  app.use('/static', express.static(PUBLIC_DIR, { index: false, maxAge: '1h', fallthrough: true }));
}
