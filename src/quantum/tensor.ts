/** Tensor (Kronecker) products of quantum objects, QuTiP's `tensor`. */
import { DimensionError, InputError } from "../errors.js";
import { csrKron } from "../numeric/complex/index.js";
import { Qobj } from "./qobj.js";

/**
 * A ⊗ B ⊗ … (first argument is the most significant factor, as in QuTiP/numpy's kron).
 * All arguments must be of one kind: kets, bras or operators; dims are concatenated.
 */
export function tensor(...objs: Array<Qobj | readonly Qobj[]>): Qobj {
  const list = objs.flat() as Qobj[];
  if (list.length === 0) throw InputError.of("tensor", "at least one Qobj", list);
  list.forEach((q, k) => {
    if (!(q instanceof Qobj)) throw InputError.of(`tensor: argument ${k}`, "a Qobj", q);
  });
  const first = list[0] as Qobj;
  if (first.type === "super") throw InputError.of("tensor: argument 0", "a ket, bra or operator", "~a superoperator");
  let data = first.data;
  const rows = [...first.dims[0]], cols = [...first.dims[1]];
  for (let k = 1; k < list.length; k++) {
    const q = list[k] as Qobj;
    if (q.type !== first.type) throw new DimensionError(`tensor: argument ${k}`, `a ${first.type} like argument 0`, `a ${q.type}`);
    data = csrKron(data, q.data);
    rows.push(...q.dims[0]);
    cols.push(...q.dims[1]);
  }
  return new Qobj(data, [rows, cols]);
}
