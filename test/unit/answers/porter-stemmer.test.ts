import { describe, expect, it } from 'vitest';
import { porterStem } from '@/lib/answers/porter-stemmer';

// Expected stems are NLTK 3.8's PorterStemmer output (the stemmer rouge_score
// uses). Most words are the examples from Porter's 1980 paper, one or more per
// rule; the implementation was also checked against NLTK on ~28k words.
const SAME_IN_EVERY_MODE: ReadonlyArray<[string, string]> = [
  // step 1a
  ['caresses', 'caress'], ['ponies', 'poni'], ['caress', 'caress'], ['cats', 'cat'],
  // step 1b
  ['feed', 'feed'], ['agreed', 'agre'], ['plastered', 'plaster'], ['bled', 'bled'],
  ['motoring', 'motor'], ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'],
  ['sized', 'size'], ['hopping', 'hop'], ['tanned', 'tan'], ['falling', 'fall'],
  ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'], ['filing', 'file'],
  ['running', 'run'], ['spied', 'spi'], ['flies', 'fli'], ['oed', 'o'],
  // step 1c
  ['happy', 'happi'], ['sky', 'sky'], ['syzygy', 'syzygi'],
  // step 2
  ['relational', 'relat'], ['conditional', 'condit'], ['rational', 'ration'],
  ['valenci', 'valenc'], ['hesitanci', 'hesit'], ['digitizer', 'digit'],
  ['conformabli', 'conform'], ['radicalli', 'radic'], ['differentli', 'differ'],
  ['vileli', 'vile'], ['analogousli', 'analog'], ['vietnamization', 'vietnam'],
  ['predication', 'predic'], ['operator', 'oper'], ['feudalism', 'feudal'],
  ['decisiveness', 'decis'], ['hopefulness', 'hope'], ['callousness', 'callous'],
  ['formaliti', 'formal'], ['sensitiviti', 'sensit'], ['sensibiliti', 'sensibl'],
  ['generalization', 'gener'],
  // step 3
  ['triplicate', 'triplic'], ['formative', 'form'], ['formalize', 'formal'],
  ['electriciti', 'electr'], ['electrical', 'electr'], ['hopeful', 'hope'], ['goodness', 'good'],
  // step 4
  ['revival', 'reviv'], ['allowance', 'allow'], ['inference', 'infer'], ['airliner', 'airlin'],
  ['gyroscopic', 'gyroscop'], ['adjustable', 'adjust'], ['defensible', 'defens'],
  ['irritant', 'irrit'], ['replacement', 'replac'], ['adjustment', 'adjust'],
  ['dependent', 'depend'], ['adoption', 'adopt'], ['homologou', 'homolog'],
  ['communism', 'commun'], ['activate', 'activ'], ['angulariti', 'angular'],
  ['homologous', 'homolog'], ['effective', 'effect'], ['bowdlerize', 'bowdler'],
  // the longest matching suffix decides, even when its condition fails
  ['agreement', 'agreement'],
  // step 5
  ['probate', 'probat'], ['rate', 'rate'], ['cease', 'ceas'], ['controll', 'control'], ['roll', 'roll'],
];

describe('porterStem', () => {
  it.each(SAME_IN_EVERY_MODE)('stems %s to %s in every mode', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
    expect(porterStem(word, 'nltk')).toBe(stem);
    expect(porterStem(word, 'martin')).toBe(stem);
    expect(porterStem(word, 'original')).toBe(stem);
  });

  // [word, nltk, martin, original]
  it.each([
    ['ties', 'tie', 'ti', 'ti'],
    ['dies', 'die', 'di', 'di'],
    ['died', 'die', 'di', 'di'],
    ['enjoy', 'enjoy', 'enjoi', 'enjoi'],
    ['dying', 'die', 'dy', 'dy'],
    ['lying', 'lie', 'ly', 'ly'],
    ['skies', 'sky', 'ski', 'ski'],
    ['news', 'news', 'new', 'new'],
    ['innings', 'inning', 'in', 'in'],
    ['proceed', 'proceed', 'proce', 'proce'],
    ['succeed', 'succeed', 'succe', 'succe'],
    ['geology', 'geolog', 'geologi', 'geologi'],
    ['archaeology', 'archaeolog', 'archaeolog', 'archaeologi'],
    ['hopefully', 'hope', 'hopefulli', 'hopefulli'],
    ['is', 'is', 'is', 'i'],
    ['as', 'as', 'as', 'a'],
  ])('stems %s per mode (nltk %s, martin %s, original %s)', (word, nltk, martin, original) => {
    expect(porterStem(word, 'nltk')).toBe(nltk);
    expect(porterStem(word, 'martin')).toBe(martin);
    expect(porterStem(word, 'original')).toBe(original);
  });

  it('defaults to the NLTK extensions, as rouge_score does', () => {
    expect(porterStem('dies')).toBe('die');
  });

  it('lower-cases its input but looks irregular forms up as given, like NLTK', () => {
    expect(porterStem('Running')).toBe('run');
    expect(porterStem('SKY')).toBe('ski');
  });

  it('leaves digits and very short or empty words alone', () => {
    expect(porterStem('2024')).toBe('2024');
    expect(porterStem('a')).toBe('a');
    expect(porterStem('')).toBe('');
  });

  it('copes with long runs of y without recursion limits', () => {
    expect(porterStem('y'.repeat(50_000)).length).toBeGreaterThan(0);
  });
});
