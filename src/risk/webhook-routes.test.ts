import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-routes.js';
import { redactUrl } from './webhooks.js';

describe('webhook URL rules', () => {
  it('accepts https anywhere and plain http to loopback only', () => {
    for (const ok of ['https://hooks.example.com/w', 'https://10.0.0.5:8443/x?y=1', 'http://127.0.0.1:9/h', 'http://127.1.2.3/h', 'http://localhost:8080/', 'http://[::1]:9/h']) {
      expect(webhookUrlProblem(ok), ok).toBeUndefined();
    }
  });
  it('names the problem otherwise', () => {
    expect(webhookUrlProblem('http://hooks.example.com/w')).toMatch(/https/);
    expect(webhookUrlProblem('http://10.0.0.5/w')).toMatch(/loopback/);
    expect(webhookUrlProblem('http://127.0.0.1.evil.example/w')).toMatch(/https/);
    expect(webhookUrlProblem('https://u:p@hooks.example.com/w')).toMatch(/credentials/);
    expect(webhookUrlProblem('https://u@hooks.example.com/w')).toMatch(/credentials/);
    expect(webhookUrlProblem('ftp://hooks.example.com/w')).toMatch(/https/);
    expect(webhookUrlProblem('javascript:alert(1)')).toMatch(/https/);
    expect(webhookUrlProblem('hooks.example.com')).toMatch(/not a URL/);
  });
  it('shows URLs without userinfo or query', () => {
    expect(redactUrl('https://u:p@h.example.com:8443/a/b?token=x')).toBe('https://h.example.com:8443/a/b?…');
  });
});
