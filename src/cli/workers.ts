import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParallelRunner } from "../app/index.ts";

interface Reply {
  ready?: boolean;
  id?: number;
  ok?: boolean;
  out?: unknown;
  message?: string;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  waiting: ((reply: Reply) => void) | null;
}

/** A worker-thread pool behind the registry's `ParallelRunner` port; `close()` ends its threads. */
export interface WorkerPool extends ParallelRunner {
  close(): Promise<void>;
}

/**
 * Workers start on first use and stay for later runs (each loads a job module once); jobs are handed
 * out one at a time, so fast threads take more, and results come back in job order.
 */
export function workerPool(threads = availableParallelism()): WorkerPool {
  const bootstrap = new URL("./worker-bootstrap.mjs", import.meta.url);
  const pools = new Map<string, PoolWorker[]>();

  const start = (moduleUrl: string): PoolWorker => {
    const worker = new Worker(bootstrap, { workerData: { moduleUrl } });
    const pw: PoolWorker = {
      worker,
      waiting: null,
      ready: new Promise<void>((resolve, reject) => {
        worker.once("error", reject);
        worker.on("message", (msg: Reply) => {
          if (msg.ready) return resolve();
          const w = pw.waiting;
          pw.waiting = null;
          w?.(msg);
        });
      }),
    };
    worker.on("error", (e) => pw.waiting?.({ ok: false, message: e.message }));
    return pw;
  };

  return {
    workers: threads,
    async run<TJob, TOut>(moduleUrl: string, jobs: readonly TJob[], onJobDone?: (done: number) => void) {
      let pool = pools.get(moduleUrl);
      if (!pool) {
        pool = Array.from({ length: threads }, () => start(moduleUrl));
        pools.set(moduleUrl, pool);
      }
      const results = new Array<TOut>(jobs.length);
      let next = 0;
      await Promise.all(
        pool.slice(0, Math.min(threads, jobs.length)).map(async (pw) => {
          await pw.ready;
          while (next < jobs.length) {
            const k = next++;
            const reply = await new Promise<Reply>((resolve) => {
              pw.waiting = resolve;
              pw.worker.postMessage({ id: k, job: jobs[k] });
            });
            if (!reply.ok) throw new Error(reply.message ?? "worker job failed");
            results[k] = reply.out as TOut;
            onJobDone?.(k);
          }
        }),
      );
      return results;
    },
    async close() {
      const all = [...pools.values()].flat();
      pools.clear();
      await Promise.all(all.map((pw) => pw.worker.terminate()));
    },
  };
}
