/** The webhook URL safe to log: scheme and host only, since the path and query carry the secret. */
export function redactWebhookUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '(unparseable webhook URL)';
  }
}
