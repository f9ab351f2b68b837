// What a rule over one systemd unit file (or drop-in) exports: the same shape as crontab rules.
import type { HostFacts } from './host/facts';
import type { MessageKey, MessageParams } from './i18n/catalog';
import type { Report, RuleMeta } from './rule';
import type { UnitFileDocument } from './systemd/unit-file';
import type { Locale } from './types';

export interface UnitContext {
  document: UnitFileDocument;
  /** Host path, when the text is a file of the host (or of a `--root` tree). */
  path?: string;
  /** `certbot.timer` for `/lib/systemd/system/certbot.timer`; for a drop-in, the unit it belongs to. */
  unitName?: string;
  /** `timer`, `service`, …: from the file name, or the drop-in folder's name. */
  unitType: string;
  /** A `*.d/*.conf` drop-in rather than the unit's own file. */
  isDropIn: boolean;
  facts: HostFacts;
  /** The IANA zone timers are computed in (the host's). */
  timeZone: string;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: Report): void;
}

export interface UnitRule {
  id: string;
  meta: RuleMeta;
  check(context: UnitContext): void;
}
