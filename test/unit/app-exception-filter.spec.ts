import { ArgumentsHost, Logger } from '@nestjs/common';
import { AppExceptionFilter } from '../../src/common/app-exception.filter';

function host(path: string, accept: string) {
  const sent: {
    status?: number;
    view?: string;
    locals?: Record<string, unknown>;
    json?: unknown;
    type?: string;
  } = {};
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return res;
    },
    render(view: string, locals: Record<string, unknown>) {
      sent.view = view;
      sent.locals = locals;
    },
    removeHeader() {},
    type(contentType: string) {
      sent.type = contentType;
      return res;
    },
    json(body: unknown) {
      sent.json = body;
    },
  };
  const req = {
    path,
    originalUrl: path,
    method: 'GET',
    accepts: (type: string) => (accept.includes(type) ? type : false),
  };
  const args = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  return { args, sent };
}

describe('unexpected errors', () => {
  it('are logged with an id the page and the API answer show, and no stack reaches the user', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    try {
      const page = host('/dashboard', 'html');
      new AppExceptionFilter().catch(new Error('disk on fire'), page.args);
      expect(page.sent.status).toBe(500);
      const id = page.sent.locals!.errorId as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(logged[0]).toContain(`[${id}] GET /dashboard: Error: disk on fire`);
      expect(JSON.stringify(page.sent.locals)).not.toContain('disk on fire');

      const api = host('/api/v1/pilots/x/business-case', 'json');
      new AppExceptionFilter().catch(new TypeError('boom'), api.args);
      const body = api.sent.json as { status: number; errorId: string; detail: string };
      expect(api.sent.type).toBe('application/problem+json');
      expect(body.status).toBe(500);
      expect(logged[1]).toContain(`[${body.errorId}]`);
      expect(body.detail).not.toContain('boom');
    } finally {
      spy.mockRestore();
    }
  });
});
