"""DPoP proofs for Warden from Python: an httpx.Auth that signs every request it sends.

Plug it into the official OpenAI SDK through its ``http_client``::

    import httpx
    from openai import OpenAI
    from dpop_httpx import DPoPAuth

    client = OpenAI(api_key=WARDEN_KEY, base_url="https://gateway.example/v1",
                    http_client=httpx.Client(auth=DPoPAuth.from_file("client.jwk")))

httpx runs the auth flow for every request it sends, so each SDK retry carries a fresh proof (a new
``jti`` and ``iat``). ``client.jwk`` is the private JWK written by ``warden proof keygen --out client.jwk``
(ES256 or EdDSA). Needs ``httpx``, ``pyjwt`` and ``cryptography``
(Debian: ``apt-get install python3-httpx python3-jwt python3-cryptography``; or pip).

Run as a script, it sends one chat request through Warden and prints the answer::

    WARDEN_BASE_URL=https://gateway.example/v1 WARDEN_KEY=wdn_l_... WARDEN_PROOF_KEY=client.jwk \\
        python3 dpop_httpx.py "Say hello"
"""

import base64
import hashlib
import json
import os
import sys
import time
import uuid

import httpx
import jwt
from jwt.algorithms import ECAlgorithm, OKPAlgorithm


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class DPoPAuth(httpx.Auth):
    """Adds a ``DPoP`` header proving possession of the private key bound to the Warden key."""

    def __init__(self, private_jwk: dict):
        if private_jwk.get("kty") == "EC" and private_jwk.get("crv") == "P-256":
            self._alg, members = "ES256", ("kty", "crv", "x", "y")
            self._key = ECAlgorithm.from_jwk(json.dumps(private_jwk))
        elif private_jwk.get("kty") == "OKP" and private_jwk.get("crv") == "Ed25519":
            self._alg, members = "EdDSA", ("kty", "crv", "x")
            self._key = OKPAlgorithm.from_jwk(json.dumps(private_jwk))
        else:
            raise ValueError("the proof key must be an EC P-256 or OKP Ed25519 private JWK")
        # Only the public members go into the header (never "d").
        self._public_jwk = {m: private_jwk[m] for m in members}
        self._nonce = None

    @classmethod
    def from_file(cls, path: str) -> "DPoPAuth":
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def _proof(self, request: httpx.Request) -> str:
        # ath: SHA-256 of the Warden key as sent (OpenAI style "Authorization: Bearer", or Azure style "api-key").
        auth = request.headers.get("authorization", "")
        credential = auth[7:] if auth.lower().startswith("bearer ") else request.headers.get("api-key", "")
        url = request.url
        claims = {
            "htm": request.method,
            "htu": f"{url.scheme}://{url.netloc.decode('ascii')}{url.path}",  # no query string
            "iat": int(time.time()),
            "jti": str(uuid.uuid4()),
            "ath": _b64url(hashlib.sha256(credential.encode("utf-8")).digest()),
        }
        if self._nonce is not None:
            claims["nonce"] = self._nonce
        return jwt.encode(claims, self._key, algorithm=self._alg, headers={"typ": "dpop+jwt", "jwk": self._public_jwk})

    def auth_flow(self, request: httpx.Request):
        request.headers["DPoP"] = self._proof(request)
        response = yield request
        # Gateways with server nonces on answer use_dpop_nonce with a fresh one: sign again with it, once.
        nonce = response.headers.get("dpop-nonce")
        if response.status_code == 401 and nonce is not None and nonce != self._nonce:
            self._nonce = nonce
            request.headers["DPoP"] = self._proof(request)
            yield request


def main() -> int:
    base_url = os.environ["WARDEN_BASE_URL"].rstrip("/")
    prompt = sys.argv[1] if len(sys.argv) > 1 else "Say hello"
    with httpx.Client(auth=DPoPAuth.from_file(os.environ["WARDEN_PROOF_KEY"]), timeout=30) as client:
        r = client.post(
            f"{base_url}/chat/completions",
            headers={"Authorization": f"Bearer {os.environ['WARDEN_KEY']}"},
            json={"model": os.environ.get("WARDEN_MODEL", "gpt-4o-mini"), "messages": [{"role": "user", "content": prompt}]},
        )
    if r.status_code != 200:
        print(f"HTTP {r.status_code}: {r.text}", file=sys.stderr)
        return 1
    print(r.json()["choices"][0]["message"]["content"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
