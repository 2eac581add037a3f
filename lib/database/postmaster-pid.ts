/**
 * PostgreSQL's `postmaster.pid` lock file: line 1 is the PID, line 2 the data directory,
 * line 4 the port (https://www.postgresql.org/docs/current/storage-file-layout.html).
 */
export interface PostmasterLock {
  pid: number;
  dataDirectory: string;
  port: number | undefined;
}

export function parsePostmasterPid(text: string): PostmasterLock | undefined {
  const [pidLine, dataDirectory, , portLine] = text.split("\n");
  const pid = Number(pidLine?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || dataDirectory === undefined) return undefined;
  const port = Number(portLine?.trim());
  return { pid, dataDirectory, port: Number.isInteger(port) && port > 0 ? port : undefined };
}
