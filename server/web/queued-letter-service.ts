import type { LetterService } from '../use-cases/letter-service';
import type { RenderQueue } from './render-queue';

/** The letter service as the web adapter uses it: every PDF render goes through the render queue. */
export function queuedLetterService(service: LetterService, queue: RenderQueue): LetterService {
  return {
    ...service,
    letter: (...args) => queue.run(() => service.letter(...args)),
    render: (...args) => queue.run(() => service.render(...args)),
  };
}
