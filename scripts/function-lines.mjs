// @ts-check
/**
 * Fails when a function in src/ has more than MAX_LINES non-blank lines in its body, the
 * functions nested in it included: what a reader must hold to follow it.
 *
 *   node scripts/function-lines.mjs          (part of `npm run lint`)
 *
 * Biome's noExcessiveLinesPerFunction counts neither the lines of a returned JSX tree nor those
 * of nested functions, so a 94-line component passed it; this counts what is on the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const MAX_LINES = 60;
const ROOT = 'src';

/** @type {(dir: string) => string[]} every .ts and .tsx file under `dir` */
const sourceFiles = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'))
    .map((path) => join(dir, path));

/**
 * The functions of one file longer than MAX_LINES, as "path:line name (N lines)".
 * @param {string} path
 * @returns {string[]}
 */
function longFunctionsIn(path) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  /** @type {string[]} */
  const found = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const body = file.text.slice(node.body.getStart(file), node.body.end);
      const lines = body.split('\n').filter((line) => line.trim() !== '').length;
      if (lines > MAX_LINES) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        const name = node.name ? node.name.getText(file) : '(anonymous)';
        found.push(`${path}:${line + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const long = sourceFiles(ROOT).flatMap(longFunctionsIn);
if (long.length > 0) {
  console.error(`Functions over ${MAX_LINES} non-blank lines — split them by what each part does:`);
  for (const entry of long) console.error(`  ${entry}`);
  process.exit(1);
}
console.log(`function-lines: every function in ${ROOT}/ is within ${MAX_LINES} non-blank lines.`);
