// `warden proof keygen|bind|unbind`: client key pairs for proof of possession, and binding them to keys.
import { readFileSync, writeFileSync } from 'node:fs';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { adminCall, adminOptions, clientOpts } from '../admin-client.js';
import { emit, fields } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';

/** Reads a public JWK file for `keys create --proof-key` (a private one is refused: it must not leave the client). */
export function readPublicJwkFile(file: string): Record<string, unknown> {
  let jwk: unknown;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--proof-key ${file}: not a readable JSON file (${(e as Error).message})`);
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new UsageError(`--proof-key ${file}: not a JWK object`);
  if ('d' in jwk) throw new UsageError(`--proof-key ${file}: holds a private key; pass the public JWK that \`warden proof keygen\` printed`);
  return jwk as Record<string, unknown>;
}

function idOf(positionals: string[]): string {
  const id = positionals[0];
  if (!id) throw new UsageError('a key id is required');
  return id;
}

export const proofCommands = {
  'proof bind': defineCommand({
    summary: 'Bind client public keys to a key (and/or turn requireProof on or off).',
    args: 'KEY_ID',
    options: {
      ...adminOptions,
      'proof-key': { type: 'string', value: 'FILE', multiple: true, description: 'a client public JWK to bind (repeatable)' },
      'require-proof': { type: 'boolean', description: 'from now on every request must carry a valid proof' },
      optional: { type: 'boolean', description: 'turn requireProof off (proofs stay accepted, and step-up can ask for them)' },
    },
    async run(values, positionals) {
      if (values['require-proof'] && values.optional) throw new UsageError('--require-proof and --optional exclude each other');
      const body: Record<string, unknown> = { proofKeys: (values['proof-key'] ?? []).map(readPublicJwkFile) };
      if (values['require-proof']) body['requireProof'] = true;
      if (values.optional) body['requireProof'] = false;
      if ((body['proofKeys'] as unknown[]).length === 0 && body['requireProof'] === undefined) throw new UsageError('nothing to do: give --proof-key FILE, --require-proof or --optional');
      emit(values, (await adminCall(clientOpts(values), 'POST', `/keys/${encodeURIComponent(idOf(positionals))}/proof-keys`, body)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
  'proof unbind': defineCommand({
    summary: "Remove a bound client key from a key, by its thumbprint (one that starts with '-' goes after --).",
    args: 'KEY_ID THUMBPRINT',
    options: adminOptions,
    async run(values, positionals) {
      const thumbprint = positionals[1];
      if (!thumbprint) throw new UsageError('a thumbprint is required (see `warden keys show KEY_ID`)');
      emit(values, (await adminCall(clientOpts(values), 'DELETE', `/keys/${encodeURIComponent(idOf(positionals))}/proof-keys/${encodeURIComponent(thumbprint)}`)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
  'proof keygen': defineCommand({
    summary: 'Write a client key pair for proof of possession: the private JWK to FILE (mode 0600), the public JWK to stdout.',
    options: {
      out: { type: 'string', value: 'FILE', description: 'where to write the private JWK (required; never overwritten)' },
      alg: { type: 'string', value: 'ES256|EdDSA', description: 'signature algorithm', default: 'ES256' },
    },
    async run(values) {
      if (!values.out) throw new UsageError('--out FILE is required');
      const alg = values.alg;
      if (alg !== 'ES256' && alg !== 'EdDSA') throw new UsageError(`--alg takes ES256 or EdDSA, not '${alg}'`);
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
      const pub = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(pub, 'sha256');
      const priv = { ...(await exportJWK(privateKey)), alg, kid };
      try {
        // 'wx': refuse to replace an existing key file (it may be the only copy of a bound key).
        writeFileSync(values.out, JSON.stringify(priv, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      } catch (e) {
        throw new Error(`cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (choose another name)' : (e as Error).message}`);
      }
      process.stdout.write(JSON.stringify({ ...pub, alg, kid }, null, 2) + '\n');
      process.stderr.write(
        `\nPrivate key written to ${values.out} (mode 0600). Bind the public JWK above to a key:\n  warden keys create … --proof-key PUBLIC.jwk   or   POST /admin/v1/keys/{id}/proof-keys\n`,
      );
      return 0;
    },
  }),
};
