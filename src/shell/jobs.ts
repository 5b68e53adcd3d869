// bash job control, the basics a transcript needs: `cmd &` (prints "[1] PID"), `jobs`, `kill %1`,
// `fg`, `wait`, and the job status notices bash prints before the next prompt ("[1]+  Done …",
// "[1]+  Terminated …"). Models bash's jobs.c (pretty_print_job: "[%d]%c  " and a 24-column status).

/** Why a job stopped when it was signalled. */
export type JobSignal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGHUP';

/** One background job. */
export interface Job {
  id: number;
  pid: number;
  /** The command as bash shows it (without the "&"). */
  text: string;
  ac: AbortController;
  /** Running, or how it ended: "Done", "Exit 3", "Terminated", "Killed", "Interrupt", "Hangup". */
  state: string;
  done: Promise<number>;
}

const SIGNAL_STATE: Record<JobSignal, string> = { SIGTERM: 'Terminated', SIGKILL: 'Killed', SIGINT: 'Interrupt', SIGHUP: 'Hangup' };
const SIGNAL_CODE: Record<JobSignal, number> = { SIGTERM: 143, SIGKILL: 137, SIGINT: 130, SIGHUP: 129 };

/** The shell's job table. */
export class JobTable {
  private jobs: Job[] = [];
  /** PIDs bash's children would get (deterministic here). */
  private nextPid = 4242;

  /** Starts a job: `announce` gets the "[1] 4242" line first, then `run` starts with the job's abort signal. */
  start(text: string, run: (signal: AbortSignal) => Promise<number>, announce: (line: string) => void): void {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const ac = new AbortController();
    const job: Job = { id, pid: this.nextPid++, text, ac, state: 'Running', done: Promise.resolve(0) };
    announce(`[${id}] ${job.pid}\n`);
    job.done = run(ac.signal).then((code) => {
      const sig = ac.signal.aborted ? (ac.signal.reason as JobSignal) : undefined;
      job.state = sig && SIGNAL_STATE[sig] ? SIGNAL_STATE[sig] : code === 0 ? 'Done' : `Exit ${code}`;
      return sig && SIGNAL_CODE[sig] ? SIGNAL_CODE[sig] : code;
    }, () => {
      job.state = 'Exit 1';
      return 1;
    });
    this.jobs.push(job);
  }

  // "+" marks the current job (the newest), "-" the previous one.
  private mark(j: Job): string {
    const n = this.jobs.length;
    return this.jobs[n - 1] === j ? '+' : this.jobs[n - 2] === j ? '-' : ' ';
  }

  private line(j: Job, withAmp: boolean): string {
    return `[${j.id}]${this.mark(j)}  ${j.state.padEnd(24)}${j.text}${withAmp && j.state === 'Running' ? ' &' : ''}\n`;
  }

  /** Notices for jobs that ended since the last prompt; they leave the table. */
  notices(): string {
    const ended = this.jobs.filter((j) => j.state !== 'Running');
    const text = ended.map((j) => this.line(j, false)).join('');
    this.jobs = this.jobs.filter((j) => j.state === 'Running');
    return text;
  }

  /** Finds a job by jobspec (%1, %%, %+, %-) or PID. */
  find(spec: string): Job | undefined {
    if (spec === '%%' || spec === '%+' || spec === '%') return this.jobs[this.jobs.length - 1];
    if (spec === '%-') return this.jobs[this.jobs.length - 2];
    if (spec.startsWith('%')) return this.jobs.find((j) => String(j.id) === spec.slice(1));
    return this.jobs.find((j) => String(j.pid) === spec);
  }

  /** `jobs`: every job; those that ended are reported here and leave the table. */
  list(): string {
    const text = this.jobs.map((j) => this.line(j, true)).join('');
    this.jobs = this.jobs.filter((j) => j.state === 'Running');
    return text;
  }

  /** $!: the PID of the newest background job ('' before the first). */
  lastPid(): string {
    return this.nextPid > 4242 ? String(this.nextPid - 1) : '';
  }

  /** Every job (for `wait`). */
  all(): Job[] {
    return [...this.jobs];
  }

  /** Removes a job (fg takes it over). */
  remove(j: Job): void {
    this.jobs = this.jobs.filter((x) => x !== j);
  }
}

/** The signal names `kill` takes (-TERM, -s KILL, -9 …). */
export function parseKillSignal(s: string): JobSignal | undefined {
  const up = s.toUpperCase().replace(/^SIG/, '');
  const byNum: Record<string, JobSignal> = { 15: 'SIGTERM', 9: 'SIGKILL', 2: 'SIGINT', 1: 'SIGHUP' };
  if (byNum[up]) return byNum[up];
  const name = `SIG${up}` as JobSignal;
  return SIGNAL_STATE[name] ? name : undefined;
}

/** How bash shows a word of a background command (quoted when it needs to be). */
export function showWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
