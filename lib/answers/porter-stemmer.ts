/**
 * The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980),
 * written to reproduce NLTK's `PorterStemmer` word for word, because that is
 * the stemmer Google's `rouge_score` uses when `use_stemmer=True` and the
 * free-form reward is ROUGE with stemming.
 *
 * Modes (NLTK's names):
 * - `'nltk'` (NLTK_EXTENSIONS, NLTK's default and so what rouge_score runs):
 *   Porter's later fixes plus NLTK's irregular-form table, 'ies'/'ied' rules
 *   for four-letter words and a stricter y -> i rule.
 * - `'martin'` (MARTIN_EXTENSIONS): only the fixes in Porter's own reference
 *   implementations.
 * - `'original'` (ORIGINAL_ALGORITHM): the 1980 paper as published.
 *
 * Input is expected to be a lower-case ASCII word (rouge_score feeds it only
 * [a-z0-9] tokens); other characters are treated as consonants.
 */

export type PorterMode = 'nltk' | 'martin' | 'original';

// NLTK_EXTENSIONS only: forms the rules get wrong, mapped straight to a stem.
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

function isVowelLetter(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
}

/**
 * Per-letter consonant flags. 'y' is a consonant at the start or after a
 * vowel and a vowel after a consonant (so the 'y's of "syzygy" alternate);
 * computed left to right instead of recursively so long tokens cannot
 * exhaust the stack.
 */
function consonantFlags(word: string): boolean[] {
  const flags: boolean[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (isVowelLetter(ch)) flags.push(false);
    else if (ch === 'y') flags.push(i === 0 ? true : !flags[i - 1]);
    else flags.push(true);
  }
  return flags;
}

function isConsonant(word: string, i: number): boolean {
  return consonantFlags(word)[i] ?? false;
}

/** Porter's m: the number of vowel-run -> consonant-run transitions, i.e. [C](VC){m}[V]. */
function measure(stem: string): number {
  const flags = consonantFlags(stem);
  let m = 0;
  for (let i = 1; i < flags.length; i++) if (!flags[i - 1] && flags[i]) m++;
  return m;
}

function containsVowel(stem: string): boolean {
  return consonantFlags(stem).some((c) => !c);
}

/** Condition *d: ends with a doubled consonant. */
function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/**
 * Condition *o: ends consonant-vowel-consonant, the last not w, x or y
 * ("hop", "wil"). NLTK also counts a two-letter vowel-consonant stem.
 */
function endsCvc(word: string, mode: PorterMode): boolean {
  const n = word.length;
  const f = consonantFlags(word);
  if (n >= 3 && f[n - 3] && !f[n - 2] && f[n - 1] && !'wxy'.includes(word[n - 1]!)) return true;
  return mode === 'nltk' && n === 2 && !f[0] && f[1] === true;
}

type Condition = (stem: string) => boolean;
interface Rule {
  suffix: string;
  replacement: string;
  condition?: Condition;
}

const hasPositiveMeasure: Condition = (stem) => measure(stem) > 0;
const measureAbove1: Condition = (stem) => measure(stem) > 1;

/**
 * Applies the first rule whose suffix the word ends with. If that rule's
 * condition fails the word is returned unchanged: later (shorter) suffixes
 * are not tried, which is how the paper's "longest match" reading works out.
 */
function applyFirstMatching(word: string, rules: readonly Rule[]): string {
  for (const { suffix, replacement, condition } of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return !condition || condition(stem) ? stem + replacement : word;
  }
  return word;
}

function step1a(word: string, mode: PorterMode): string {
  // NLTK: "dies" -> "die" (not "di") while "flies" -> "fli".
  if (mode === 'nltk' && word.length === 4 && word.endsWith('ies')) return word.slice(0, -3) + 'ie';
  return applyFirstMatching(word, [
    { suffix: 'sses', replacement: 'ss' },
    { suffix: 'ies', replacement: 'i' },
    { suffix: 'ss', replacement: 'ss' },
    { suffix: 's', replacement: '' },
  ]);
}

function step1b(word: string, mode: PorterMode): string {
  if (mode === 'nltk' && word.endsWith('ied')) {
    // "died" -> "die" but "spied" -> "spi".
    return word.slice(0, -3) + (word.length === 4 ? 'ie' : 'i');
  }
  if (word.endsWith('eed')) {
    // "feed" stays "feed": when EED is present the ED rule is not consulted.
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }
  let stem: string | null = null;
  for (const suffix of ['ed', 'ing']) {
    if (word.endsWith(suffix)) {
      const candidate = word.slice(0, -suffix.length);
      if (containsVowel(candidate)) stem = candidate;
      break;
    }
  }
  if (stem === null) return word;

  // Tidy-up after removing -ed/-ing, so -ate/-ble/-ize are recognised later.
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem)) {
    return 'lsz'.includes(stem[stem.length - 1]!) ? stem : stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem, mode)) return stem + 'e';
  return stem;
}

function step1c(word: string, mode: PorterMode): string {
  // NLTK turns y into i only after a consonant that is not the whole stem,
  // so "enjoy" keeps its y but "happy" -> "happi"; the paper only requires
  // a vowel somewhere in the stem.
  const condition: Condition =
    mode === 'nltk' ? (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1) : containsVowel;
  return applyFirstMatching(word, [{ suffix: 'y', replacement: 'i', condition }]);
}

function step2(word: string, mode: PorterMode): string {
  if (mode === 'nltk' && word.endsWith('alli') && hasPositiveMeasure(word.slice(0, -4))) {
    // NLTK applies ALLI -> AL first and gives the result another pass.
    return step2(word.slice(0, -4) + 'al', mode);
  }
  const rules: Rule[] = [
    { suffix: 'ational', replacement: 'ate', condition: hasPositiveMeasure },
    { suffix: 'tional', replacement: 'tion', condition: hasPositiveMeasure },
    { suffix: 'enci', replacement: 'ence', condition: hasPositiveMeasure },
    { suffix: 'anci', replacement: 'ance', condition: hasPositiveMeasure },
    { suffix: 'izer', replacement: 'ize', condition: hasPositiveMeasure },
    // Porter later replaced the paper's ABLI -> ABLE with BLI -> BLE.
    mode === 'original'
      ? { suffix: 'abli', replacement: 'able', condition: hasPositiveMeasure }
      : { suffix: 'bli', replacement: 'ble', condition: hasPositiveMeasure },
    { suffix: 'alli', replacement: 'al', condition: hasPositiveMeasure },
    { suffix: 'entli', replacement: 'ent', condition: hasPositiveMeasure },
    { suffix: 'eli', replacement: 'e', condition: hasPositiveMeasure },
    { suffix: 'ousli', replacement: 'ous', condition: hasPositiveMeasure },
    { suffix: 'ization', replacement: 'ize', condition: hasPositiveMeasure },
    { suffix: 'ation', replacement: 'ate', condition: hasPositiveMeasure },
    { suffix: 'ator', replacement: 'ate', condition: hasPositiveMeasure },
    { suffix: 'alism', replacement: 'al', condition: hasPositiveMeasure },
    { suffix: 'iveness', replacement: 'ive', condition: hasPositiveMeasure },
    { suffix: 'fulness', replacement: 'ful', condition: hasPositiveMeasure },
    { suffix: 'ousness', replacement: 'ous', condition: hasPositiveMeasure },
    { suffix: 'aliti', replacement: 'al', condition: hasPositiveMeasure },
    { suffix: 'iviti', replacement: 'ive', condition: hasPositiveMeasure },
    { suffix: 'biliti', replacement: 'ble', condition: hasPositiveMeasure },
  ];
  if (mode === 'nltk') {
    rules.push({ suffix: 'fulli', replacement: 'ful', condition: hasPositiveMeasure });
    // The measure includes the 'l', so short stems like "geo-", "theo-" qualify.
    rules.push({ suffix: 'logi', replacement: 'log', condition: () => hasPositiveMeasure(word.slice(0, -3)) });
  } else if (mode === 'martin') {
    rules.push({ suffix: 'logi', replacement: 'log', condition: hasPositiveMeasure });
  }
  return applyFirstMatching(word, rules);
}

const STEP3_RULES: readonly Rule[] = [
  { suffix: 'icate', replacement: 'ic', condition: hasPositiveMeasure },
  { suffix: 'ative', replacement: '', condition: hasPositiveMeasure },
  { suffix: 'alize', replacement: 'al', condition: hasPositiveMeasure },
  { suffix: 'iciti', replacement: 'ic', condition: hasPositiveMeasure },
  { suffix: 'ical', replacement: 'ic', condition: hasPositiveMeasure },
  { suffix: 'ful', replacement: '', condition: hasPositiveMeasure },
  { suffix: 'ness', replacement: '', condition: hasPositiveMeasure },
];

const STEP4_RULES: readonly Rule[] = [
  { suffix: 'al', replacement: '', condition: measureAbove1 },
  { suffix: 'ance', replacement: '', condition: measureAbove1 },
  { suffix: 'ence', replacement: '', condition: measureAbove1 },
  { suffix: 'er', replacement: '', condition: measureAbove1 },
  { suffix: 'ic', replacement: '', condition: measureAbove1 },
  { suffix: 'able', replacement: '', condition: measureAbove1 },
  { suffix: 'ible', replacement: '', condition: measureAbove1 },
  { suffix: 'ant', replacement: '', condition: measureAbove1 },
  { suffix: 'ement', replacement: '', condition: measureAbove1 },
  { suffix: 'ment', replacement: '', condition: measureAbove1 },
  { suffix: 'ent', replacement: '', condition: measureAbove1 },
  { suffix: 'ion', replacement: '', condition: (stem) => measureAbove1(stem) && /[st]$/.test(stem) },
  { suffix: 'ou', replacement: '', condition: measureAbove1 },
  { suffix: 'ism', replacement: '', condition: measureAbove1 },
  { suffix: 'ate', replacement: '', condition: measureAbove1 },
  { suffix: 'iti', replacement: '', condition: measureAbove1 },
  { suffix: 'ous', replacement: '', condition: measureAbove1 },
  { suffix: 'ive', replacement: '', condition: measureAbove1 },
  { suffix: 'ize', replacement: '', condition: measureAbove1 },
];

function step5a(word: string, mode: PorterMode): string {
  // Two rules share the suffix E, and unlike elsewhere both conditions are
  // tried: (m>1) E -> , then (m=1 and not *o) E -> .
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  if (m > 1) return stem;
  if (m === 1 && !endsCvc(stem, mode)) return stem;
  return word;
}

function step5b(word: string): string {
  // (m>1 and *d and *L) -> single letter; m is measured with both l's present.
  return word.endsWith('ll') && measure(word.slice(0, -1)) > 1 ? word.slice(0, -1) : word;
}

/** Stems one word. Mirrors `nltk.stem.porter.PorterStemmer(mode).stem(word)`. */
export function porterStem(word: string, mode: PorterMode = 'nltk'): string {
  const lower = word.toLowerCase();
  // NLTK looks the irregular table up with the word as given, before lowering.
  if (mode === 'nltk') {
    const irregular = IRREGULAR_FORMS.get(word);
    if (irregular !== undefined) return irregular;
  }
  // The extensions leave one- and two-letter words alone; the paper does not.
  if (mode !== 'original' && word.length <= 2) return lower;

  let stem = step1a(lower, mode);
  stem = step1b(stem, mode);
  stem = step1c(stem, mode);
  stem = step2(stem, mode);
  stem = applyFirstMatching(stem, STEP3_RULES);
  stem = applyFirstMatching(stem, STEP4_RULES);
  stem = step5a(stem, mode);
  return step5b(stem);
}
