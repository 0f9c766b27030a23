import { isIPv6 } from 'node:net';
import { Address6 } from 'ip-address';

/**
 * The address lock-out counts by: an IPv4 address as it is, an IPv6 address by its /64
 * network (one subscriber is usually given a whole /64, so counting single IPv6
 * addresses would let one machine step past the limit), an IPv4-mapped IPv6 address as
 * the IPv4 address.
 */
export function clientAddressKey(ip: string): string {
  if (!isIPv6(ip)) return ip.toLowerCase();
  const address = new Address6(ip);
  if (address.is4()) return address.to4().correctForm();
  return `${new Address6(`${address.correctForm()}/64`).startAddress().correctForm()}/64`;
}
