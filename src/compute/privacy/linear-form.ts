import type { Expression, Reference } from '../expression.js';

/** An expression as Σ coefficient × reference + constant, when it is linear in its references. */
export interface LinearForm {
  terms: { ref: Reference; coefficient: number }[];
  constant: number;
}

function scale(form: LinearForm, factor: number): LinearForm {
  return { terms: form.terms.map((t) => ({ ref: t.ref, coefficient: t.coefficient * factor })), constant: form.constant * factor };
}

function add(a: LinearForm, b: LinearForm): LinearForm {
  return { terms: [...a.terms, ...b.terms], constant: a.constant + b.constant };
}

/**
 * The linear form of an expression, or null when it multiplies or divides references by each other
 * (such a figure cannot be written as a sum of base counts; the audit then treats it as unpublished
 * information it cannot check, and says so).
 */
export function linearForm(expression: Expression): LinearForm | null {
  switch (expression.kind) {
    case 'number':
      return { terms: [], constant: expression.value };
    case 'ref':
      return { terms: [{ ref: expression, coefficient: 1 }], constant: 0 };
    case 'negate': {
      const inner = linearForm(expression.operand);
      return inner && scale(inner, -1);
    }
    case 'binary': {
      const left = linearForm(expression.left);
      const right = linearForm(expression.right);
      if (!left || !right) return null;
      switch (expression.op) {
        case '+':
          return add(left, right);
        case '-':
          return add(left, scale(right, -1));
        case '*':
          if (left.terms.length === 0) return scale(right, left.constant);
          if (right.terms.length === 0) return scale(left, right.constant);
          return null;
        case '/':
          if (right.terms.length === 0 && right.constant !== 0) return scale(left, 1 / right.constant);
          return null;
      }
    }
  }
}
