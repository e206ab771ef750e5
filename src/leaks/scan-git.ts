// Scans a repository's whole history (every ref) for Warden keys: one `git log -p` streamed, added lines only.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { findInText, type Found } from './find.js';

export interface GitHit extends Found {
  readonly commit: string;
  readonly file: string;
}

/**
 * Pure: folds one line of `git log -p -U0 --format=commit %H` output into the position state; returns an added line.
 * Hunk line counts are followed, so an added line that itself starts with "++ " or "commit " is content, not a header.
 */
export class DiffReader {
  commit = '';
  file = '';
  #newLine = 0;
  #oldLeft = 0;
  #newLeft = 0;

  read(line: string): { text: string; line: number } | undefined {
    if (this.#oldLeft > 0 || this.#newLeft > 0) {
      const c = line[0];
      if (c === '+' && this.#newLeft > 0) {
        this.#newLeft--;
        return { text: line.slice(1), line: this.#newLine++ };
      }
      if (c === '-' && this.#oldLeft > 0) return void this.#oldLeft--;
      if (c === ' ') {
        this.#oldLeft--;
        this.#newLeft--;
        this.#newLine++;
        return undefined;
      }
      if (c === '\\') return undefined; // "\ No newline at end of file"
      // Anything else ends the hunk early (a truncated diff): read it as a header.
      this.#oldLeft = this.#newLeft = 0;
    }
    if (/^commit [0-9a-f]{40,64}$/.test(line)) {
      this.commit = line.slice(7);
      this.file = '';
      return undefined;
    }
    if (line.startsWith('+++ ')) {
      const p = line.slice(4);
      this.file = p.startsWith('b/') ? p.slice(2) : p;
      return undefined;
    }
    const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (h && this.file) {
      this.#oldLeft = h[1] === undefined ? 1 : Number(h[1]);
      this.#newLine = Number(h[2]);
      this.#newLeft = h[3] === undefined ? 1 : Number(h[3]);
    }
    return undefined;
  }
}

/**
 * Every key ever added on any ref (a key deleted later is still in history, which is the point). Git runs with an
 * argument array (no shell); binary diffs are left out by git itself; external diff drivers and colour are off.
 */
export function scanGitHistory(repo: string): Promise<GitHit[]> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['-C', repo, '-c', 'core.quotePath=false', 'log', '-p', '--all', '--no-color', '--no-ext-diff', '--no-textconv', '-U0', '--format=commit %H', '--'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const hits: GitHit[] = [];
    const seen = new Set<string>();
    const reader = new DiffReader();
    let err = '';
    git.stderr.on('data', (d: Buffer) => {
      if (err.length < 4096) err += d.toString();
    });
    const rl = createInterface({ input: git.stdout, crlfDelay: Infinity });
    rl.on('line', (l) => {
      const added = reader.read(l);
      if (!added?.text.includes('wdn_')) return;
      for (const f of findInText(added.text, added.line)) {
        // The same key added in the same commit and file twice is one finding.
        const id = `${reader.commit}\0${reader.file}\0${f.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        hits.push({ ...f, commit: reader.commit, file: reader.file });
      }
    });
    git.on('error', (e) => reject(new Error(`cannot run git: ${e.message}`)));
    git.on('close', (code) => {
      if (code === 0) resolve(hits);
      else reject(new Error(`git log failed in ${repo}: ${err.trim().split('\n')[0] ?? `exit ${code}`}`));
    });
  });
}
