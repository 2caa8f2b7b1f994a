import fs from 'node:fs';
import path from 'node:path';
import { editDistance, normalize, stripMentions, tokenize, wordMatch } from '../../data/language/text';
import { detectLanguage } from '../../data/language/language';
import { readQuestion } from '../../data/language/lexicon';
import { highlight, searchStatements, splitCompound } from '../../data/language/search';
import { recognize, CONFIDENT } from '../../data/language/recognizer';
import { parseSubPageId, subPageId, tabLink } from '../../data/deep-links';

describe('text', () => {
  it('strips Teams mentions and markup', () => {
    expect(stripMentions('<at>Hvidovrevejen</at> hvad er <b>drift</b>?')).toBe('hvad er drift ?');
    expect(stripMentions('<at id="0">Bot Name</at>&nbsp;hej')).toBe('hej');
  });

  it('expands English contractions and keeps Danish letters', () => {
    expect(normalize("I'm a team leader, what's my role's part?")).toBe('i am a team leader, what my role part?');
    expect(tokenize('Sammen SKABER vi velfærd').map((t) => t.word)).toEqual(['sammen', 'skaber', 'vi', 'velfærd']);
  });

  it('measures typos, including swapped letters', () => {
    expect(editDistance('driften', 'drfiten')).toBe(1);
    expect(editDistance('centerchef', 'centerchefns')).toBe(2);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('matches inflections and typos, but not a known word that merely looks alike', () => {
    const t = (word: string, known = false) => ({ ...tokenize(word)[0], known });
    expect(wordMatch(t('lederens'), t('leder'))).toBe(1);
    expect(wordMatch(t('medarbejderes'), t('medarbejdere'))).toBe(1);
    expect(wordMatch(t('drfiten'), t('driften'))).toBeGreaterThan(0.8);
    expect(wordMatch(t('ledelses', true), t('ledelsen'))).toBe(0);
    expect(wordMatch(t('mål'), t('mal'))).toBe(0);
  });

  it('tells Danish from English', () => {
    expect(detectLanguage(tokenize('hvad er mit ansvar for driften?'), 'hvad er mit ansvar for driften?')).toBe('da');
    expect(detectLanguage(tokenize('what is my responsibility?'), 'what is my responsibility?')).toBe('en');
    expect(detectLanguage(tokenize('knowledge sharing'), 'knowledge sharing')).toBe('en');
    // The question's words first; the client's locale only when they do not tell.
    expect(detectLanguage(tokenize('hvad er drift'), 'hvad er drift', 'en-US')).toBe('da');
    expect(detectLanguage(tokenize('hej'), 'hej', 'en-US')).toBe('en');
    expect(detectLanguage(tokenize('hej'), 'hej', 'da-DK')).toBe('da');
  });

  it('reads Danish letters typed as ae/oe/aa against the words it knows, and leaves English alone', () => {
    const words = (q: string) => readQuestion(q).tokens.map((t) => t.word);
    expect(words('hvad goer jeg for velfaerd')).toEqual(['hvad', 'gør', 'jeg', 'for', 'velfærd']);
    expect(words('vaerdier og aabenhed')).toEqual(['værdier', 'og', 'åbenhed']);
    expect(words('what does the team do')).toEqual(['what', 'does', 'the', 'team', 'do']);
  });
});

describe('search', () => {
  it('finds a topic by stem, across compounds and through English synonyms', () => {
    const ids = (q: string) =>
      searchStatements(q)
        .hits.map((h) => h.statement.id)
        .sort();
    expect(ids('feedback')).toEqual(['medarbejder.driften.3', 'medarbejder.resultaterne.3', 'medarbejder.velfaerd.3']);
    expect(ids('kompetenceudvikling')).toEqual(expect.arrayContaining(['direktion.robust.2', 'centerchef.robust.4']));
    expect(ids('trust')).toEqual(ids('tillid'));
    expect(ids('kompetense')).not.toHaveLength(0);
    expect(ids('ferieplanlægning')).toEqual([]);
  });

  it('splits compounds only into words the charter uses', () => {
    expect(splitCompound('borgerinddragelse')).toEqual(['borger', 'inddragelse']);
    expect(splitCompound('ferieplanlægning')).toBeUndefined();
  });

  it('filters by row and marks the matched words for highlighting', () => {
    const hits = searchStatements('tillid', { rows: ['centerchef'] }).hits;
    expect(hits.map((h) => h.statement.id)).toEqual(['centerchef.robust.1']);
    const parts = highlight(hits[0].statement.text, hits[0].stems);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['tillidsfuldt']);
    expect(parts.map((p) => p.text).join('')).toBe(hits[0].statement.text);
  });
});

describe('recognizer', () => {
  it('never turns an out-of-scope question into a charter answer', () => {
    for (const q of ['hvornår har jeg ferie?', 'hvad er min løn', 'what is the weather like', 'asdf qwer']) {
      expect(['outOfScope', 'unknown']).toContain(recognize(q).intent);
    }
  });

  it('asks back rather than guessing when a role word fits two roles', () => {
    const r = recognize('hvad gør en leder for driften?');
    expect(r.confidence).toBeLessThan(CONFIDENT);
    expect(r.alternatives.map((a) => a.slots.role).sort()).toEqual(['leder-af-ledere', 'leder-af-medarbejdere']);
  });

  it('separates setting a role from asking with one', () => {
    expect(recognize('jeg er centerchef')).toMatchObject({ intent: 'setRole', slots: { role: 'centerchef' } });
    expect(recognize('jeg er centerchef, hvad forventes der af mig?')).toMatchObject({
      intent: 'role',
      slots: { role: 'centerchef', alsoSetRole: 'centerchef' },
    });
    expect(recognize('hvad forventes der af mig som centerchef?')).toMatchObject({ intent: 'role', slots: { role: 'centerchef' } });
  });

  it('knows job titles, says which it was, and does not take "lærer" the verb for one', () => {
    expect(recognize('jeg er pædagog')).toMatchObject({ intent: 'setRole', slots: { role: 'medarbejder', title: 'pædagog' } });
    expect(recognize('Jeg er lærer')).toMatchObject({ intent: 'setRole', slots: { role: 'medarbejder', title: 'lærer' } });
    expect(recognize('vi lærer af vores fejl').intent).toBe('topic');
    expect(recognize('jeg er chefen for et center').slots.role).toBe('centerchef');
  });

  it('marks follow-ups and bare names, which the conversation may complete', () => {
    expect(recognize('og for velfærd?').followUp).toBe(true);
    expect(recognize('what about employees?').followUp).toBe(true);
    expect(recognize('driften?').followUp).toBe(true);
    expect(recognize('hvad er centerchefens ansvar for driften?').followUp).toBeUndefined();
  });

  it('reads "my role" as the asker, and "vi" in a perspective title as no one', () => {
    expect(recognize('hvad er mit ansvar for driften').slots).toEqual({ self: true, perspective: 'driften' });
    expect(recognize('sammen skaber vi velfærd').intent).toBe('perspective');
  });

  it('runs without the DOM or Node: it has no imports beyond the charter modules and @orama/minisearch', () => {
    const dir = path.join(__dirname, '../../data/language');
    for (const f of fs.readdirSync(dir)) {
      const src = fs.readFileSync(`${dir}/${f}`, 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m: RegExpMatchArray) => m[1]);
      expect(imports.every((i: string) => i.startsWith('.') || i.startsWith('@orama/') || i === 'minisearch')).toBe(true);
      expect(src).not.toMatch(/\bprocess\.|\brequire\(|__dirname/);
    }
  });
});

describe('deep links', () => {
  it('round-trip a view through its sub-page id', () => {
    for (const v of [
      { view: 'cell', row: 'centerchef', perspective: 'driften' },
      { view: 'role', row: 'alle' },
      { view: 'perspective', perspective: 'robust' },
      { view: 'about' },
      { view: 'matrix' },
    ] as const) {
      expect(parseSubPageId(subPageId(v))).toEqual(v);
    }
    expect(parseSubPageId('cell/konge/driften')).toEqual({ view: 'matrix' });
    expect(parseSubPageId(undefined)).toEqual({ view: 'matrix' });
  });

  it('make a Teams deep link when the app id is known, else a plain tab URL', () => {
    const v = { view: 'cell', row: 'medarbejder', perspective: 'velfaerd' } as const;
    expect(tabLink(v, { tabUrl: 'http://localhost:3978/tab/' })).toBe('http://localhost:3978/tab/#cell/medarbejder/velfaerd');
    const link = new URL(tabLink(v, { teamsAppId: '11111111-2222-3333-4444-555555555555', tabUrl: 'https://hv.example/tab/' }));
    expect(link.host).toBe('teams.microsoft.com');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'cell/medarbejder/velfaerd' });
  });
});

describe('the reading memo', () => {
  it('shares a reading whose words tell the language across locales', () => {
    const q = 'hvad er mit ansvar for en robust organisation?';
    const da = recognize(q, { locale: 'da-DK', asker: 'medarbejder' });
    expect(recognize(q, { locale: 'en-US', asker: 'medarbejder' })).toBe(da);
    expect(da.language).toBe('da');
  });

  it('keeps a reading the locale decides apart per locale language', () => {
    expect(recognize('hej', { locale: 'en-US' }).language).toBe('en');
    expect(recognize('hej', { locale: 'da-DK' }).language).toBe('da');
    expect(recognize('hej', { locale: 'en-GB' }).language).toBe('en');
  });
});

describe('the conversation’s language', () => {
  it('outweighs the charter’s own words alone ("robust organisation" in an English conversation)', () => {
    expect(recognize('robust organisation?', { locale: 'da-DK', conversation: 'en' }).language).toBe('en');
    expect(recognize('robust organisation?', { locale: 'da-DK' }).language).toBe('da');
  });

  it('does not outweigh a Danish question', () => {
    expect(recognize('hvad skal jeg gøre for driften?', { locale: 'en-US', conversation: 'en' }).language).toBe('da');
  });
});
