import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * Which peers may tell us the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto):
 * only the reverse proxies listed in GONGKAI_TRUSTED_PROXIES (IPs or CIDRs). A request from any
 * other peer is taken at its word for nothing: its own forwarding headers are replaced by what
 * the socket says, before Next.js, better-auth or the audit log read them.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly isEmpty: boolean;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseProxyEntry(entry);
      if (parsed === null) throw new Error(`not an IP address or CIDR: ${entry}`);
      if (parsed.prefix === undefined) this.list.addAddress(parsed.address, parsed.family);
      else this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
    this.isEmpty = entries.length === 0;
  }

  has(address: string): boolean {
    if (this.isEmpty) return false;
    const plain = stripMapped(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 6 ? "ipv6" : "ipv4");
  }

  /**
   * The client's address: the socket's peer, or, when the peer is a trusted proxy, the first
   * address of X-Forwarded-For counted from the right that is not itself a trusted proxy.
   */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string | null {
    const socketAddress = peer === undefined ? null : stripMapped(peer);
    if (socketAddress === null || !this.has(socketAddress)) return socketAddress;
    const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    for (let i = chain.length - 1; i >= 0; i--) {
      const hop = stripMapped(chain[i] ?? "");
      if (isIP(hop) === 0) return socketAddress;
      if (!this.has(hop)) return hop;
    }
    return socketAddress;
  }

  /** True when the request reached us over TLS, directly or (per a trusted proxy) at the proxy. */
  isTls(req: Pick<IncomingMessage, "headers" | "socket">): boolean {
    if ("encrypted" in req.socket && req.socket.encrypted === true) return true;
    const peer = req.socket.remoteAddress;
    if (peer === undefined || !this.has(peer)) return false;
    const proto = req.headers["x-forwarded-proto"];
    return (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase() === "https";
  }

  /**
   * Rewrites the request's forwarding headers to what is known: X-Forwarded-For becomes the one
   * resolved client address, and the other X-Forwarded-* and X-Real-IP headers are dropped unless
   * a trusted proxy sent them. Next.js fills in X-Forwarded-Proto/Host/Port itself afterwards.
   */
  normalise(req: Pick<IncomingMessage, "headers" | "socket">): string | null {
    const address = this.clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
    const fromProxy = req.socket.remoteAddress !== undefined && this.has(req.socket.remoteAddress);
    if (!fromProxy) {
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-port"];
    }
    delete req.headers["x-real-ip"];
    delete req.headers["forwarded"];
    if (address === null) delete req.headers["x-forwarded-for"];
    else req.headers["x-forwarded-for"] = address;
    return address;
  }
}

function stripMapped(address: string): string {
  return address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** "10.0.0.1", "192.168.0.0/16", "fd00::/8" → its parts; null when it is neither an IP nor a CIDR. */
export function parseProxyEntry(entry: string): { address: string; family: "ipv4" | "ipv6"; prefix: number | undefined } | null {
  const [address = "", prefixText, extra] = entry.trim().split("/");
  if (extra !== undefined) return null;
  const family = isIP(address);
  if (family === 0) return null;
  if (prefixText === undefined) return { address, family: family === 6 ? "ipv6" : "ipv4", prefix: undefined };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (family === 6 ? 128 : 32)) return null;
  return { address, family: family === 6 ? "ipv6" : "ipv4", prefix };
}

/** GONGKAI_TRUSTED_PROXIES split into its entries (comma-separated, blanks ignored). */
export function splitProxyList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
