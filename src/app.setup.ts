import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import { json, text, type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { sessionCookieName } from './sessions/session-policy';
import hbs from 'hbs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppExceptionFilter } from './common/app-exception.filter';
import { sendError } from './common/error-page';
import { requestGuard } from './common/request-guard';
import { hbsHelpers } from './hbs-helpers';
import { setTimeZone } from './common/time-zone';
import { setEarliestYear } from './common/months';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { DatabaseSessionStore } from './sessions/database-session.store';
import { bearerToken } from './accounts/bearer';
import { EVIDENCE_UPLOAD_PATH } from './evidence/evidence-upload';
import { FIGURES_PATH } from './api/figures-path';
import { MAX_UPLOAD_BYTES } from './results/import/import-page';
import { publishOpenApi } from './api/openapi';
import { inLanguage, type Language, setDefaultLanguage } from './i18n/language';
import { requestedLanguage } from './i18n/language-choice';
import { tIn } from './i18n/translate';

/**
 * Everything the HTTP layer needs besides the routes: views, static files, security
 * headers, sessions, CSRF and errors. The app and the tests both call it, so they never differ.
 * The app must be created with `bodyParser: false`: the body parsers are registered here,
 * before the CSRF check that reads the posted token.
 */
export async function configureApp(app: NestExpressApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const rootDir = findRoot();
  setDefaultLanguage(config.language);

  app.setBaseViewsDir(join(rootDir, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layout' });
  if (config.trustProxy)
    app.set(
      'trust proxy',
      /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy,
    );
  setTimeZone(config.timeZone);
  setEarliestYear(config.earliestYear);
  for (const [name, helper] of Object.entries(hbsHelpers)) hbs.registerHelper(name, helper);
  await new Promise<void>((resolve) =>
    hbs.registerPartials(join(rootDir, 'views', 'partials'), () => resolve()),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
      hsts: config.production,
    }),
  );
  app.useStaticAssets(join(rootDir, 'public'), {
    prefix: '/static/',
    maxAge: config.production ? '1d' : 0,
  });

  // Browsers ask for /favicon.ico on pages without a <link rel="icon"> (the JSON API's, say).
  const favicon = join(rootDir, 'public', 'favicon.svg');
  app.use('/favicon.ico', (_req: Request, res: Response) => {
    res.type('image/svg+xml').sendFile(favicon, { maxAge: config.production ? '1d' : 0 });
  });

  // Chart.js straight from node_modules: the app works offline, and the version is the lockfile's.
  app.useStaticAssets(dirname(require.resolve('chart.js')), {
    prefix: '/vendor/chart.js/',
    maxAge: config.production ? '1d' : 0,
  });

  app.use(cookieParser());
  // The page's language as early as it can be known, for the error pages of the checks below
  // (a body too large, a malformed address), which answer before the request's context is set.
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.lang = requestedLanguage(req, config.production); // <html lang>
    next();
  });
  // A batch of figures through the API may be as large as an imported file, as JSON or CSV.
  app.use(
    FIGURES_PATH,
    json({ limit: MAX_UPLOAD_BYTES }),
    text({ type: ['text/csv', 'text/plain'], limit: MAX_UPLOAD_BYTES }),
  );
  app.useBodyParser('urlencoded', { extended: false, limit: '200kb', parameterLimit: 500 });
  app.useBodyParser('json', { limit: '200kb' });
  app.use(requestGuard);

  app.use(
    session({
      name: sessionCookieName(config.production),
      secret: config.sessionSecret,
      store: app.get(DatabaseSessionStore),
      resave: false,
      saveUninitialized: false,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.production,
        // No maxAge: a browser-session cookie; the server ends idle and old sessions itself.
      },
    }),
  );

  // The language of everything this request answers (found above: the switch's cookie, else the
  // browser's Accept-Language, else LANGUAGE; the guard puts the account's own choice first),
  // held for the request's async work. After the body parsers and the session: work they finish
  // in their callbacks would run outside the language's context.
  app.use((_req: Request, res: Response, next: NextFunction) =>
    inLanguage(res.locals.lang as Language, next),
  );

  // Pages and JSON compressed when the client asks. After the session: its save on the way out
  // (which may fail, a full disk) then wraps the compressed answer, not the other way round.
  app.use(compression());

  const visitorCookie = config.production ? '__Host-pilot.visitor' : 'pilot.visitor';
  // The visitor id made while rendering this request's form, before its cookie comes back.
  const visitorOf = new WeakMap<Request, string>();
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    // A signed-in user's token is bound to their session; a visitor's (the sign-in form) to a
    // random cookie, so that showing the sign-in page stores nothing in the database.
    getSessionIdentifier: (req) =>
      req.session.userId !== undefined
        ? req.session.id
        : ((req.cookies as Record<string, string | undefined>)[visitorCookie] ??
          visitorOf.get(req) ??
          ''),
    cookieName: config.production ? '__Host-pilot.csrf' : 'pilot.csrf',
    cookieOptions: { sameSite: 'strict', secure: config.production, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      // The upload is parsed after this check, so its form carries the token in the URL; no
      // other form may (a token in a URL ends up in logs and Referer headers).
      const posted =
        (req.body as Record<string, unknown> | undefined)?._csrf ??
        (req.path === '/results/import' || EVIDENCE_UPLOAD_PATH.test(req.path)
          ? req.query._csrf
          : undefined);
      const header = req.headers['x-csrf-token'];
      return typeof posted === 'string' ? posted : typeof header === 'string' ? header : undefined;
    },
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.demoMode = config.demoData;
    res.locals.currentPath = req.path;
    // Where the language switch comes back to: this very page, its query kept (after a form
    // was sent back, the page it was sent from).
    res.locals.currentUrl = req.method === 'GET' ? req.originalUrl : refererPath(req);
    if (req.session.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    // Called by the views' {{csrfToken}}: the token and its session exist only once a form is shown.
    // Memoised: a page with several forms must print one token, matching the one cookie set.
    let token: string | undefined;
    res.locals.csrfToken = () => {
      if (
        req.session.userId === undefined &&
        !(req.cookies as Record<string, string | undefined>)[visitorCookie] &&
        !visitorOf.has(req)
      ) {
        const id = randomBytes(18).toString('base64url');
        visitorOf.set(req, id);
        res.cookie(visitorCookie, id, {
          httpOnly: true,
          sameSite: 'strict',
          secure: config.production,
          path: '/',
        });
      }
      token ??= generateCsrfToken(req, res);
      return token;
    };
    next();
  });
  // A JSON API request with a token is authenticated by the token alone (bearer.ts); one with
  // neither token nor signed-in session carries no credentials to abuse, and gets its 401.
  app.use((req: Request, res: Response, next: NextFunction) =>
    bearerToken(req) || (req.path.startsWith('/api/') && req.session.userId === undefined)
      ? next()
      : doubleCsrfProtection(req, res, next),
  );

  // Errors of the middleware above (bad CSRF token, body too large, malformed body).
  app.use(
    (
      error: { status?: number; statusCode?: number; code?: string; type?: string },
      req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (!error) return next();
      const status = error.statusCode ?? error.status ?? 500;
      if (
        error.code === 'EBADCSRFTOKEN' ||
        (status === 403 && String(error.code).includes('CSRF'))
      ) {
        return sendError(req, res, 403, tIn(res.locals.lang as Language, 'error.csrf'));
      }
      if (status === 413)
        return sendError(req, res, 413, tIn(res.locals.lang as Language, 'error.tooLarge'));
      if (status >= 400 && status < 500)
        return sendError(req, res, 400, tIn(res.locals.lang as Language, 'error.unreadable'));
      return next(error);
    },
  );

  app.useGlobalFilters(new AppExceptionFilter());
  publishOpenApi(app);
}

/** The path (and query) of the page this request came from on this site, else the dashboard. */
function refererPath(req: Request): string {
  try {
    const from = new URL(req.get('referer') ?? '', `${req.protocol}://${req.get('host')}`);
    return from.host === req.get('host') ? `${from.pathname}${from.search}` : '/dashboard';
  } catch {
    return '/dashboard';
  }
}

/** The project root, whether running from src/ (tests) or dist/src/ (the built app). */
function findRoot(): string {
  const parent = join(__dirname, '..');
  return basename(parent) === 'dist' ? join(parent, '..') : parent;
}
