// What markdown-it takes from `entities` (decodeHTML, decodeHTMLStrict), on the one named reference it has matched
// ("&amp;"), read with decode-named-character-reference: micromark's table, which the package holds anyway. The
// `entities` table was a second copy of the same names (about 6 KB of the packed CLI). Unknown names stay as they are,
// as CommonMark reads them (entities' decodeHTML also took a known prefix without its ";", "&ampx;").
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

function decodeOne(text) {
  if (text.length > 2 && text.charCodeAt(0) === 38 && text.charCodeAt(text.length - 1) === 59) {
    const decoded = decodeNamedCharacterReference(text.slice(1, -1));
    if (decoded !== false) return decoded;
  }
  return text;
}

export const decodeHTML = decodeOne;
export const decodeHTMLStrict = decodeOne;
