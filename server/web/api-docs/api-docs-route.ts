import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import Handlebars from 'handlebars';
import { PUBLIC_DIR, VIEWS_DIR } from '../../config/project-paths';
import { apiDocsModel } from './api-docs-model';

const DOCS_VIEWS = path.join(VIEWS_DIR, 'api-docs');

/**
 * GET /api/docs: the API reference as a plain HTML page, rendered once from the OpenAPI document; no CDN, no script.
 */
export function apiDocsRoute(document: Record<string, unknown>): Router {
  const handlebars = Handlebars.create();
  handlebars.registerPartial('fields', fs.readFileSync(path.join(DOCS_VIEWS, 'fields.hbs'), 'utf8'));
  const page = handlebars.compile(fs.readFileSync(path.join(DOCS_VIEWS, 'page.hbs'), 'utf8'), { strict: false });
  const html = page(apiDocsModel(document));
  const css = fs.readFileSync(path.join(PUBLIC_DIR, 'api-docs.css'), 'utf8');

  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(html);
  });
  router.get('/api-docs.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'public, max-age=3600').send(css);
  });
  return router;
}
