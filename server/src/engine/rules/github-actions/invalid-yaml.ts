// A workflow file that is not valid YAML: GitHub shows "Invalid workflow file" and runs none of its events,
// schedules included, and nothing else here can be checked. The classic case is a cron written without quotes:
// a plain scalar starting with `*` is a YAML alias (YAML 1.2, 7.1 "Alias Nodes"), so `- cron: */15 * * * *`
// does not parse (GitHub's docs quote every cron string: "You must quote this string"). The parser is eemeli/yaml
// (the one the repository scan reads every YAML file with); its first error is reported where it points.
import type { WorkflowRule } from '../../github-actions/rule';

/** A `cron:` value written without quotes that starts with `*`: the line of the first error, as written. */
const UNQUOTED_STAR_CRON = /^\s*(?:-\s+)?cron\s*:\s*\*/;

export const invalidYaml: WorkflowRule = {
  id: 'github-actions/invalid-yaml',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
  check(context) {
    const error = context.workflow.yamlError;
    // Several documents in one file: what GitHub makes of them is not documented, so no word on it.
    if (context.workflow.parsed || !error || error.code === 'MULTIPLE_DOCS') return;
    const lines = context.text.split('\n');
    // The unquoted star of a cron, wherever the parser noticed it (at the second `*`, or at the line's end).
    const starLine = lines.findIndex((line) => UNQUOTED_STAR_CRON.test(line));
    if (starLine >= 0) {
      const line = lines[starLine];
      const start = line.indexOf('*', line.indexOf(':'));
      const end = line.replace(/\s+(#.*)?$/, '').length;
      const value = line.slice(start, end);
      context.report({
        messageId: 'unquoted-cron',
        params: { value },
        range: { start: { line: starLine, character: start }, end: { line: starLine, character: end } },
        fixes: [{ title: context.t('github-actions/invalid-yaml.quote'), edits: [{ range: { start: { line: starLine, character: start }, end: { line: starLine, character: end } }, newText: `'${value}'` }], isPreferred: true, safe: true }],
      });
      return;
    }
    context.report({ messageId: 'message', params: { detail: error.message }, range: context.rangeAt(error.start, error.end) });
  },
};
