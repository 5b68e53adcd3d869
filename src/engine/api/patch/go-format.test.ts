// Go's printing of decoded JSON: fmt %v / %q and encoding/json Marshal.
import { describe, expect, it } from 'vitest';
import { goFloat, goJsonMarshal, goQuote, goTypeName, goV } from './go-format';

describe('go-format', () => {
  it.each([
    { name: 'map with sorted keys', v: { b: 1, a: 'x' }, want: 'map[a:x b:1]' },
    { name: 'nested slices and maps', v: { ports: [{ containerPort: 80 }], env: [] }, want: 'map[env:[] ports:[map[containerPort:80]]]' },
    { name: 'nil', v: null, want: '<nil>' },
    { name: 'bools and floats', v: [true, 1.5, 1e21, 0.00001], want: '[true 1.5 1e+21 1e-05]' },
  ])('%v of $name', ({ v, want }) => expect(goV(v)).toBe(want));

  it('formats float64 like strconv %v', () => {
    expect(goFloat(0.1)).toBe('0.1');
    expect(goFloat(1.5e-7)).toBe('1.5e-07');
    expect(goFloat(123456789)).toBe('123456789');
  });

  it('names reflect types like mergepatch.ErrBadArgType prints them', () => {
    expect([goTypeName({}), goTypeName([]), goTypeName('s'), goTypeName(1), goTypeName(1.5), goTypeName(true), goTypeName(null)])
      .toEqual(['map[string]interface {}', '[]interface {}', 'string', 'int64', 'float64', 'bool', '%!s(<nil>)']);
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote('nginx')).toBe('"nginx"');
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(goQuote('é')).toBe('"é"');
  });

  it('marshals like encoding/json: sorted keys, HTML-safe strings, compact', () => {
    expect(goJsonMarshal({ b: [1, 'x'], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[1,"x"]}');
    expect(goJsonMarshal('<a&b>')).toBe('"\\u003ca\\u0026b\\u003e"');
    expect(goJsonMarshal('line\nbreak\u2028')).toBe('"line\\nbreak\\u2028"');
    expect(goJsonMarshal(1e21)).toBe('1e+21');
  });
});
