import type { Request } from 'express';

/** HubSpot's `paging.next`: an opaque `after` cursor plus a ready-made link to the next page. */
export function nextPage(req: Request, after: string, query: Record<string, string> = {}) {
  const url = new URL(`${req.protocol}://${req.get('host') ?? '127.0.0.1'}${req.path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  url.searchParams.set('after', after);
  return { next: { after, link: url.toString() } };
}
