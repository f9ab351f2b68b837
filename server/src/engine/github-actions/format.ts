// GitHub Actions workflows as a format of the registry (formats/format.ts): the files GitHub reads its
// workflows from, `.github/workflows/*.yml` and `*.yaml` directly in that folder ("Workflow syntax for GitHub
// Actions": "Workflow files use YAML syntax, and must have either a .yml or .yaml file extension … stored in the
// .github/workflows directory of your repository"), claimed by path only: any YAML may hold `on:`. Only their
// schedules are linted (lint-workflow.ts); a workflow without `on.schedule` has no findings.
import type { FileFormat } from '../formats/format';
import { githubActionsRules } from '../rules/github-actions';
import { workflowHover } from './hover-workflow';
import { lintWorkflow, type WorkflowLintResult } from './lint-workflow';

const KIND = 'github-actions-workflow';
const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;

export function isWorkflowPath(file: string): boolean {
  return WORKFLOW_PATH.test(file);
}

export const githubActionsFormat: FileFormat<WorkflowLintResult> = {
  id: 'github-actions',
  kinds: [KIND],
  // The language id GitHub's own VS Code extension (github/vscode-github-actions) gives workflow files.
  languageIds: [KIND],
  rules: githubActionsRules,
  messagePrefixes: ['format.github-actions-workflow', 'github-actions-hover.'],
  fixtures: 'github-actions',
  comments: { line: ['#'] },
  inlineDisables: false,
  repositoryFiles: 'claimed',
  claimPath: (file) => (isWorkflowPath(file) ? { kind: KIND, strength: 'name' } : undefined),
  claimContent: () => undefined,
  affectsHost: () => false,
  lint: (input) => lintWorkflow({ text: input.text, locale: input.locale, severities: input.settings?.severities }),
  report: (result, decision) => ({ kind: result.kind, assumed: decision }),
  hover: (result, position, context) => workflowHover(result, position, context),
};
