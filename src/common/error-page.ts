import type { Request, Response } from 'express';

export const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'Changed by someone else',
  413: 'Too large',
  422: 'Please check your input',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Could not be saved',
};

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || (!req.accepts('html') && Boolean(req.accepts('json')));
}

/** The one way a refused or failed request is answered: an HTML page, or JSON for the API. */
export function sendError(
  req: Request,
  res: Response,
  status: number,
  message: string,
  extra: { errorId?: string; fields?: Record<string, string[]> } = {},
): void {
  if (res.headersSent) return;
  const title = STATUS_TITLES[status] ?? 'Error';
  if (wantsJson(req)) {
    res.status(status).json({ statusCode: status, error: title, message, ...extra });
    return;
  }
  res.status(status).render('errors/error', { title, status, message, errorId: extra.errorId });
}
