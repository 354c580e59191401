// The small language of indicator numerators and denominators, e.g.
//   popolazione[eta>=65]            residents aged 65 and over
//   popolazione[eta>=0, eta<=2]     children aged 0-2
//   erogazioni[servizio=NIDO].posti places offered by nurseries
//   popolazione.eta + 0.5 * popolazione    sum of (age + 0.5) over residents
//   (popolazione + popolazione@-1) / 2     mean of the populations at the end of this and last year
// A reference sums a dataset's measure over the rows that pass its conditions; the engine sums it
// per quartiere and up the hierarchy, then evaluates the arithmetic on those sums at each level.

export type CompareOp = '=' | '!=' | '>=' | '<=' | '>' | '<';

export interface Condition {
  field: string;
  op: CompareOp;
  value: string | number;
  position: number;
}

export interface Reference {
  kind: 'ref';
  dataset: string;
  /** Year offset: 0 this year, -1 last year. */
  yearOffset: number;
  conditions: Condition[];
  /** The measure summed; undefined means the dataset's default measure. */
  measure?: string;
  position: number;
}

export type Expression =
  | Reference
  | { kind: 'number'; value: number; position: number }
  | { kind: 'negate'; operand: Expression; position: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expression; right: Expression; position: number };

/** A syntax error with the 0-based character position where it was found. */
export interface ExpressionError {
  position: number;
  message: { it: string; en: string };
}

type Token =
  | { type: 'number'; value: number; position: number }
  | { type: 'ident'; value: string; position: number }
  | { type: 'string'; value: string; position: number }
  | { type: 'op'; value: string; position: number }
  | { type: 'end'; position: number };

class SyntaxFailure extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message.en);
  }
}

function fail(position: number, it: string, en: string): never {
  throw new SyntaxFailure({ position, message: { it, en } });
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      while (i < text.length && /[0-9.]/.test(text[i]!)) i++;
      const raw = text.slice(start, i);
      if (!/^\d+(\.\d+)?$|^\.\d+$/.test(raw)) fail(start, `numero non valido "${raw}"`, `invalid number "${raw}"`);
      tokens.push({ type: 'number', value: Number(raw), position: start });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      tokens.push({ type: 'ident', value: text.slice(start, i), position: start });
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail(start, 'virgolette non chiuse', 'unclosed quote');
      tokens.push({ type: 'string', value: text.slice(i + 1, end), position: start });
      i = end + 1;
    } else {
      const two = text.slice(i, i + 2);
      if (two === '>=' || two === '<=' || two === '!=') {
        tokens.push({ type: 'op', value: two, position: start });
        i += 2;
      } else if ('+-*/()[],.=<>@'.includes(c)) {
        tokens.push({ type: 'op', value: c, position: start });
        i++;
      } else {
        fail(start, `carattere inatteso "${c}"`, `unexpected character "${c}"`);
      }
    }
  }
  tokens.push({ type: 'end', position: text.length });
  return tokens;
}

/** Parses an indicator expression; a syntax error comes back as data with its position. */
export function parseExpression(text: string): { expression: Expression } | { error: ExpressionError } {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof SyntaxFailure) return { error: error.detail };
    throw error;
  }
  let index = 0;
  const peek = () => tokens[index]!;
  const isOp = (value: string) => {
    const token = peek();
    return token.type === 'op' && token.value === value;
  };
  const expectOp = (value: string) => {
    if (!isOp(value)) {
      const token = peek();
      fail(token.position, `atteso "${value}"`, `expected "${value}"`);
    }
    index++;
  };

  const parseSum = (): Expression => {
    let left = parseProduct();
    while (isOp('+') || isOp('-')) {
      const token = tokens[index++]!;
      left = { kind: 'binary', op: (token as { value: '+' | '-' }).value, left, right: parseProduct(), position: token.position };
    }
    return left;
  };
  const parseProduct = (): Expression => {
    let left = parseUnary();
    while (isOp('*') || isOp('/')) {
      const token = tokens[index++]!;
      left = { kind: 'binary', op: (token as { value: '*' | '/' }).value, left, right: parseUnary(), position: token.position };
    }
    return left;
  };
  const parseUnary = (): Expression => {
    if (isOp('-')) {
      const position = peek().position;
      index++;
      return { kind: 'negate', operand: parseUnary(), position };
    }
    return parseAtom();
  };
  const parseAtom = (): Expression => {
    const token = peek();
    if (token.type === 'number') {
      index++;
      return { kind: 'number', value: token.value, position: token.position };
    }
    if (isOp('(')) {
      index++;
      const inner = parseSum();
      expectOp(')');
      return inner;
    }
    if (token.type === 'ident') return parseReference();
    if (token.type === 'end') fail(token.position, 'espressione incompleta', 'incomplete expression');
    fail(token.position, 'atteso un numero, un dataset o "("', 'expected a number, a dataset or "("');
  };
  const parseReference = (): Reference => {
    const name = tokens[index++] as { value: string; position: number };
    const ref: Reference = { kind: 'ref', dataset: name.value, yearOffset: 0, conditions: [], position: name.position };
    if (isOp('@')) {
      index++;
      let sign = 1;
      if (isOp('-')) {
        sign = -1;
        index++;
      }
      const offset = peek();
      if (offset.type !== 'number' || !Number.isInteger(offset.value)) {
        fail(
          offset.position,
          'dopo "@" serve un numero di anni intero (es. @-1)',
          'after "@" a whole number of years is needed (e.g. @-1)',
        );
      }
      ref.yearOffset = sign * offset.value;
      index++;
    }
    if (isOp('[')) {
      index++;
      for (;;) {
        const field = peek();
        if (field.type !== 'ident') fail(field.position, 'atteso il nome di un campo', 'expected a field name');
        index++;
        const op = peek();
        if (op.type !== 'op' || !['=', '!=', '>=', '<=', '>', '<'].includes(op.value)) {
          fail(op.position, 'atteso un confronto (=, !=, >=, <=, >, <)', 'expected a comparison (=, !=, >=, <=, >, <)');
        }
        index++;
        const value = peek();
        if (value.type !== 'number' && value.type !== 'ident' && value.type !== 'string') {
          fail(value.position, 'atteso un valore', 'expected a value');
        }
        index++;
        ref.conditions.push({ field: field.value, op: op.value as CompareOp, value: value.value, position: field.position });
        if (isOp(',')) {
          index++;
          continue;
        }
        expectOp(']');
        break;
      }
    }
    if (isOp('.')) {
      index++;
      const measure = peek();
      if (measure.type !== 'ident') fail(measure.position, 'atteso il nome di una misura dopo "."', 'expected a measure name after "."');
      ref.measure = measure.value;
      index++;
    }
    return ref;
  };

  try {
    const expression = parseSum();
    const rest = peek();
    if (rest.type !== 'end') fail(rest.position, "testo in più dopo l'espressione", 'extra text after the expression');
    return { expression };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { error: error.detail };
    throw error;
  }
}

/** Every reference in an expression, left to right. */
export function referencesOf(expression: Expression): Reference[] {
  switch (expression.kind) {
    case 'ref':
      return [expression];
    case 'number':
      return [];
    case 'negate':
      return referencesOf(expression.operand);
    case 'binary':
      return [...referencesOf(expression.left), ...referencesOf(expression.right)];
  }
}

/** Evaluates an expression given the value of each reference; null when a reference has none. */
export function evaluate(expression: Expression, valueOf: (ref: Reference) => number | null): number | null {
  switch (expression.kind) {
    case 'ref':
      return valueOf(expression);
    case 'number':
      return expression.value;
    case 'negate': {
      const value = evaluate(expression.operand, valueOf);
      return value === null ? null : -value;
    }
    case 'binary': {
      const left = evaluate(expression.left, valueOf);
      const right = evaluate(expression.right, valueOf);
      if (left === null || right === null) return null;
      switch (expression.op) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? null : left / right;
      }
    }
  }
}

/** A stable text for a reference: the key under which its sums are computed once. */
export function referenceKey(ref: Reference): string {
  const conditions = ref.conditions.map((c) => `${c.field}${c.op}${c.value}`).join(',');
  return `${ref.dataset}@${ref.yearOffset}[${conditions}].${ref.measure ?? ''}`;
}
