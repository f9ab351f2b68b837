// Every file format schedlint lints, one line each (formats/format.ts says what a format is). The order is the
// order users see them in: `--kind`'s list, the files of a host scan, the docs; it also breaks ties between
// claims of equal strength. Adding a format is a folder of its own with a `format.ts` and one line here
// (docs/adding-a-format.md).
import { certbotFormat } from '../certbot/format';
import { certificateFormat } from '../certificate/format';
import { crontabFormat } from '../crontab/format';
import { githubActionsFormat } from '../github-actions/format';
import { kubernetesFormat } from '../kubernetes/format';
import { systemdFormat } from '../systemd/format';
import type { FileFormat } from './format';

export const FORMATS: readonly FileFormat[] = [
  crontabFormat,
  systemdFormat,
  certbotFormat,
  certificateFormat,
  githubActionsFormat,
  kubernetesFormat,
];

/** The format of what no other format claims (an editor's document, a host file with host-wide findings). */
export const FALLBACK_FORMAT: FileFormat = crontabFormat;
