// Loaded (--import) into the process that runs the learner's code: TCP connections may go only to the
// emulators' loopback ports, named in AZLAB_ALLOWED_PORTS; UDP is off. The patched methods are made
// read-only and non-configurable so code under test cannot put the originals back, and process.binding()
// is already denied by Node's permission model. Plain JavaScript: it loads before any TypeScript loader.
import dgram from "node:dgram";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

const allowedPorts = new Set(
  (process.env.AZLAB_ALLOWED_PORTS ?? "")
    .split(",")
    .filter(Boolean)
    .map(Number),
);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function denied(target) {
  const allowed = [...allowedPorts].sort((a, b) => a - b).join(", ") || "none";
  const error = new Error(
    `azlab sandbox: a connection to ${target} was blocked. Graded code may reach only the local emulators (loopback ports ${allowed}).`,
  );
  error.code = "ERR_ACCESS_DENIED";
  return error;
}

/** The target of Socket#connect's overloads: (options[, cb]), (port[, host][, cb]), (path[, cb]). */
function targetOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") return { port: first.port, host: first.host ?? "localhost", path: first.path };
  if (typeof first === "string" && !/^\d+$/.test(first)) return { path: first };
  return { port: first, host: typeof args[1] === "string" ? args[1] : "localhost" };
}

const connect = net.Socket.prototype.connect;
function guardedConnect(...args) {
  const target = targetOf(args);
  const host = String(target.host ?? "").replace(/^\[|\]$/g, "").toLowerCase();
  if (target.path != null || !LOOPBACK.has(host) || !allowedPorts.has(Number(target.port))) {
    const error = denied(target.path ?? `${target.host}:${target.port}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
}

Object.defineProperty(net.Socket.prototype, "connect", { value: guardedConnect, writable: false, configurable: false });
for (const name of ["createSocket", "Socket"]) {
  Object.defineProperty(dgram, name, {
    value: () => {
      throw denied("a UDP socket");
    },
    writable: false,
    configurable: false,
  });
}
syncBuiltinESMExports();
