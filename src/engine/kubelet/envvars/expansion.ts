// $(VAR) references in env values, command and args. Models
// third_party/forked/golang/expansion/expand.go (Expand, MappingFuncFor): "$$" is a literal "$",
// an unknown or unterminated reference is left as written.

/** Looks a name up; unknown names come back as "$(NAME)". */
export type Mapping = (name: string) => string;

/** MappingFuncFor: the first map holding the name wins. */
export function mappingFuncFor(...contexts: ReadonlyMap<string, string>[]): Mapping {
  return (name) => {
    for (const c of contexts) {
      const v = c.get(name);
      if (v !== undefined) return v;
    }
    return `$(${name})`;
  };
}

/** Expand: replaces $(VAR) with mapping(VAR) and $$ with $. */
export function expand(input: string, mapping: Mapping): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let read: string;
    let isVar = false;
    let advance = 1;
    if (rest[0] === '$') {
      read = '$';
    } else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close > 0) {
        read = rest.slice(1, close);
        isVar = true;
        advance = close + 1;
      } else {
        read = '$(';
      }
    } else {
      read = `$${rest[0]}`;
    }
    out += isVar ? mapping(read) : read;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
