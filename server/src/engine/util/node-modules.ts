// Node's own modules that most runs never use, loaded on first use instead of at start-up: node:crypto
// (certificates, fingerprints) costs about 7 ms of CPU to load, a tenth of a short `schedlint` run (issue #20).
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  return (crypto ??= require('node:crypto') as typeof Crypto);
}
