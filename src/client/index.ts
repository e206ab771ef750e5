// warden-gateway/client: a fetch wrapper that adds a DPoP proof of possession to every request (openai SDK, Azure, plain fetch).
import { importJWK, SignJWT, base64url, type CryptoKey, type JWK, type KeyObject } from 'jose';

export type ProofAlg = 'ES256' | 'EdDSA';

export interface WardenFetchOptions {
  /** The client's private key: the JWK `warden proof keygen` wrote, or an imported CryptoKey/KeyObject. */
  readonly privateKey: JWK | CryptoKey | KeyObject;
  /** The public JWK bound to the Warden key (derived from a private JWK when omitted). */
  readonly publicJwk?: JWK;
  /** Default: from the key (EC P-256 → ES256, OKP Ed25519 → EdDSA). */
  readonly alg?: ProofAlg;
  /** The fetch to wrap (default: globalThis.fetch). */
  readonly fetch?: typeof fetch;
}

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = Parameters<typeof fetch>[1];

const isJwk = (k: unknown): k is JWK => typeof k === 'object' && k !== null && 'kty' in k;
const algFor = (jwk: JWK): ProofAlg => (jwk.kty === 'OKP' ? 'EdDSA' : 'ES256');
/** Only the public members: a proof header must never carry `d`. */
const publicPart = (jwk: JWK): JWK => (jwk.kty === 'EC' ? { kty: 'EC', crv: jwk.crv!, x: jwk.x!, y: jwk.y! } : { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! });

async function prepare(o: WardenFetchOptions): Promise<{ key: CryptoKey | KeyObject | Uint8Array; jwk: JWK; alg: ProofAlg }> {
  const pub = o.publicJwk ?? (isJwk(o.privateKey) ? o.privateKey : undefined);
  if (!pub) throw new TypeError('wardenFetch: publicJwk is required when privateKey is not a JWK');
  const alg: ProofAlg = o.alg ?? (pub.alg === 'ES256' ? 'ES256' : pub.alg === 'EdDSA' ? 'EdDSA' : algFor(pub));
  const key = isJwk(o.privateKey) ? await importJWK(o.privateKey, alg) : o.privateKey;
  return { key, jwk: publicPart(pub), alg };
}

/** The credential the request carries (Authorization: Bearer … or Azure's api-key), for `ath`. */
function credentialOf(h: Headers): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h.get('authorization') ?? '');
  return m?.[1] ?? h.get('api-key')?.trim() ?? undefined;
}

async function sha256url(s: string): Promise<string> {
  return base64url.encode(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))));
}

/**
 * Wraps fetch so each call, retries included, carries a fresh DPoP proof (new `jti`, current `iat`) for its
 * method and URL (no query) and `ath` for the key it sends. `new OpenAI({ apiKey, baseURL, fetch: wardenFetch(…) })`.
 * With server nonces on, the latest `DPoP-Nonce` is used, and a `use_dpop_nonce` answer is retried once.
 */
export function wardenFetch(o: WardenFetchOptions): typeof fetch {
  const inner = o.fetch ?? globalThis.fetch;
  let prepared: ReturnType<typeof prepare> | undefined;
  let nonce: string | undefined;

  const sign = async (method: string, url: URL, headers: Headers): Promise<string> => {
    const { key, jwk, alg } = await (prepared ??= prepare(o));
    const credential = credentialOf(headers);
    return new SignJWT({
      htm: method,
      htu: url.origin + url.pathname,
      jti: globalThis.crypto.randomUUID(),
      ...(credential ? { ath: await sha256url(credential) } : {}),
      ...(nonce ? { nonce } : {}),
    })
      .setProtectedHeader({ alg, typ: 'dpop+jwt', jwk })
      .setIssuedAt()
      .sign(key);
  };

  const wrapped = async (input: FetchInput, init?: FetchInit): Promise<Response> => {
    const req = input instanceof Request ? input : undefined;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
    const send = async (): Promise<Response> => {
      const headers = new Headers(init?.headers ?? req?.headers);
      headers.set('dpop', await sign(method, url, headers));
      const res = await inner(input, { ...init, headers });
      const fresh = res.headers.get('dpop-nonce');
      if (fresh) nonce = fresh;
      return res;
    };
    const res = await send();
    // A body that was a stream cannot be sent twice; anything else (string, bytes, form) can.
    const replayable = !(init?.body instanceof ReadableStream) && !(req && !init?.body && req.body);
    if (res.status === 401 && replayable && /use_dpop_nonce/.test(res.headers.get('www-authenticate') ?? '') && res.headers.get('dpop-nonce')) {
      await res.body?.cancel();
      return send();
    }
    return res;
  };
  return wrapped as typeof fetch;
}
