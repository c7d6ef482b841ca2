// Worker entry: registers tsx so the job module (TypeScript) loads, then runs jobs sent by the pool.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const mod = await import(workerData.moduleUrl);
const run = mod.default;
parentPort.on("message", (msg) => {
  try {
    const out = run(msg.job);
    const transfer = [];
    for (const v of Object.values(out ?? {})) if (ArrayBuffer.isView(v)) transfer.push(v.buffer);
    parentPort.postMessage({ id: msg.id, ok: true, out }, transfer);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
