// Reading a map's values out of a parsed YAML document (eemeli/yaml) the way the programs that load the file
// see them, while keeping the nodes (and so their places in the file): an alias (`*name`) stands for its anchored
// node, and, where the reader takes them, merge keys (`<<: *base`) give a map the keys it does not set itself.
// Merge keys are go-yaml's reading (yaml.v3 decode.go `isMerge`, `merge`; sigs.k8s.io/yaml decodes Kubernetes
// manifests with it): only a plain `<<`; its value a map, an alias of a map, or a list of them; the map's own keys
// win, then the merged maps in their order; with two `<<` keys in one map the last one counts.
import type * as Yaml from 'yaml';
import { yamlModule } from './lazy-modules';

/** The node an alias stands for (itself when it is no alias; undefined when the anchor is missing). */
export function resolveAlias(node: unknown, document: Yaml.Document): unknown {
  const yaml = yamlModule();
  if (!yaml.isAlias(node)) return node;
  try {
    return node.resolve(document);
  } catch {
    return undefined;
  }
}

export interface MapPairOptions {
  /** Also look in the maps a `<<` merge key brings in (go-yaml does; GitHub's workflow reader is not documented to). */
  mergeKeys?: boolean;
}

/** The pair of `key` in a map node (after its alias), or undefined. The pair's value may itself be an alias. */
export function pairOfKey(map: unknown, key: string, document: Yaml.Document, options: MapPairOptions = {}): Yaml.Pair | undefined {
  return findPair(resolveAlias(map, document), key, document, options, 0, new Set());
}

/** The value node of `key` in a map node, with an alias value resolved; undefined when absent. */
export function valueOfKey(map: unknown, key: string, document: Yaml.Document, options: MapPairOptions = {}): unknown {
  const pair = pairOfKey(map, key, document, options);
  return pair ? resolveAlias(pair.value, document) ?? undefined : undefined;
}

// Merged maps may merge others. Each map is searched once (`seen`): aliases share nodes, so a file whose maps
// each merge the previous one twice would otherwise cost 2^n searches (a billion laughs through `<<`); the depth
// bound keeps the recursion shallow.
const MAX_MERGE_DEPTH = 32;

function findPair(map: unknown, key: string, document: Yaml.Document, options: MapPairOptions, depth: number, seen: Set<unknown>): Yaml.Pair | undefined {
  const yaml = yamlModule();
  if (!yaml.isMap(map) || seen.has(map)) return undefined;
  seen.add(map);
  let merge: Yaml.Pair | undefined;
  for (const pair of map.items) {
    const name = resolveAlias(pair.key, document);
    if (!yaml.isScalar(name)) continue;
    if (name.value === key) return pair;
    if (options.mergeKeys && name === pair.key && name.value === '<<' && name.type === 'PLAIN') merge = pair;
  }
  if (!merge || depth >= MAX_MERGE_DEPTH) return undefined;
  const source = resolveAlias(merge.value, document);
  const sources = yaml.isSeq(source) ? source.items.map((item) => resolveAlias(item, document)) : [source];
  for (const merged of sources) {
    const found = findPair(merged, key, document, options, depth + 1, seen);
    if (found) return found;
  }
  return undefined;
}
