// Arithmetic expansion $(( … )) (XCU 2.6.4): signed integers with C operators, variables by name,
// and assignment operators. Division by zero is an error, as in the shells.

/** Variables an expression reads and writes. */
export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** A bad arithmetic expression ("division by zero", "syntax error"). */
export class ArithError extends Error {}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|[-+*/%]=|[&|^]=|[-+*/%()<>!~&|^?:=,])/y;

/** Evaluates an arithmetic expression. */
export function evalArith(src: string, env: ArithEnv): number {
  const toks: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new ArithError(`arithmetic syntax error`);
    toks.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const peek = () => toks[i];
  const eat = (t?: string) => {
    const x = toks[i++];
    if (t !== undefined && x !== t) throw new ArithError('arithmetic syntax error');
    return x;
  };
  const num = (s: string | undefined): number => {
    if (s === undefined || s === '') return 0;
    const n = /^0[xX]/.test(s) ? parseInt(s, 16) : /^-?\d+$/.test(s.trim()) ? parseInt(s.trim(), 10) : NaN;
    if (Number.isNaN(n)) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.trim())) return num(env.get(s.trim()));
      throw new ArithError('arithmetic syntax error');
    }
    return n;
  };
  const toInt = (n: number) => Math.trunc(n) | 0;
  const BIN: [string[], (a: number, b: number) => number][] = [
    [['||'], (a, b) => (a || b ? 1 : 0)], [['&&'], (a, b) => (a && b ? 1 : 0)], [['|'], (a, b) => a | b], [['^'], (a, b) => a ^ b],
    [['&'], (a, b) => a & b], [['==', '!='], () => 0], [['<', '>', '<=', '>='], () => 0], [['<<', '>>'], () => 0],
    [['+', '-'], () => 0], [['*', '/', '%'], () => 0],
  ];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return toInt(a + b);
      case '-': return toInt(a - b);
      case '*': return toInt(a * b);
      case '/': if (b === 0) throw new ArithError('division by zero'); return toInt(a / b);
      case '%': if (b === 0) throw new ArithError('division by zero'); return toInt(a % b);
      case '**': return toInt(a ** b);
    }
    throw new ArithError('arithmetic syntax error');
  };
  const unary = (): number => {
    const t = peek();
    if (t === '-') { eat(); return -unary(); }
    if (t === '+') { eat(); return unary(); }
    if (t === '!') { eat(); return unary() ? 0 : 1; }
    if (t === '~') { eat(); return ~unary(); }
    if (t === '++' || t === '--') {
      eat();
      const name = eat();
      const v = num(env.get(name)) + (t === '++' ? 1 : -1);
      env.set(name, String(v));
      return v;
    }
    if (t === '(') { eat(); const v = comma(); eat(')'); return v; }
    const x = eat();
    if (x === undefined) throw new ArithError('arithmetic syntax error');
    if (/^[A-Za-z_]/.test(x)) {
      if (peek() === '++' || peek() === '--') {
        const op = eat();
        const v = num(env.get(x));
        env.set(x, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      return num(env.get(x));
    }
    return num(x);
  };
  const power = (): number => {
    const a = unary();
    if (peek() === '**') { eat(); return apply('**', a, power()); }
    return a;
  };
  const level = (n: number): number => {
    if (n >= BIN.length) return power();
    let a = level(n + 1);
    while (BIN[n][0].includes(peek())) {
      const op = eat();
      a = apply(op, a, level(n + 1));
    }
    return a;
  };
  const ternary = (): number => {
    const c = level(0);
    if (peek() !== '?') return c;
    eat();
    const a = assign();
    eat(':');
    const b = assign();
    return c ? a : b;
  };
  const assign = (): number => {
    const t = toks[i], op = toks[i + 1];
    if (t && /^[A-Za-z_]/.test(t) && op && /^([-+*/%&|^]|<<|>>)?=$/.test(op) && op !== '==') {
      i += 2;
      const rhs = assign();
      const v = op === '=' ? rhs : apply(op.slice(0, -1), num(env.get(t)), rhs);
      env.set(t, String(v));
      return v;
    }
    return ternary();
  };
  const comma = (): number => {
    let v = assign();
    while (peek() === ',') { eat(); v = assign(); }
    return v;
  };
  if (toks.length === 0) return 0;
  const v = comma();
  if (i < toks.length) throw new ArithError('arithmetic syntax error');
  return v;
}
