// Webhook signing secrets at rest. Delivery needs the raw secret, so it cannot be hashed; it is sealed with
// AES-256-GCM under a key derived from the key pepper (which every replica must share) and bound to the webhook's
// id, so a database reader sees only `wsec1:<base64url>` and a sealed value moved to another row does not open.
import { hkdfSync, randomBytes } from 'node:crypto';
import { openGcm, sealGcm } from '../crypto/aes-gcm.js';
import type { Store, StoredWebhook } from '../store/port.js';
import { adminEvent } from '../keys/service.js';

const PREFIX = 'wsec1:';
const aad = (id: string) => `warden-webhook-secret/v1|${id}`;

export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(pepper: string) {
    this.key = Buffer.from(hkdfSync('sha256', pepper, 'warden', 'webhook-secret/v1', 32));
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  seal(id: string, secret: string): string {
    return PREFIX + sealGcm(this.key, aad(id), secret).toString('base64url');
  }

  /** The raw secret; a value stored before sealing existed passes through. Throws if a sealed value does not open. */
  open(id: string, stored: string): string {
    if (!WebhookSecretBox.isSealed(stored)) return stored;
    return openGcm(this.key, aad(id), Buffer.from(stored.slice(PREFIX.length), 'base64url')).toString('utf8');
  }

  /** Stored webhooks with their secrets opened, for delivery; one that does not open is left out and reported. */
  openAll(stored: readonly StoredWebhook[], onError: (id: string, err: Error) => void): StoredWebhook[] {
    const out: StoredWebhook[] = [];
    for (const w of stored) {
      try {
        out.push({ ...w, secret: this.open(w.id, w.secret) });
      } catch (err) {
        onError(w.id, err as Error);
      }
    }
    return out;
  }
}

/** Seals secrets stored in plain text by earlier versions (one audited update each); returns how many. */
export async function sealPlainWebhookSecrets(store: Pick<Store, 'listWebhooks' | 'updateWebhook'>, box: WebhookSecretBox): Promise<number> {
  let sealed = 0;
  for (const w of await store.listWebhooks()) {
    if (WebhookSecretBox.isSealed(w.secret)) continue;
    const actor = { actor: 'system', requestId: `sys_${randomBytes(8).toString('hex')}` };
    const updated = await store.updateWebhook(w.id, { secret: box.seal(w.id, w.secret) }, adminEvent(actor, 'webhook.update', {}, { webhookId: w.id, secretSealed: true }));
    if (updated) sealed++;
  }
  return sealed;
}
