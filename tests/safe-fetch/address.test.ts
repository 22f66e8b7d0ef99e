import { describe, expect, test } from 'bun:test'
import { addressProblem } from '../../server/core/safe-fetch'

describe('addressProblem: only public unicast addresses may be dialled', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique local'],
    ['fc00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'Teredo'],
    ['100::1', 'discard'],
  ])('%s is refused as %s', (address, kind) => {
    expect(addressProblem(address)).toContain(kind)
  })

  test.each([
    ['::ffff:127.0.0.1', 'IPv4-mapped', 'loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped, hex form', 'loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata server', 'link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped', 'private'],
    ['::ffff:0:127.0.0.1', 'SIIT (RFC 6145)', 'loopback'],
    ['::127.0.0.1', 'IPv4-compatible', 'loopback'],
    ['::10.0.0.1', 'IPv4-compatible', 'private'],
    ['64:ff9b::127.0.0.1', 'NAT64', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 metadata server', 'link-local'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64', 'NAT64'],
    ['2002:7f00:1::', '6to4', 'loopback'],
    ['2002:a00:1::1', '6to4 of 10.0.0.1', 'private'],
  ])('%s (%s) is judged by the IPv4 address inside: %s', (address, _form, kind) => {
    expect(addressProblem(address)).toContain(kind)
  })

  test.each([
    '8.8.8.8',
    '93.184.216.34',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is allowed', (address) => {
    expect(addressProblem(address)).toBeUndefined()
  })

  test('names the range without echoing the address', () => {
    const reason = addressProblem('::ffff:169.254.169.254') ?? ''
    expect(reason).toContain('link-local')
    expect(reason).not.toContain('169.254')
  })

  test('anything that is not an address is refused', () => {
    expect(addressProblem('example.com')).toBe('not an IP address')
    expect(addressProblem('')).toBe('not an IP address')
  })
})
