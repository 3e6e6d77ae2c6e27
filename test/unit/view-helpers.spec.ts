import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { hbsHelpers } from '../../src/hbs-helpers';
import { filesEndingIn } from '../support/files';

// Handlebars resolves a bare {{name}} to a helper before a field of the same name: a helper
// called `month` made {{month}} print "—" in links and form actions, and `evidence` put
// "[object Object]" into a textarea that was then saved over the real evidence. This check reads
// every view's syntax tree and fails where a bare name (no arguments) is also a helper's name;
// write {{this.name}} there, or name the helper as a verb or format.

const VIEWS = join(__dirname, '..', '..', 'views');
const BUILT_IN = [
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
];
const HELPERS = new Set([...Object.keys(hbsHelpers), ...BUILT_IN]);

interface Finding {
  file: string;
  line: number;
  name: string;
}

/** Bare names in mustaches and block openers that Handlebars would resolve to a helper. */
function ambiguousNames(source: string, file: string, helpers: Set<string>): Finding[] {
  const findings: Finding[] = [];
  class Visitor extends Handlebars.Visitor {
    private check(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement): void {
      const path = node.path as hbs.AST.PathExpression;
      const bare =
        path.type === 'PathExpression' &&
        path.parts.length === 1 &&
        path.depth === 0 &&
        !path.data &&
        !/^(this|\.)[./]/.test(path.original) &&
        node.params.length === 0 &&
        !node.hash;
      if (bare && helpers.has(path.parts[0]) && !BUILT_IN.includes(path.parts[0]))
        findings.push({ file, line: node.loc.start.line, name: path.parts[0] });
    }
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      this.check(node);
      super.MustacheStatement(node);
    }
    override BlockStatement(node: hbs.AST.BlockStatement): void {
      this.check(node);
      super.BlockStatement(node);
    }
  }
  new Visitor().accept(Handlebars.parse(source));
  return findings;
}

describe('views and helpers', () => {
  const files = filesEndingIn(VIEWS, '.hbs');

  it('finds the views', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no view prints a bare name that is also a helper (it would print the helper, not the field)', () => {
    const findings = files.flatMap((file) =>
      ambiguousNames(readFileSync(file, 'utf8'), relative(VIEWS, file), HELPERS),
    );
    expect(findings.map((f) => `${f.file}:${f.line} {{${f.name}}}`)).toEqual([]);
  });

  it('catches the defect it is for', () => {
    const findings = ambiguousNames(
      '<a href="/r/{{month}}">{{formatMonth month}}</a><textarea>{{evidence}}</textarea>{{this.month}}',
      'sample',
      new Set(['month', 'evidence', 'formatMonth']),
    );
    expect(findings.map((f) => `${f.name}@${f.line}`)).toEqual(['month@1', 'evidence@1']);
  });
});

describe('plural', () => {
  it('writes the count as every other number of the page', () => {
    expect(hbsHelpers.plural(1, 'pilot', 'pilots')).toBe('1 pilot');
    expect(hbsHelpers.plural(1980, 'other pilot', 'other pilots')).toBe('1,980 other pilots');
  });
});
