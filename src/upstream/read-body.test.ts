import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';

const from = (chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)), { objectMode: false });

describe('readBody', () => {
  it('joins every chunk, in order', async () => {
    expect((await readBody(from(['{"a":', '1,"b":"é', '"}']), 100)).toString()).toBe('{"a":1,"b":"é"}');
    expect((await readBody(from(['one']), 100)).toString()).toBe('one');
    expect((await readBody(from([]), 100)).length).toBe(0);
  });

  it('refuses a body over the limit and stops reading it', async () => {
    const body = from(['12345', '67890', 'abcde']);
    await expect(readBody(body, 8)).rejects.toMatchObject({ code: 'UPSTREAM_TOO_LARGE' });
    expect(body.destroyed).toBe(true);
  });

  it('fails when the body errors or is destroyed before its end', async () => {
    const erroring = new Readable({ read() {} });
    const p = readBody(erroring, 100);
    erroring.push('part');
    erroring.destroy(Object.assign(new Error('socket reset'), { code: 'ECONNRESET' }));
    await expect(p).rejects.toMatchObject({ code: 'ECONNRESET' });

    const cut = new Readable({ read() {} });
    const q = readBody(cut, 100);
    cut.push('part');
    cut.destroy();
    await expect(q).rejects.toMatchObject({ code: 'UND_ERR_ABORTED' });
  });
});
