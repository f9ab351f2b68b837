// Preloaded into a benchmarked `schedlint` process (bench/host-scale.ts): at exit, its own CPU time and
// peak memory on stderr, so the figures are the whole process's, start-up included.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nSCHEDLINT_BENCH_USAGE ${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}\n`);
});
