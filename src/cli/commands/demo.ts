/** `pqms demo`: the reference two-mode cavity on the quantum core, printed beside QuTiP's values. */
import type { Command } from "commander";
import { PqmsError } from "../../errors.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("run the reference two-mode cavity on the quantum core and compare with QuTiP")
    .action(() => {
      throw new PqmsError("demo: the quantum core is being built (issue 2)", "E_UNAVAILABLE", 1);
    });
}
