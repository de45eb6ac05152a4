import type { Response } from 'express';
import { escapeHtml } from '../escape-html';

/** The page an admin lands on after an install: a title, sentences, and values to copy (shown once). */
export function installPage(res: Response, status: number, title: string, paragraphs: string[], values: Array<{ label: string; value: string }> = []): void {
  const text = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const copy = values.map((v) => `<p>${escapeHtml(v.label)}</p><pre>${escapeHtml(v.value)}</pre>`).join('');
  // Install answers carry a secret once: never cached, never shown again from history.
  res.set('cache-control', 'no-store');
  res.status(status).type('html').send(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>${text}${copy}`);
}
