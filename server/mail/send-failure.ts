/** How a failed hand-over is treated: retried later, or final with the server's own words. */
export interface SendFailure {
  permanent: boolean;
  reason: string;
}

interface NodemailerError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

const MAX_REASON = 500;

/**
 * A 5xx answer is permanent (the server said no, e.g. 550 unknown recipient); a 4xx answer ("try later", 421,
 * 451…), a dropped connection, a refused connection or a timeout is temporary.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const failure = (error ?? {}) as NodemailerError;
  const code = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const reason = failure.response ?? [failure.code, failure.message ?? String(error)].filter(Boolean).join(': ');
  return {
    permanent: code !== undefined && code >= 500 && code < 600,
    reason: reason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON),
  };
}

/** Exponential backoff with jitter: the n-th retry waits between half and all of base·2^(n-1), capped. */
export function retryDelay(
  attempts: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
