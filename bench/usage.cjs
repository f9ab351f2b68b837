// Preloaded into a benchmarked `schedlint` process (bench/lint.ts, bench/host-scale.ts): at exit, its own CPU
// time and peak memory on stderr, so the figures are the whole process's, start-up included. `helperCpuMs` is
// the part spent on threads other than the main one (V8's optimizing compiler and garbage collector helpers,
// libuv's pool), from /proc/self/task (clock ticks, so 10 ms steps per thread); absent where /proc is not Linux's.
const fs = require('node:fs');

function helperThreadsCpuMs() {
  try {
    const ticksToMs = 10; // USER_HZ is 100 on Linux
    let ms = 0;
    for (const tid of fs.readdirSync('/proc/self/task')) {
      if (Number(tid) === process.pid) continue;
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after "(comm)": state is the first; utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * ticksToMs;
    }
    return ms;
  } catch {
    return undefined;
  }
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  const helperCpuMs = helperThreadsCpuMs();
  process.stderr.write(`\nSCHEDLINT_BENCH_USAGE ${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS, helperCpuMs })}\n`);
});
