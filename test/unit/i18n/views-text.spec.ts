import { readFileSync } from 'node:fs';
import { filesEndingIn } from '../../support/files';
import { join, relative } from 'node:path';

// No view holds text of its own: every word a page shows comes from the catalogues through
// {{t "key"}}, so that each page exists in Dutch and in English. What a view may still hold
// literally: markup, punctuation and symbols, file formats (CSV, JSON), code (<code>DEMO_DATA=off</code>), and names of
// the languages inside an element marked with their own lang.

const VIEWS = join(__dirname, '..', '..', '..', 'views');

/** Views not yet moved to the catalogues (issue 20): this list only shrinks. */
const PENDING = new Set<string>([]);

/** Named arguments of partials and helpers that are shown as text. */
const TEXT_ARGUMENTS =
  /\b(label|legend|hint|blank|placeholder|sub|title|summary|caption|heading|text|note|empty)="([^"]*)"/g;
/** Attributes whose values are read out or shown. */
const TEXT_ATTRIBUTES =
  /\s(title|placeholder|aria-label|alt|aria-description|aria-roledescription)="([^"]*)"/g;

/** The literal texts of a view, each with its line. */
export function literalTexts(source: string): string[] {
  const found: string[] = [];
  const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
  // Comments and scripts are not shown.
  let text = source
    .replace(/\{\{!--[\s\S]*?--\}\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, (m) => m.replace(/[^\n]/g, ' '));
  // Text handed to partials and helpers: {{> forms/field label="Name"}}.
  for (const mustache of text.matchAll(/\{\{[\s\S]*?\}\}/g))
    for (const arg of mustache[0].matchAll(TEXT_ARGUMENTS))
      if (/\p{L}/u.test(arg[2]))
        found.push(`${lineOf(text, mustache.index)}: ${arg[1]}="${arg[2]}"`);
  // Then the expressions themselves go (their output is checked on the rendered pages).
  text = text.replace(/\{\{\{?[\s\S]*?\}?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
  // Code and elements in a language of their own.
  text = text
    .replace(/<code\b[^>]*>[^<]*<\/code>/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<(\w+)\b[^>]*\slang="[a-z]+"[^>]*>[\s\S]*?<\/\1>/g, (m) => m.replace(/[^\n]/g, ' '));
  for (const tag of text.matchAll(/<[^>]+>/g))
    for (const attr of tag[0].matchAll(TEXT_ATTRIBUTES))
      if (/\p{L}/u.test(attr[2])) found.push(`${lineOf(text, tag.index)}: ${attr[1]}="${attr[2]}"`);
  text = text
    .replace(/<[^>]+>/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/&[#\w]+;/g, ' ')
    // Names of file formats are the same in every language.
    .replace(/\b(CSV|JSON)\b/g, ' ');
  for (const words of text.matchAll(/[^\s][^\n]*[^\s]|[^\s]/g))
    if (/\p{L}/u.test(words[0])) found.push(`${lineOf(text, words.index)}: ${words[0].trim()}`);
  return found;
}

describe('views', () => {
  it('finds literal text where it is (the check itself)', () => {
    expect(literalTexts('<p>Hello {{name}}</p>')).toEqual(['1: Hello']);
    expect(literalTexts('{{> forms/field name="x" label="Name"}}')).toEqual(['1: label="Name"']);
    expect(literalTexts('<a title="Open it" href="/x">{{t "a.b"}}</a>')).toEqual([
      '1: title="Open it"',
    ]);
    expect(
      literalTexts(
        '{{!-- A comment --}}<p>{{t "x.y"}} <code>DEMO_DATA=off</code> · 12 %</p>\n<b lang="en">English</b>',
      ),
    ).toEqual([]);
  });

  it('show no text of their own: every word comes from the catalogues', () => {
    const offending = filesEndingIn(VIEWS, '.hbs')
      .map((file) => relative(VIEWS, file))
      .filter((name) => !PENDING.has(name))
      .flatMap((name) =>
        literalTexts(readFileSync(join(VIEWS, name), 'utf8')).map((found) => `${name}:${found}`),
      );
    expect(offending).toEqual([]);
  });

  it('list as pending only views that still hold text', () => {
    const done = [...PENDING].filter(
      (name) => literalTexts(readFileSync(join(VIEWS, name), 'utf8')).length === 0,
    );
    expect(done).toEqual([]);
  });
});
