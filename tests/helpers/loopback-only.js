// Preloaded (node -r) into the Agents Playground: its web server calls
// listen(port) with no host, which binds every interface, and its telemetry
// library may reach out. This keeps it on loopback: a listen without a host,
// or on a wildcard, binds 127.0.0.1; a connection to any other address is
// refused and recorded (one JSON line in LOOPBACK_GUARD_LOG), so a test can
// show that nothing tried to leave the machine.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const logFile = process.env.LOOPBACK_GUARD_LOG;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

function record(what, target) {
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify({ what, target, at: new Date().toISOString() })}\n`);
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && (!first.host || first.host === '0.0.0.0' || first.host === '::'))
      args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = args[1];
    if (typeof host !== 'string' || host === '0.0.0.0' || host === '::') {
      const rest = typeof host === 'string' ? args.slice(2) : args.slice(1);
      args = [first, '127.0.0.1', ...rest];
    }
  }
  return listen.apply(this, args);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() and http's agent pass their arguments already normalised: [[options, callback]].
  const given = Array.isArray(args[0]) ? args[0] : args;
  const options = given[0] !== null && typeof given[0] === 'object' ? given[0] : undefined;
  const host = options ? (options.host ?? 'localhost') : typeof given[1] === 'string' ? given[1] : 'localhost';
  const path = options ? options.path : typeof given[0] === 'string' && !/^\d+$/.test(given[0]) ? given[0] : undefined;
  // A socket path (truthy, as net reads it) is a local pipe, not the network.
  if (!path && !LOOPBACK.test(String(host))) {
    record('connect', `${host}:${options ? options.port : given[0]}`);
    const error = Object.assign(new Error(`loopback-only: refused a connection to ${host}`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

// Name lookups for anything but localhost are recorded too (a lookup alone can leak a name to a resolver).
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (!LOOPBACK.test(String(hostname))) {
    record('lookup', String(hostname));
    const callback = rest[rest.length - 1];
    const error = Object.assign(new Error(`loopback-only: refused to look up ${hostname}`), { code: 'ENOTFOUND', hostname });
    if (typeof callback === 'function') process.nextTick(() => callback(error));
    return undefined;
  }
  return lookup.call(this, hostname, ...rest);
};
