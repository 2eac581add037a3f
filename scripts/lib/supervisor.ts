import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { constants } from "node:os";

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Shell convention: a process ended by signal N exits with 128 + N. */
export function exitCodeOf(status: ExitStatus): number {
  if (status.code !== null) return status.code;
  if (status.signal !== null) return 128 + (constants.signals[status.signal] ?? 0);
  return 1;
}

const HANDLED_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs one child at a time and owns the shutdown: a signal goes to the running child first, and
 * the clean-ups (stopping PostgreSQL) run only after it has exited, so Next.js never loses its
 * database while it is still finishing requests.
 */
export class Supervisor {
  private current: ChildProcess | undefined;
  private receivedSignal: NodeJS.Signals | undefined;
  private firstSignalAt = 0;
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(private readonly log: (message: string) => void) {
    for (const signal of HANDLED_SIGNALS) process.on(signal, () => this.handleSignal(signal));
  }

  /** Set once SIGINT/SIGTERM/SIGHUP arrived: the caller should stop starting new work. */
  get stopSignal(): NodeJS.Signals | undefined {
    return this.receivedSignal;
  }

  /** Clean-ups run last-registered first, like a stack of acquired resources. */
  onCleanup(cleanup: () => Promise<void>): void {
    this.cleanups.unshift(cleanup);
  }

  run(command: string, args: string[], options: SpawnOptions): Promise<ExitStatus> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, options);
      this.current = child;
      child.once("error", (error) => {
        this.current = undefined;
        reject(error);
      });
      child.once("exit", (code, signal) => {
        this.current = undefined;
        resolve({ code, signal });
      });
    });
  }

  /** Runs every clean-up even if one fails, then exits; the first failure is reported. */
  async exit(code: number): Promise<never> {
    let exitCode = code;
    for (const cleanup of this.cleanups.splice(0)) {
      try {
        await cleanup();
      } catch (error) {
        this.log(`Clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
        if (exitCode === 0) exitCode = 1;
      }
    }
    process.exit(exitCode);
  }

  private handleSignal(signal: NodeJS.Signals): void {
    if (this.receivedSignal === undefined) {
      this.receivedSignal = signal;
      this.firstSignalAt = Date.now();
      this.log(`Received ${signal}, shutting down (press Ctrl+C again to force)…`);
      this.current?.kill(signal);
      return;
    }
    // One Ctrl+C arrives several times: from the terminal to the whole process group, and
    // relayed by npm. Only a later, deliberate second press means "force".
    if (Date.now() - this.firstSignalAt < 1_000) return;
    this.log("Forcing shutdown.");
    this.current?.kill("SIGKILL");
  }
}
