// LLaMA-Factory counts `<image>`, `<video>` and `<audio>` in every message of a sharegpt record
// and refuses the whole file when a count differs from the record's media files
// (mm_plugin.py, _validate_messages). The rule here: the record's one media token is the
// studio's; a question that already holds exactly one token of its own kind (and no other)
// keeps it where it is; every other literal token, in the question or the CoT, loses its angle
// brackets ("<video>" → "video"), so the counts always match.

const TOKEN = /<(image|video|audio)>/g;

function neutralise(text: string): string {
  return text.replace(TOKEN, '$1');
}

/** The user turn's text with exactly one `<media>` token, and the assistant text with none. */
export function placeMediaToken(question: string, answer: string, media: 'image' | 'video'): { user: string; assistant: string } {
  const tokens = question.match(TOKEN) ?? [];
  const user = tokens.length === 1 && tokens[0] === `<${media}>` ? question : `<${media}>${neutralise(question)}`;
  return { user, assistant: neutralise(answer) };
}
