// The CronJobs of a Kubernetes manifest (one or more YAML documents), with the source range of each field the
// rules read, so a finding points at the schedule string's own characters. Parsed with eemeli/yaml (loaded on
// first use: util/lazy-modules.ts), which keeps every node's offsets.
//
// Only `kind: CronJob` of the API group `batch` (`batch/v1`, `batch/v1beta1`, the old `batch/v2alpha1`): a
// custom resource also called CronJob (kubebuilder's tutorial, `batch.tutorial.kubebuilder.io/v1`) is another
// program's. A document the YAML parser finds errors in is left alone (a Helm template before rendering, whose
// `{{ … }}` lines are no YAML), and so is a value that is still a placeholder (`{{ .Values.schedule }}`,
// `${SCHEDULE}`): the API server never sees that text.
//
// Aliases and merge keys are read as the API server's YAML decoder reads them (sigs.k8s.io/yaml on go-yaml; the
// rules in util/yaml-nodes.ts): `schedule: *nightly` is the anchored string and `spec: {<<: *defaults}` takes
// the fields `spec` does not set itself. A finding on an alias points at the alias, where the user wrote it.
import type { Document, LineCounter, Pair, Scalar } from 'yaml';
import type * as Yaml from 'yaml';
import type { Position, Range } from '../types';
import { yamlModule } from '../util/lazy-modules';
import { pairOfKey, resolveAlias } from '../util/yaml-nodes';

/** A scalar field of the spec: its value and where it is. */
export interface ManifestValue {
  /** The value as the YAML parser gives it (a string, a number, null, …). */
  value: unknown;
  /** The whole node, quotes included. */
  range: Range;
  /** The range of characters `start`..`end` of a string value, or the whole node when they cannot be mapped (escapes, folded lines). */
  at(start: number, end: number): Range;
}

export interface CronJobManifest {
  /** `metadata.name`, when it is a string. */
  name?: string;
  apiVersion: string;
  /** The `kind: CronJob` line's value: where findings about a missing field go. */
  kindRange: Range;
  /** The `spec` key, when there is one. */
  specRange?: Range;
  schedule?: ManifestValue;
  timeZone?: ManifestValue;
  startingDeadlineSeconds?: ManifestValue;
}

/** The API groups whose `CronJob` is Kubernetes' own (batch/v1 since 1.21, v1beta1 until 1.25, v2alpha1 before). */
const BATCH_VERSIONS = new Set(['batch/v1', 'batch/v1beta1', 'batch/v2alpha1']);

/** Text that is still a template: Helm/Go templates, shell and envsubst variables, ERB. */
const PLACEHOLDER = /\{\{|\$\{|\$\(|<%/;

/** A line `kind: CronJob` at the start of a line: the claim's test, before any parsing. */
export const CRONJOB_KIND_LINE = /^kind:[ \t]*(["']?)CronJob\1[ \t]*(?:#.*)?\r?$/m;

const isMap = ((node: unknown) => yamlModule().isMap(node)) as typeof Yaml.isMap;
const isScalar = ((node: unknown) => yamlModule().isScalar(node)) as typeof Yaml.isScalar;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Every CronJob of the text, in the order of its documents. Never throws on bad YAML: those documents give none. */
export function readCronJobs(text: string): CronJobManifest[] {
  if (!CRONJOB_KIND_LINE.test(text)) return [];
  const counter = new (yamlModule().LineCounter)();
  let documents: Document.Parsed[];
  try {
    const parsed = yamlModule().parseAllDocuments(text, { lineCounter: counter, strict: false, uniqueKeys: false });
    if (!Array.isArray(parsed)) return [];
    documents = parsed;
  } catch {
    return [];
  }
  const at = positionOf(counter);
  const jobs: CronJobManifest[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) continue;
    const root = document.contents;
    if (!isMap(root)) continue;
    const pairOf = (map: unknown, key: string) => pairOfKey(map, key, document, { mergeKeys: true });
    const valueIn = (map: unknown, key: string) => resolveAlias(pairOf(map, key)?.value, document);
    const kind = pairOf(root, 'kind');
    const apiVersion = scalarText(valueIn(root, 'apiVersion'));
    if (!kind || scalarText(resolveAlias(kind.value, document)) !== 'CronJob' || apiVersion === undefined || !BATCH_VERSIONS.has(apiVersion)) continue;
    const metadata = valueIn(root, 'metadata');
    const spec = pairOf(root, 'spec');
    const job: CronJobManifest = { apiVersion, kindRange: rangeOf(kind.value, at), name: isMap(metadata) ? scalarText(valueIn(metadata, 'name')) : undefined };
    if (spec) {
      job.specRange = rangeOf(spec.key, at);
      const specMap = resolveAlias(spec.value, document);
      if (isMap(specMap)) {
        for (const [key, field] of [['schedule', 'schedule'], ['timeZone', 'timeZone'], ['startingDeadlineSeconds', 'startingDeadlineSeconds']] as const) {
          const pair = pairOf(specMap, key);
          if (pair) job[field] = valueOf(pair, text, at, document);
        }
      }
    }
    jobs.push(job);
  }
  return jobs;
}

function positionOf(counter: LineCounter): (offset: number) => Position {
  return (offset) => {
    const { line, col } = counter.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function rangeOf(node: unknown, at: (offset: number) => Position): Range {
  const range = (node as { range?: [number, number, number] | null } | null)?.range ?? [0, 0, 0];
  return { start: at(range[0]), end: at(range[1]) };
}

function valueOf(pair: Pair, text: string, at: (offset: number) => Position, document: Document): ManifestValue {
  const written = pair.value;
  // `schedule:` with nothing after it is a null value at the key; an alias is reported where it is written.
  const whole = written ? rangeOf(written, at) : rangeOf(pair.key, at);
  const node = resolveAlias(written, document) ?? null;
  const aliased = node !== written;
  const span = (node as { range?: [number, number, number] } | null)?.range;
  const source = span ? text.slice(span[0], span[1]) : '';
  // A Helm value (`{{ .Values.schedule | quote }}`) may parse as a YAML flow mapping: it is the template's text.
  const value = isPlaceholder(source) ? source : isScalar(node) ? node.value : node === null ? null : node;
  let first: number | undefined;
  // An alias's characters are the anchor's, elsewhere in the file: findings take the alias as a whole.
  if (!aliased && isScalar(node) && typeof node.value === 'string' && node.range) {
    const scalar = node as Scalar<string>;
    const [start, end] = node.range;
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const inner = quoted ? text.slice(start + 1, end - 1) : text.slice(start, end);
    // Only where the source holds the value character for character (no escapes, no folded lines).
    if ((quoted || scalar.type === 'PLAIN') && inner === scalar.value) first = quoted ? start + 1 : start;
  }
  return {
    value,
    range: whole,
    at: (start, end) => (first === undefined ? whole : { start: at(first + start), end: at(first + end) }),
  };
}
