/**
 * Each distinct text once, in `words`, with `of(text)` its position there: how rows are sent to
 * and from worker threads as arrays of numbers (copying many small strings and objects across
 * costs the request loop far more than a few typed arrays).
 */
export function wordList(): { words: string[]; of(word: string): number } {
  const words: string[] = [];
  const position = new Map<string, number>();
  return {
    words,
    of(word: string): number {
      let at = position.get(word);
      if (at === undefined) position.set(word, (at = words.push(word) - 1));
      return at;
    },
  };
}

/** A reason as the start of a message: its first letter capitalised. */
export function capitalised(text: string): string {
  return text ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

/** A reason as a sentence of its own: capitalised, with a full stop unless it ends in one. */
export function sentence(reason: string): string {
  const text = capitalised(reason);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
