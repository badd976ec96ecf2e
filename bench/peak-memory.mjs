// Loaded with --import into a whole-process run: writes the process's peak resident memory (kB) to
// the file named by BENCH_PEAK_FILE when it exits, so the bench can report it next to the time.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
    if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
