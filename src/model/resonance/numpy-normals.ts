/**
 * numpy's legacy `randn` stream (Marsaglia's polar method with the second value cached, exactly as
 * `NumpyRandomState.randnInto` draws it) with glibc's `log` evaluated by `glibcLogFast`, which is
 * bit-identical to `glibcLog` but about 2.5× faster. The Appendix A replica draws 48 000
 * Gaussians per step at N = 1000, and the logarithm was three quarters of its time.
 *
 * It takes the uniforms from a `NumpyRandomState` and its cached Gaussian at construction; from
 * then on it owns the Gaussian cache, so draw Gaussians through it only (uniform draws through
 * the wrapped state stay in step, as in numpy). Tests check it number for number against
 * `NumpyRandomState.randnInto` and against numpy itself (the Appendix A reference).
 */
import { glibcLogFast } from "../../numeric/random/glibc-log-fast.js";
import type { NumpyRandomState } from "../../numeric/random/mt19937.js";
import type { NormalSource } from "./appendix-a.js";

export class NumpyNormals implements NormalSource {
  private readonly rs: NumpyRandomState;
  private hasGauss: boolean;
  private gauss: number;

  constructor(rs: NumpyRandomState) {
    this.rs = rs;
    const st = rs.getState();
    this.hasGauss = st.hasGauss === 1;
    this.gauss = st.gauss;
  }

  /** `np.random.randn(out.length)` into `out`, in numpy's order; returns `out`. */
  randnInto(out: Float64Array): Float64Array {
    const rs = this.rs;
    const n = out.length;
    let i = 0;
    if (n > 0 && this.hasGauss) {
      out[i++] = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
    }
    while (i < n) {
      let x1: number, x2: number, r2: number;
      do {
        x1 = 2.0 * rs.randomSample() - 1.0;
        x2 = 2.0 * rs.randomSample() - 1.0;
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1.0 || r2 === 0.0);
      const f = Math.sqrt((-2.0 * glibcLogFast(r2)) / r2);
      out[i++] = f * x2;
      if (i < n) out[i++] = f * x1;
      else {
        this.gauss = f * x1;
        this.hasGauss = true;
      }
    }
    return out;
  }
}
