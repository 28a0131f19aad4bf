/**
 * Runs `work` every `intervalMs`, one round at a time (a round that is due while one runs waits for
 * it), and hands a failed round to `onError` without stopping. `run()` asks for a round now.
 */
export function repeatEvery(
  intervalMs: number,
  work: () => Promise<void>,
  onError: (error: unknown) => void,
) {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(work).catch(onError);
    return running;
  };
  const timer = setInterval(() => {
    void run();
  }, intervalMs);
  return {
    run,
    /** Stops the timer and waits for the round in progress. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
