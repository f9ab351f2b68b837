// Modules that most runs never use, loaded on first use instead of at start-up (issue #20): node:crypto
// (certificates, fingerprints) costs about 7 ms of CPU to load, and the yaml package (.schedlint.yaml,
// compose, Kubernetes and Ansible files) about 2 ms, against some 30 ms for a whole one-file `schedlint` run
// past Node's own start-up.
import type * as Crypto from 'node:crypto';
import type * as Yaml from 'yaml';

let crypto: typeof Crypto | undefined;
let yaml: typeof Yaml | undefined;

export function nodeCrypto(): typeof Crypto {
  return (crypto ??= require('node:crypto') as typeof Crypto);
}

export function yamlModule(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}
