import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Process facts read from Linux's /proc. Every function answers `undefined` where /proc is
 * unavailable (macOS) or unreadable, and callers then fall back to advice instead of action.
 */

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which is still "alive".
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie has exited; it only waits for a parent that may never reap it.
  return readProcessStat(pid)?.state !== "Z";
}

export interface ProcessStat {
  state: string;
  parentPid: number;
}

export function readProcessStat(pid: number): ProcessStat | undefined {
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name in parentheses may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const [state, parentPid] = fields;
  if (state === undefined || parentPid === undefined) return undefined;
  return { state, parentPid: Number(parentPid) };
}

export function readProcessCommandLine(pid: number): string | undefined {
  const raw = readProcFile(`/proc/${pid}/cmdline`);
  if (raw === undefined) return undefined;
  return raw.split("\0").filter(Boolean).join(" ");
}

export function readProcessWorkingDirectory(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** The process listening on a TCP port, found through the socket's inode. */
export function findListeningProcess(port: number): { pid: number; commandLine: string } | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of (readProcFile(table) ?? "").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      const [, localAddress, , state, , , , , , inode] = columns;
      const LISTEN = "0A";
      if (state !== LISTEN || localAddress === undefined || inode === undefined) continue;
      const hexPort = localAddress.slice(localAddress.lastIndexOf(":") + 1);
      if (Number.parseInt(hexPort, 16) === port) inodes.add(inode);
    }
  }
  if (inodes.size === 0) return undefined;

  for (const entry of safeReaddir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeReaddir(`/proc/${entry}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match?.[1] !== undefined && inodes.has(match[1])) {
        const pid = Number(entry);
        return { pid, commandLine: readProcessCommandLine(pid) ?? "(unknown command)" };
      }
    }
  }
  return undefined;
}

function readProcFile(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
