import { describe, expect, it } from 'vitest';
import { goJsonSyntaxError, parseGoJson } from './go-json-syntax';

// encoding/json's messages for the first syntax error of a document (scanner.go).
const cases: { name: string; text: string; want: string | undefined }[] = [
  { name: 'valid object', text: ' {"a": [1, -2.5e3, true, null, "x\\u00e9"]} ', want: undefined },
  { name: 'an unquoted key (a shell ate the quotes)', text: '{metadata:{labels:{a:b}}}', want: "invalid character 'm' looking for beginning of object key string" },
  { name: 'no colon after a key', text: '{"a" 1}', want: "invalid character '1' after object key" },
  { name: 'no comma between pairs', text: '{"a":1 "b":2}', want: 'invalid character \'"\' after object key:value pair' },
  { name: 'no comma between elements', text: '[1 2]', want: "invalid character '2' after array element" },
  { name: 'a trailing comma in an object', text: '{"a":1,}', want: "invalid character '}' looking for beginning of object key string" },
  { name: 'a single-quoted string', text: "{'a':1}", want: "invalid character '\\'' looking for beginning of object key string" },
  { name: 'a bad literal', text: 'trux', want: "invalid character 'x' in literal true (expecting 'e')" },
  { name: 'a leading zero', text: '01', want: "invalid character '1' after top-level value" },
  { name: 'a bad fraction', text: '1.x', want: "invalid character 'x' after decimal point in numeric literal" },
  { name: 'a bad exponent', text: '1e+', want: 'unexpected end of JSON input' },
  { name: 'a bad escape', text: '"\\x"', want: "invalid character 'x' in string escape code" },
  { name: 'a control character in a string', text: '"a\nb"', want: "invalid character '\\n' in string literal" },
  { name: 'text after the value', text: '{} x', want: "invalid character 'x' after top-level value" },
  { name: 'truncated', text: '{"a":', want: 'unexpected end of JSON input' },
  { name: 'empty', text: '', want: 'unexpected end of JSON input' },
  { name: 'not JSON at all', text: 'hello', want: "invalid character 'h' looking for beginning of value" },
];

describe('goJsonSyntaxError', () => {
  it.each(cases)('$name', ({ text, want }) => expect(goJsonSyntaxError(text)).toBe(want));
  it('parseGoJson parses a valid document and throws Go\'s words for a bad one', () => {
    expect(parseGoJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(() => parseGoJson('{a:1}')).toThrow("invalid character 'a' looking for beginning of object key string");
  });
});
