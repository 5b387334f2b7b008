// VPN detection from the network interfaces: tunnel adapter names (tun, utun, ppp, wg, ipsec...)
// and the adapter names VPN clients install (AnyConnect, GlobalProtect, FortiClient...).
import type { z } from 'zod';
import type { NetworkInterfaceSchema } from '../../shared/contract/network';

type VpnInterface = z.infer<typeof NetworkInterfaceSchema>;

/** The fields we read of systeminformation's networkInterfaces() entries. */
export interface InterfaceInfo {
  iface: string;
  ifaceName?: string;
  ip4?: string;
  ip6?: string;
  operstate?: string;
  internal?: boolean;
  virtual?: boolean;
  type?: string;
}

const TUNNEL_NAME = /^(tun|tap|utun|ppp|wg|ipsec|gpd|cscotun|vpn|nordlynx|tailscale|zt|wt)\d*$/i;
const CLIENTS: Array<[RegExp, string]> = [
  [/anyconnect|cisco.*(vpn|secure client)/i, 'Cisco AnyConnect / Secure Client'],
  [/globalprotect|pangp/i, 'Palo Alto GlobalProtect'],
  [/forti/i, 'FortiClient'],
  [/pulse|ivanti|juniper/i, 'Ivanti / Pulse Secure'],
  [/zscaler/i, 'Zscaler'],
  [/wireguard|wintun/i, 'WireGuard'],
  [/openvpn|tap-windows|tap0901/i, 'OpenVPN'],
  [/check ?point/i, 'Check Point'],
  [/sonicwall|netextender/i, 'SonicWall'],
  [/tailscale/i, 'Tailscale'],
  [/cloudflare.*warp|^warp/i, 'Cloudflare WARP'],
  [/nordlynx|nordvpn/i, 'NordVPN'],
  [/\bvpn\b/i, 'VPN adapter'],
];

export const VPN_EXPLANATION =
  'A VPN (or a cloud security client) changes the public IP address Microsoft sees. Conditional Access policies that allow or block "named locations" or countries judge that address, so the same account can be allowed off the VPN and blocked on it (53003), or the reverse. Try signing in with the VPN on and off, and tell IT which one fails.';

export function detectVpn(interfaces: readonly InterfaceInfo[]): VpnInterface[] {
  const found: VpnInterface[] = [];
  for (const i of interfaces) {
    if (i.internal) continue;
    if (i.operstate && !/^(up|unknown)$/i.test(i.operstate)) continue;
    const names = [i.iface, i.ifaceName ?? ''].join(' ');
    const client = CLIENTS.find(([re]) => re.test(names));
    const tunnel = TUNNEL_NAME.test(i.iface) || TUNNEL_NAME.test(i.ifaceName ?? '');
    if (!client && !tunnel) continue;
    const addresses = [i.ip4, i.ip6].filter((a): a is string => !!a);
    // macOS keeps idle utun adapters (iCloud Private Relay, Back to My Mac) without an IPv4 address.
    if (!client && !i.ip4) continue;
    found.push({
      name: i.iface,
      label: client ? client[1] : 'tunnel adapter',
      reason: client ? `adapter name "${i.ifaceName ?? i.iface}" belongs to ${client[1]}` : `tunnel interface ${i.iface} is up`,
      addresses,
    });
  }
  return found;
}

export async function readInterfaces(): Promise<InterfaceInfo[]> {
  const si = await import('systeminformation');
  const list = await si.networkInterfaces();
  return (Array.isArray(list) ? list : [list]) as InterfaceInfo[];
}
