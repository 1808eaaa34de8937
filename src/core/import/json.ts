// JSON.parse, and on failure one message that says where the text broke: line, column and character offset.
// V8's own messages do not always give a position, so jsonc-parser (already a dependency) finds the first error.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportError } from './types';

/** A record as JSON for a message, at most `max` characters; JSON.stringify overflows the stack some 4,000 levels deep. */
export function jsonPreview(value: unknown, max = 200): string {
  try {
    return String(JSON.stringify(value)).slice(0, max);
  } catch {
    return '(a value nested too deeply to show)';
  }
}

export function parseJson(text: string, name: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const errors: ParseError[] = [];
    try {
      parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // parseTree recurses per level: text nested some 5,000 deep overflows the stack. V8's message then.
      errors.length = 0;
    }
    const first = errors[0];
    if (!first) throw new ImportError(`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
    const before = body.slice(0, first.offset);
    const line = before.split('\n').length;
    const col = first.offset - before.lastIndexOf('\n');
    const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    throw new ImportError(`${name} is not valid JSON: line ${line}, column ${col} (character ${first.offset}): ${reason}.`);
  }
}
