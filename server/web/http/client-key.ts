import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import type { Requester } from '../../mail/send-budget';

/**
 * The network a client sends from, as the send budgets count it: an IPv4 address as is, an IPv6 address by its /64
 * (what one subscriber is usually given, so hopping addresses inside it does not buy a new budget).
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The requester of a web request (the address Express sees, which TRUST_PROXY decides): never stored as is. */
export function clientRequester(req: Request): Requester {
  return { kind: 'client', id: clientNetwork(req.ip ?? req.socket.remoteAddress ?? '') };
}
