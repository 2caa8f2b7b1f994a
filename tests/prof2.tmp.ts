import { recognizeUncached } from '../data/language/recognizer';
import { stripMentions, tokenize } from '../data/language/text';
import { readQuestion } from '../data/language/lexicon';
const randomWords = () => { let s = ''; while (s.length < 30_000) s += `${Math.random().toString(36).slice(2, 3 + Math.floor(Math.random() * 7))} `; return s.slice(0, 30_000); };
recognizeUncached('hej');
const t = (f: () => unknown) => { const a = process.hrtime.bigint(); f(); return (Number(process.hrtime.bigint() - a) / 1e6).toFixed(1); };
for (let i = 0; i < 30; i++) {
  const text = randomWords();
  const r = [t(() => stripMentions(text)), t(() => tokenize(text)), t(() => readQuestion(text)), t(() => recognizeUncached(text))];
  if (i > 20) console.log(r.join(' '));
}
