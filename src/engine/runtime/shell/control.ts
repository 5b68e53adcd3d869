// Non-local control flow inside the shell: break, continue and return unwind through generators.

/** `break n` unwinding loops. */
export class BreakLoop { constructor(public n: number) {} }
/** `continue n` unwinding loops. */
export class ContinueLoop { constructor(public n: number) {} }
/** `return n` leaving a function. */
export class ReturnFromFunction { constructor(public code: number) {} }
