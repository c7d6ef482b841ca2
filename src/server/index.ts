/** The HTTP API: fastify over the command registry, with loopback protections and accounts. */

export { buildServer, type ServerOptions } from "./app.ts";
export { CSRF_HEADER, SESSION_COOKIE } from "./auth.ts";
export { openApiDocument } from "./openapi.ts";
