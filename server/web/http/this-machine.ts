import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** The names a browser on this machine uses for it; any other name may be a DNS-rebound one. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Headers a proxy adds: their presence means the request came from elsewhere, whatever the socket says. */
const FORWARDING_HEADERS = new Set(['forwarded', 'via', 'x-real-ip', 'x-client-ip', 'true-client-ip']);

function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^::ffff:/i, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  return bare === '::1';
}

/** `localhost:3000` → `localhost`; `[::1]:3000` → `[::1]`. */
function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '');
}

/**
 * A request from a browser on this machine, and only that: the socket is loopback (never req.ip, which TRUST_PROXY
 * may take from a header), the Host is a loopback name (defeats DNS rebinding, where a page of another site reaches
 * 127.0.0.1 under its own name), and no proxy header says it was forwarded (a proxy on this host connects from
 * loopback too).
 */
export function isFromThisMachine(req: IncomingMessage): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress ?? '')) return false;
  if (!LOOPBACK_NAMES.has(hostName(req.headers.host ?? ''))) return false;
  return !Object.keys(req.headers).some((name) => name.startsWith('x-forwarded-') || FORWARDING_HEADERS.has(name));
}
