/**
 * Progress for long CLI runs (hashing 1,000 trainees' passwords takes a while): a redrawn bar
 * when stderr is a terminal, plain lines at every tenth otherwise (CI logs, pipes, files).
 */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  const width = 30;
  let count = 0;
  let lastDraw = 0;
  let lastTenth = 0;

  const draw = () => {
    const share = total === 0 ? 1 : count / total;
    const filled = Math.round(share * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${count}/${total}`);
  };

  return {
    tick(n = 1) {
      count = Math.min(total, count + n);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw >= 50 || count === total) {
          lastDraw = now;
          draw();
        }
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((count / total) * 10);
      if (tenth > lastTenth && total >= 10) {
        lastTenth = tenth;
        stream.write(`${label}: ${count}/${total} (${tenth * 10}%)\n`);
      }
    },
    done() {
      if (tty) {
        count = total;
        draw();
        stream.write('\n');
      } else if (total < 10) {
        stream.write(`${label}: ${total}/${total} (100%)\n`);
      }
    },
  };
}
