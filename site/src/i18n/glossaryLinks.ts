import type { UiWords } from './en.ts';

/** A piece of a sentence: plain text, or the first use on its page of a glossary term. */
export interface GlossedText {
  text: string;
  term?: string;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Links each glossary term's first use on a page: one linker per page, called on its sentences in
 * reading order. A Latin term matches whole words only ("CI" not in "CIFAR"); words are text, never HTML.
 */
export function glossaryLinker(glossary: UiWords['glossary']): (sentence: string) => GlossedText[] {
  const termOf = new Map<string, string>();
  for (const t of glossary.terms) for (const use of t.uses) termOf.set(use, t.id);
  const uses = [...termOf.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(uses.map((u) => (/^[A-Za-z]/.test(u) ? `(?<![A-Za-z])${literal(u)}(?![A-Za-z])` : literal(u))).join('|'), 'g');
  const linked = new Set<string>();
  return (sentence) => {
    const out: GlossedText[] = [];
    let at = 0;
    for (const m of sentence.matchAll(pattern)) {
      const term = termOf.get(m[0]) as string;
      if (linked.has(term)) continue;
      linked.add(term);
      if (m.index > at) out.push({ text: sentence.slice(at, m.index) });
      out.push({ text: m[0], term });
      at = m.index + m[0].length;
    }
    if (at < sentence.length) out.push({ text: sentence.slice(at) });
    return out;
  };
}
