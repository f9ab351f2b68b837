// Every systemd unit rule, in the order their findings are listed for one line.
import type { UnitRule } from '../../unit-rule';
import { inlineCommentRule } from './inline-comment';
import { invalidCalendar } from './invalid-calendar';
import { invalidTimespan } from './invalid-timespan';
import { missingUnit } from './missing-unit';
import { timerWithoutTrigger } from './timer-without-trigger';
import { unknownDirective } from './unknown-directive';

export const unitRules: readonly UnitRule[] = [timerWithoutTrigger, unknownDirective, inlineCommentRule, invalidCalendar, invalidTimespan, missingUnit];
