import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare function freePort(): Promise<number>;

export interface LiveServer {
  child: ChildProcess;
  base: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}
export declare function startServer(options: {
  env: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<LiveServer>;

export interface BrowserSession {
  cookie(): string;
  get(path: string): Promise<Response>;
  post(path: string, body: URLSearchParams | FormData): Promise<Response>;
  token(html: string): string;
}
export declare function browserSession(
  base: string,
  headers?: Record<string, string>,
): BrowserSession;
export declare function signIn(
  session: BrowserSession,
  email: string,
  password: string,
): Promise<void>;
