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
