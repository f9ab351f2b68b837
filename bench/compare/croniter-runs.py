# The comparator of bench/schedules.ts's whole-process cron line: the next RUNS runs of every cron expression
# of a JSON list (argv[1]) after BASE_MS, computed by croniter (Debian's python3-croniter) in the zone TZ names,
# printed one per line as `schedlint cron` prints its own. Run with Debian's /usr/bin/python3.
import datetime
import json
import os
import sys
from zoneinfo import ZoneInfo

from croniter import croniter

list_file, runs, base_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = datetime.datetime.fromtimestamp(base_ms / 1000, ZoneInfo(os.environ.get('TZ', 'UTC')))
lines = []
with open(list_file, encoding='utf-8') as handle:
    for expression in json.load(handle):
        iterator = croniter(expression, base)
        lines.append(expression)
        for _ in range(runs):
            lines.append(iterator.get_next(datetime.datetime).isoformat())
sys.stdout.write('\n'.join(lines) + '\n')
