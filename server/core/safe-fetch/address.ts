/**
 * @module safe-fetch/address
 * Which IP addresses the server may connect to on a user's behalf: public unicast only.
 * Ranges come from `ipaddr.js`; IPv6 forms that carry an IPv4 address (mapped, compatible,
 * SIIT, NAT64, 6to4) are judged by the IPv4 address inside, since that is where packets go.
 */
import ipaddr from 'ipaddr.js'

type IPv4 = ipaddr.IPv4
type IPv6 = ipaddr.IPv6

/** Client-facing names of the refused ranges (no addresses: those stay in the log). */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  amt: 'a reserved address',
  as112: 'a reserved address',
  as112v6: 'a reserved address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  teredo: 'a tunnelled address (Teredo)',
  orchid2: 'a reserved address',
  droneRemoteIdProtocolEntityTags: 'a reserved address',
  deprecatedSiteLocal: 'a private network address (IPv6 site-local)',
  discard: 'a discard-only address',
}

// Global unicast IPv6 is 2000::/3; everything outside it that `range()` calls unicast is
// unallocated space.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3')
// NAT64 for local use (RFC 8215) translates into whatever network the operator chose.
const LOCAL_NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b:1::/48')

/**
 * Why the server must not connect to `address`, or undefined when it may.
 * @param address an IP literal as DNS returns it or as the URL parser normalised it
 */
export function addressProblem(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '')
  if (!ipaddr.isValid(bare)) return 'not an IP address'
  const ip = ipaddr.parse(bare)
  if (ip.kind() === 'ipv4') return ipv4Problem(ip as IPv4)
  return ipv6Problem(ip as IPv6)
}

function ipv4Problem(ip: IPv4): string | undefined {
  const range = ip.range()
  return range === 'unicast' ? undefined : describe(range)
}

function ipv6Problem(ip: IPv6): string | undefined {
  if (ip.zoneId) return 'a scoped (zone) address'
  const range = ip.range()
  // Checked before the embedded forms: ::, ::1 are also "IPv4-compatible" by their bits.
  if (range === 'unspecified' || range === 'loopback') return describe(range)
  if (ip.match(LOCAL_NAT64)) return 'a local-use NAT64 address'
  const inner = embeddedIPv4(ip)
  if (inner) return ipv4Problem(inner)
  if (range !== 'unicast') return describe(range)
  if (!ip.match(GLOBAL_UNICAST_V6)) return 'a reserved address'
  return undefined
}

/** The IPv4 address an IPv6 address stands for, when it is one of the embedding forms. */
function embeddedIPv4(ip: IPv6): IPv4 | undefined {
  const p = ip.parts
  const tail = () => v4From(p[6] ?? 0, p[7] ?? 0)
  const range = ip.range()
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT, RFC 6145), 64:ff9b::a.b.c.d (NAT64).
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return tail()
  // 2002:AABB:CCDD::/48 (6to4) carries a.b.c.d in its second and third groups.
  if (range === '6to4') return v4From(p[1] ?? 0, p[2] ?? 0)
  // ::a.b.c.d (IPv4-compatible, deprecated): the first 96 bits are zero.
  if (p.slice(0, 6).every((x) => x === 0)) return tail()
  return undefined
}

function v4From(high: number, low: number): IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff])
}

function describe(range: string): string {
  return RANGE_NAMES[range] ?? 'a non-public address'
}
