/** A stored channel as the settings pages may show it: the host and the last 4 characters, never the secret path. */
export interface MaskedWebhookUrl {
  host: string;
  last4: string;
}

export function maskWebhookUrl(url: string): MaskedWebhookUrl {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // Stored URLs were checked on the way in; an unreadable one still shows its tail.
  }
  return { host, last4: url.slice(-4) };
}
