/**
 * A hand-written kernel function's locals by name (module-bytes.ts numbers them): the parameters
 * first, then the declared locals, each with its value type, in the order given.
 */
import { assert } from "../../errors.js";

export class Frame {
  private readonly index = new Map<string, number>();
  private readonly declared: number[] = [];

  constructor(private readonly params: ReadonlyArray<readonly [string, number]>, locals: ReadonlyArray<readonly [string, number]> = []) {
    params.forEach(([n], i) => this.index.set(n, i));
    for (const [n, t] of locals) this.local(n, t);
  }

  /** Declare local `name` of value type `type` (after those declared so far). */
  local(name: string, type: number): void {
    this.index.set(name, this.params.length + this.declared.length);
    this.declared.push(type);
  }

  /** Index of `name`. */
  at(name: string): number {
    const i = this.index.get(name);
    assert(i !== undefined, `kernel local ${name} declared`);
    return i;
  }

  /** The parameters' value types (the function's signature). */
  get paramTypes(): number[] {
    return this.params.map(([, t]) => t);
  }

  /** The declared locals as module-bytes' (count, type) groups. */
  get localGroups(): Array<[number, number]> {
    return this.declared.map((t) => [1, t]);
  }
}
