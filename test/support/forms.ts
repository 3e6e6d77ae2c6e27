import type request from 'supertest';

type Agent = ReturnType<typeof request.agent>;
export type FormFields = Record<
  string,
  string | number | boolean | null | undefined | Array<string | number>
>;

/** The CSRF token printed in a page's form. */
export function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('The page has no CSRF token');
  return match[1];
}

/** Encodes fields as a browser does: repeated names for checkbox groups, nothing for unchecked boxes. */
export function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value])
      params.append(name, value === true ? 'on' : String(item));
  }
  return params.toString();
}

/** Opens the page that holds the form, then posts the form with its token, as a browser would. */
export async function submit(agent: Agent, pageUrl: string, action: string, fields: FormFields) {
  const page = await agent.get(pageUrl).expect(200);
  return agent
    .post(action)
    .type('form')
    .send(encodeForm({ ...fields, _csrf: csrfToken(page.text) }));
}

/** Decodes the entities Handlebars escapes, to compare page text with what was typed. */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}

/**
 * The fields of the page's form posting to `action`, as a browser would send them unchanged:
 * inputs with their values (checked boxes only), textareas' text, selects' chosen option.
 * Submitting what the page shows is what catches a field rendered wrongly.
 */
export function renderedForm(html: string, action: string | RegExp): FormFields {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
  const form = forms.find(([, attrs]) => {
    const found = /action="([^"]*)"/.exec(attrs)?.[1] ?? '';
    return typeof action === 'string' ? unescapeHtml(found) === action : action.test(found);
  });
  if (!form) throw new Error(`The page has no form posting to ${String(action)}`);
  const body = form[2];
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: string) => (fields[name] ??= []).push(unescapeHtml(value));
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'submit' || type === 'file') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    add(name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const [, attrs, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(attrs, 'name');
    if (name) add(name, text.replace(/^\n/, ''));
  }
  for (const [, attrs, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(attrs, 'name');
    if (!name) continue;
    const all = [...options.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)];
    const chosen = all.filter(([, a]) => /\sselected\b/.test(a));
    for (const [, a, label] of chosen.length ? chosen : all.slice(0, 1))
      add(name, attr(a, 'value') ?? label.trim());
  }
  return Object.fromEntries(
    Object.entries(fields).map(([name, values]) => [
      name,
      values.length === 1 ? values[0] : values,
    ]),
  );
}

/**
 * Opens the page, takes its form as rendered (hidden fields such as the version included),
 * changes the given fields and posts it, as a user filling in the form would.
 */
export async function fillAndSubmit(
  agent: Agent,
  pageUrl: string,
  action: string,
  fields: FormFields,
) {
  const page = await agent.get(pageUrl).expect(200);
  return agent
    .post(action)
    .type('form')
    .send(encodeForm({ ...renderedForm(page.text, action), ...fields }));
}

/**
 * Attaches a file with the upload form the page shows for `action` (its CSRF token in its URL,
 * as the browser sends it), as multipart/form-data.
 */
export async function attachFile(
  agent: Agent,
  pageUrl: string,
  action: string,
  fileName: string,
  content: Buffer,
) {
  const page = await agent.get(pageUrl).expect(200);
  const escaped = action.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const found = new RegExp(`action="(${escaped}\\?_csrf=[^"]+)"`).exec(page.text);
  if (!found) throw new Error(`${pageUrl} has no upload form posting to ${action}`);
  return agent.post(unescapeHtml(found[1])).attach('file', content, fileName);
}
