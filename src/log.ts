// Structured JSON-lines logger that redacts key material before anything is written.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Adds a literal secret (e.g. an upstream key) that must never appear in output. */
  addSecret(secret: string): void;
}

export type LogSink = (line: string) => void;

// Warden keys, OpenAI-style keys, bearer values: masked wherever they appear.
const PATTERNS: RegExp[] = [/wdn_[lta]_[0-9A-Za-z]{8,}/g, /\bsk-[A-Za-z0-9_-]{8,}/g, /(bearer\s+)[^\s"',]+/gi];
const SECRET_FIELDS = /^(authorization|api-key|x-api-key|apikey|api_key|key|secret|token|password|upstreamkey)$/i;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[REDACTED]');
  for (const p of PATTERNS) out = out.replace(p, (m, pre?: string) => (typeof pre === 'string' && pre !== m ? `${pre}[REDACTED]` : '[REDACTED]'));
  return out;
}

export function createLogger(level: LogLevel = 'info', sink: LogSink = (l) => process.stdout.write(l + '\n')): Logger {
  const secrets: string[] = [];
  const min = ORDER[level];
  const write = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[lvl] < min) return;
    const rec = { time: new Date().toISOString(), level: lvl, msg, ...fields };
    const line = JSON.stringify(rec, (k, v: unknown) => (SECRET_FIELDS.test(k) && typeof v === 'string' ? '[REDACTED]' : v));
    sink(redact(line, secrets));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    addSecret: (s) => {
      if (s && !secrets.includes(s)) secrets.push(s);
    },
  };
}
