import { withoutForbiddenCharacters } from '../../../src/index.ts';

/**
 * Text for an XML document (SVG badges, the PNG preview): characters XML cannot hold are dropped
 * (documents stored before the API refused them may contain some), then the markup is escaped.
 */
export const xmlText = (s: string) =>
  withoutForbiddenCharacters(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
