/**
 * A request body sent a byte at a time cannot hold a connection open: the server ends any request
 * not received whole within its request timeout (here 400 ms; 60 s by default), with 408.
 */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { openTestStore, storeTargets } from "../store/test-stores.ts";
import { buildServer } from "./app.ts";
import { testClock } from "./test-helpers.ts";

describe("request timeouts", () => {
  it("ends a request whose body trickles in one byte at a time", async () => {
    const store = await openTestStore(storeTargets()[0]!);
    const app = await buildServer({ store, mode: "local", now: testClock, requestTimeoutMs: 400 });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const port = (app.server.address() as { port: number }).port;
    try {
      const ended = await new Promise<{ ms: number; reply: string; bytesSent: number }>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        const t0 = performance.now();
        let reply = "";
        let sent = 0;
        socket.on("data", (b) => {
          reply += b.toString();
        });
        socket.write(
          "POST /api/log/get HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
        );
        const drip = setInterval(() => {
          if (socket.writable) {
            socket.write(" ");
            sent++;
          }
        }, 100);
        const stop = () => {
          clearInterval(drip);
          resolve({ ms: performance.now() - t0, reply, bytesSent: sent });
        };
        socket.on("close", stop);
        socket.on("error", () => {});
        setTimeout(() => socket.destroy(), 20_000); // the test's own bound: far above the 400 ms timeout
      });
      // Ended by the server, with a 408, long before the trickle would have finished (1,000 bytes).
      expect(ended.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(ended.bytesSent).toBeLessThan(100);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("sets a request timeout, a header timeout and a connection limit by default", async () => {
    const store = await openTestStore(storeTargets()[0]!);
    const app = await buildServer({ store, mode: "local", now: testClock });
    try {
      expect(app.server.requestTimeout).toBe(60_000);
      expect(app.server.headersTimeout).toBe(20_000);
      expect(app.server.maxConnections).toBe(1000);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
