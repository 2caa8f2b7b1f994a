// Key → file path and key → blob name: reversible (so injective), within
// the file systems' and Azure's limits, and prefix-preserving, so list(prefix)
// finds every key. Checked on examples and on fast-check's generated keys,
// which lean on the characters that break naive encodings.
import fc from 'fast-check';
import { HASHED, keyFromParts, keyPath, MAX_COMPONENT, MAX_DIRS, prefixFolder } from '../../bot/storage/file-names';
import { blobName, blobPrefixes, HASHED_NAME, keyFromBlobName } from '../../bot/storage/blob-names';

const tricky = fc.constantFrom(
  '/',
  '/',
  '.',
  '~',
  '+',
  '=',
  'A',
  'a',
  'Z',
  '0',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uFFFD',
  'ø',
  '%',
  ' ',
  '_',
  '-',
  ':',
  '@',
);
const unit = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const shortKey = fc.string({ unit, maxLength: 40 });
/** Up to ~16,000 characters: long segments, deep paths, hashed names. */
const anyKey = fc.oneof(
  shortKey,
  fc.tuple(shortKey, fc.integer({ min: 1, max: 400 })).map(([s, n]) => s.repeat(n)),
);
const keyAndPrefix = anyKey.chain((key) => fc.integer({ min: 0, max: key.length }).map((i) => [key, key.slice(0, i)] as const));
const RUNS = { numRuns: 2000 };

describe('file names', () => {
  it.each([
    ['users/7', 'users/7.json'],
    ['A', '~41.json'],
    ['a//b', 'a/~/b.json'],
    ['', '~.json'],
    ['.', '~2e.json'],
    ['..', '~2e~2e.json'],
    ['\uD800', '+d800.json'],
    ['\uDC00', '+dc00.json'],
    ['\uFFFD', '+fffd.json'],
    ['ø/x', '+00f8/x.json'],
  ])('names %j as %s', (key, file) => {
    expect(keyPath(key).parts.join('/')).toBe(file);
  });

  it('hashes an over-long segment, and only that one', () => {
    const { parts, hashed } = keyPath(`users/${'x'.repeat(MAX_COMPONENT + 1)}`);
    expect(hashed).toBe(true);
    expect(parts).toEqual(['users', expect.stringMatching(/^=[0-9a-f]{64}\.json$/)]);
  });

  it.each([
    ['a non-canonical escape of a kept letter', ['~61.json']],
    ['an upper-case letter', ['A.json']],
    ['a 2-digit escape of a non-ASCII unit', ['~e6.json']],
    ['a 4-digit escape of an ASCII unit', ['+0041.json']],
    ['upper-case hex', ['+00D8.json']],
    ['a temp file', ['a.json.123-abcd.tmp']],
    ['folders deeper than the fold', Array.from({ length: 40 }, (_, i) => (i === 39 ? 'x.json' : 'd'))],
    ['a folded name where nothing needed folding', ['a~2fb.json']],
  ])('does not take %s for a record', (_name, parts) => {
    expect(keyFromParts(parts)).toBeUndefined();
  });

  it('reads every key back from its path unless the path holds a hash', () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const { parts, hashed } = keyPath(key);
        expect(keyFromParts(parts)).toBe(hashed ? HASHED : key);
      }),
      RUNS,
    );
  });

  it('gives distinct keys distinct paths', () => {
    fc.assert(
      fc.property(anyKey, anyKey, (a, b) => a === b || keyPath(a).parts.join('/') !== keyPath(b).parts.join('/')),
      RUNS,
    );
  });

  it('uses only lower-case-safe characters and short names, within PATH_MAX', () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const { parts } = keyPath(key);
        for (const part of parts) expect(part).toMatch(/^[a-z0-9_~+=-]+(\.json)?$/);
        expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(MAX_COMPONENT + '.json'.length);
        expect(parts.join('/').length).toBeLessThanOrEqual(MAX_DIRS + MAX_COMPONENT + '.json'.length);
      }),
      RUNS,
    );
  });

  it('keeps every key inside the folder its prefixes name, which list() walks', () => {
    fc.assert(
      fc.property(keyAndPrefix, ([key, prefix]) => {
        const folder = prefixFolder(prefix);
        expect(keyPath(key).parts.slice(0, folder.length)).toEqual(folder);
      }),
      RUNS,
    );
  });
});

describe('blob names', () => {
  it.each([
    ['users/00000000-0000-0000-0000-000000000001', 'users/00000000-0000-0000-0000-000000000001'],
    ['installs/19:abc@thread.tacv2', 'installs/19:abc@thread.tacv2'],
    ['a//b', 'a/~/b'],
    ['trailing/', 'trailing/~'],
    ['.', '~002E'],
    ['..', '.~002E'],
    ['a./b', 'a~002E/b'],
    ['ø', '~00F8'],
    ['\uD800', '~D800'],
    ['~', '~007E'],
  ])('names %j as %s', (key, name) => {
    expect(blobName(key).name).toBe(name);
  });

  it('hashes the rest of a key too long for a blob name, keeping its leading segments', () => {
    const { name, hashed } = blobName(`log/2026-11-27/${'x'.repeat(2000)}`);
    expect(hashed).toBe(true);
    expect(name).toMatch(/^log\/2026-11-27\/~~[0-9a-f]{64}$/);
  });

  it('reads every key back from its name unless the name holds a hash', () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const { name, hashed } = blobName(key);
        expect(keyFromBlobName(name)).toBe(hashed ? HASHED_NAME : key);
      }),
      RUNS,
    );
  });

  it('gives distinct keys distinct names', () => {
    fc.assert(
      fc.property(anyKey, anyKey, (a, b) => a === b || blobName(a).name !== blobName(b).name),
      RUNS,
    );
  });

  it('keeps safe keys as they are', () => {
    const segment = fc
      .string({ unit: fc.constantFrom('a', 'Z', '0', '_', ':', '@', '-', '.'), minLength: 1, maxLength: 12 })
      .filter((s) => !s.endsWith('.'));
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/')),
        (key) => blobName(key).name === key,
      ),
      RUNS,
    );
  });

  it("stays within Azure's rules: ≤ 1024 characters, ≤ 254 segments, no empty segment or one ending in '.'", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const { name } = blobName(key);
        const segments = name.split('/');
        expect(name.length).toBeLessThanOrEqual(1024);
        expect(segments.length).toBeLessThanOrEqual(254);
        for (const segment of segments) expect(segment).toMatch(/^[A-Za-z0-9._:@~-]*[A-Za-z0-9_:@~-]$/);
      }),
      RUNS,
    );
  });

  it('puts every key under one of the name prefixes list() asks for', () => {
    fc.assert(
      fc.property(keyAndPrefix, ([key, prefix]) => blobPrefixes(prefix).some((p) => blobName(key).name.startsWith(p))),
      RUNS,
    );
  });
});
