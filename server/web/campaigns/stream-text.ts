import { once } from 'node:events';
import type { Response } from 'express';

/** Writes the chunks to the response as they come, waiting when the client reads slowly; no caching. */
export async function streamText(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  res.status(200).set('Cache-Control', 'no-store');
  for await (const chunk of chunks) if (!res.write(chunk)) await once(res, 'drain');
  res.end();
}
