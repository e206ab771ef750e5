// Pure parts of the partner endpoint: the key file's parse and the signature check, including ECDSA malleability.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyFile } from './github-keys.js';
import { checkSignature } from './github-signature.js';

const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve });
const pem = (k: ReturnType<typeof ec>['publicKey']) => k.export({ type: 'spki', format: 'pem' }).toString();
const file = (entries: { key_identifier: string; key: string }[]) => JSON.stringify({ public_keys: entries.map((e) => ({ ...e, is_current: true })) });

/** The other valid DER signature (r, n − s) for the same message. */
function malleate(der: Buffer): Buffer {
  const n = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
  const rLen = der[3]!;
  const r = der.subarray(4, 4 + rLen);
  const s = BigInt('0x' + der.subarray(6 + rLen).toString('hex'));
  let hex = (n - s).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let sb = Buffer.from(hex, 'hex');
  if (sb[0]! & 0x80) sb = Buffer.concat([Buffer.from([0]), sb]);
  const body = Buffer.concat([Buffer.from([2, r.length]), r, Buffer.from([2, sb.length]), sb]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('parseKeyFile', () => {
  it('keeps P-256 keys by identifier and says why others were left out', () => {
    const good = ec('prime256v1');
    const p384 = ec('secp384r1');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const r = parseKeyFile(
      file([
        { key_identifier: 'a', key: pem(good.publicKey) },
        { key_identifier: 'b', key: pem(p384.publicKey) },
        { key_identifier: 'c', key: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        { key_identifier: 'd', key: 'not pem' },
      ]),
    );
    expect([...r.keys.keys()]).toEqual(['a']);
    expect(r.problems).toEqual(['b: not an ECDSA P-256 key', 'c: not an ECDSA P-256 key', 'd: not a PEM public key']);
    expect(parseKeyFile('{').problems).toEqual(['not JSON']);
    expect(parseKeyFile('{"keys":[]}').keys.size).toBe(0);
  });
});

describe('checkSignature', () => {
  const k = ec('prime256v1');
  const keys = parseKeyFile(file([{ key_identifier: 'id1', key: pem(k.publicKey) }])).keys;
  const body = Buffer.from('[{"token":"t","type":"x","url":"u","source":"content"}]');
  const sig = sign('sha256', body, k.privateKey);

  it('accepts the signature over the raw bytes, and refuses every variation', () => {
    expect(checkSignature(body, 'id1', sig.toString('base64'), keys)).toEqual({ ok: true });
    expect(checkSignature(Buffer.from(body.toString().replace('"t"', '"T"')), 'id1', sig.toString('base64'), keys).ok).toBe(false);
    expect(checkSignature(body, 'id2', sig.toString('base64'), keys)).toEqual({ ok: false, reason: 'Unknown Github-Public-Key-Identifier.' });
    expect(checkSignature(body, undefined, sig.toString('base64'), keys).ok).toBe(false);
    expect(checkSignature(body, 'id1', '', keys).ok).toBe(false);
    expect(checkSignature(body, 'id1', 'bm90IGEgc2lnbmF0dXJl', keys)).toEqual({ ok: false, reason: 'The signature does not verify.' });
    expect(checkSignature(body, 'id1', 'a'.repeat(600), keys).ok).toBe(false);
  });

  it('a malleated signature also verifies: why replays are keyed by the body, not the signature', () => {
    const m = malleate(sig);
    expect(m.equals(sig)).toBe(false);
    expect(checkSignature(body, 'id1', m.toString('base64'), keys)).toEqual({ ok: true });
  });
});
