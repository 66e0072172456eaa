/** Where a background worker reports (the app's logger). */
export interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * The loop of a background worker (the email outbox, the OAuth client
 * deletions): `round` runs at `start`, then every `intervalMs`, and on `kick`
 * (after a commit that gave it work). One round at a time: a kick during a
 * round asks for another right after it. A round that throws is logged as a
 * warning (`failure`); the next poll tries again. Retries of what failed inside
 * a round (their back-off) are the round's business.
 */
export function poller(opts: { intervalMs: number; failure: string; round: () => Promise<void> }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;
  let again = false;
  let log: Logger | undefined;

  function run(): void {
    if (!started) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await opts.round();
        } while (again && started);
      } catch (err) {
        log?.warn({ err }, opts.failure);
      } finally {
        running = undefined;
      }
    })();
  }

  return {
    /** Between `start` and `stop`: a round checks it between items to stop early. */
    get active(): boolean {
      return started;
    },

    /** The logger given to `start`. */
    get log(): Logger | undefined {
      return log;
    },

    /** Runs a round now rather than at the next poll (or right after the one in flight). */
    kick(): void {
      run();
    },

    /** Resolves when the round in flight (if any) is over. */
    async settled(): Promise<void> {
      while (running) await running;
    },

    /** Starts polling: a round at once, then every `intervalMs`. */
    start(logger: Logger): void {
      if (started) return;
      started = true;
      log = logger;
      timer = setInterval(run, opts.intervalMs);
      timer.unref();
      run();
    },

    /** Stops polling and waits for the round in flight. */
    async stop(): Promise<void> {
      started = false;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Poller = ReturnType<typeof poller>;
