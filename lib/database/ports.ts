import { createServer } from "node:net";
import { findListeningProcess } from "./processes";

/**
 * Binding is the only reliable test: a listener on 0.0.0.0 or [::] also blocks 127.0.0.1,
 * which a connection attempt to 127.0.0.1 would not reveal for every kind of socket.
 * Without `host` the probe binds every interface, like Next.js does.
 */
export function isPortAvailable(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port the kernel considers free right now (another process may still take it first). */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close(() => reject(new Error("Could not determine a free port")));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/** Says what holds the port and the two ways out, so nobody has to guess. */
export function portInUseMessage(port: number, variable: string, command: string): string {
  const owner = findListeningProcess(port);
  const who = owner === undefined ? "another program" : `PID ${owner.pid} (${owner.commandLine})`;
  const stopIt =
    owner === undefined
      ? `Find it with \`ss -ltnp 'sport = :${port}'\` and stop it`
      : `Stop it (\`kill ${owner.pid}\`) if it is yours`;
  return (
    `Port ${port} is already in use by ${who}.\n` +
    `${stopIt}, or use another port: \`${variable}=${port + 1} ${command}\`.`
  );
}
