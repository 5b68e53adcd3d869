// `npm run bench [-- --json] [-- --only NAME]`: runs every tests/bench/*.ts module's exported bench*()
// functions and prints their figures (medians). Never fails on a time.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './util';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dir = resolve(import.meta.dirname ?? __dirname);

async function main(): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['run.ts', 'util.ts'].includes(f) && !f.endsWith('.test.ts')).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(resolve(dir, f)).href)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (!name.startsWith('bench') || typeof fn !== 'function') continue;
      if (only && !name.toLowerCase().includes(only.toLowerCase()) && !f.includes(only)) continue;
      let figures: Figure[];
      try {
        figures = await (fn as () => Promise<Figure[]>)();
      } catch (e) {
        process.stderr.write(`${f} ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
        continue;
      }
      for (const fig of figures) {
        process.stdout.write(json ? `${JSON.stringify(fig)}\n` : `${fig.name.padEnd(48)} ${String(fig.value).padStart(12)} ${fig.unit}\n`);
      }
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
