/** A one-line progress bar on a terminal; periodic plain lines when output is a file or pipe. */
export function progressBar(out: NodeJS.WriteStream, label: string) {
  const tty = Boolean(out.isTTY);
  let lastDraw = 0;
  let lastStep = -1;
  let drawn = false;
  return {
    update(fraction: number, detail: string) {
      const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
      const now = Date.now();
      if (tty) {
        if (now - lastDraw < 100 && f < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(f * width);
        out.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${detail}\x1b[K`);
        drawn = true;
      } else {
        const step = Math.floor(f * 10);
        if (step === lastStep) return;
        lastStep = step;
        out.write(`${label} ${(f * 100).toFixed(0)}% ${detail}\n`);
      }
    },
    finish() {
      if (tty && drawn) out.write('\n');
    },
  };
}
