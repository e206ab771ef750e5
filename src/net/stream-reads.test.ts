import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eachRead } from './stream-reads.js';

const bufs = (...xs: string[]): Buffer[] => xs.map((x) => Buffer.from(x));

/** What a for-await over the same kind of body sees (the behaviour eachRead stands in for). */
async function forAwait(body: Readable): Promise<{ got: string[]; err?: string }> {
  const got: string[] = [];
  try {
    for await (const b of body) got.push(String(b));
  } catch (e) {
    return { got, err: (e as { code?: string; message: string }).code ?? (e as Error).message };
  }
  return { got };
}
async function reads(body: Readable, onRead?: (b: Buffer) => boolean | Promise<boolean>): Promise<{ got: string[]; err?: string }> {
  const got: string[] = [];
  try {
    await eachRead(body, (b) => (got.push(String(b)), onRead ? onRead(b) : false));
  } catch (e) {
    return { got, err: (e as { code?: string; message: string }).code ?? (e as Error).message };
  }
  return { got };
}

/** A body fed over several macrotask turns, as a socket feeds one; optionally failing or closing early. */
function fed(parts: string[], end: 'end' | 'error' | 'close'): Readable {
  const p = new PassThrough();
  let i = 0;
  const step = (): void => {
    if (i < parts.length) {
      p.write(parts[i++]);
      setTimeout(step, 1);
    } else if (end === 'end') p.end();
    else if (end === 'error') p.destroy(Object.assign(new Error('socket broke'), { code: 'UND_ERR_SOCKET' }));
    else p.destroy();
  };
  setTimeout(step, 1);
  return p;
}

describe('eachRead', () => {
  it('hands over the buffers a for-await would, in order, and the same end', async () => {
    for (const end of ['end', 'error', 'close'] as const) {
      const parts = ['data: a\n\n', 'data: b', '\n\n', 'data: c\n\n'];
      const a = await forAwait(fed(parts, end));
      const b = await reads(fed(parts, end));
      expect(b).toEqual(a);
      expect(b.got.join('')).toBe(parts.join(''));
    }
    expect((await reads(fed(['x'], 'error'))).err).toBe('UND_ERR_SOCKET');
    expect((await reads(fed(['x'], 'close'))).err).toBe('ERR_STREAM_PREMATURE_CLOSE');
    expect(await reads(Readable.from(bufs('p', 'q'), { objectMode: false }))).toEqual(await forAwait(Readable.from(bufs('p', 'q'), { objectMode: false })));
  });

  it('stops when told (sync or async) and destroys the body; awaits each answer before the next read', async () => {
    // The same slow loop body through a for-await and through eachRead: same reads, same order, same stop.
    const slow =
      (order: string[]) =>
      async (b: Buffer): Promise<boolean> => {
        order.push(`start ${b}`);
        await new Promise((res) => setTimeout(res, 3));
        order.push(`done ${b}`);
        return String(b).includes('2');
      };
    // (How many parts one read() returns depends on timing, for a for-await as here: not pinned.)
    const order: string[] = [];
    const body = fed(['1', '2', '3', '4', '5', '6', '7', '8'], 'end');
    await reads(body, slow(order));
    for (let i = 0; i < order.length; i += 2) expect([order[i]!.slice(0, 6), order[i + 1]!.slice(0, 5), order[i]!.slice(6)]).toEqual(['start ', 'done ', order[i + 1]!.slice(5)]);
    expect(order.at(-1)).toMatch(/^done .*2/);
    expect(
      order
        .filter((o) => o.startsWith('start '))
        .map((o) => o.slice(6))
        .join(''),
    ).toMatch(/^1+2[0-9]*$/);
    expect(order.join()).not.toContain('8');
    expect(body.destroyed).toBe(true);
    const sync = fed(['1', '2', '3'], 'end');
    expect((await reads(sync, () => true)).got).toEqual(['1']);
    expect(sync.destroyed).toBe(true);
  });

  it("stopping early on a body that errors when destroyed (as undici's does) leaves no unhandled error", async () => {
    let destroyedWith: Error | null | undefined;
    const body = new Readable({
      read() {
        this.push('x');
      },
      destroy(err, cb) {
        destroyedWith = err;
        cb(err ?? Object.assign(new Error('Request aborted'), { code: 'UND_ERR_ABORTED' }));
      },
    });
    await reads(body, () => true);
    await new Promise((r) => setImmediate(r));
    expect(body.destroyed).toBe(true);
    expect(destroyedWith).toBeNull();
    // Without a listener kept for it, the abort error would surface as an uncaught exception here.
    expect(body.listenerCount('error')).toBeGreaterThan(0);
  });

  it('lets an error thrown by the reader through and destroys the body', async () => {
    const body = fed(['1', '2'], 'end');
    await expect(
      eachRead(body, () => {
        throw new Error('too large');
      }),
    ).rejects.toThrow('too large');
    expect(body.destroyed).toBe(true);
  });
});
