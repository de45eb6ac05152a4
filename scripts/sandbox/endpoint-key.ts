import type { Request, RequestHandler, Response } from 'express';

/** `METHOD /route/:pattern` — how the call log and fault filters name an endpoint. */
export function endpointKey(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return `${req.method} ${typeof route?.path === 'string' ? route.path : req.path}`;
}

export function markedEndpoint(res: Response): string | undefined {
  const endpoint: unknown = res.locals.endpoint;
  return typeof endpoint === 'string' ? endpoint : undefined;
}

/** First handler of every emulated API route: remembers the endpoint for the call log. */
export const markEndpoint: RequestHandler = (req, res, next) => {
  res.locals.endpoint = endpointKey(req);
  next();
};
