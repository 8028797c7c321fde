"""Appendix F (pqms_unified_machine.py) run as printed, seeded, for paper-mode fixtures.

Reads the listing from the paper, execs it (its __main__ block does not run), replaces
time.sleep with a no-op, seeds numpy's global stream, runs PQMS_Unified_Machine.run_machine,
and records every SystemMetrics the simulator returns plus the printed output.
Usage: python3 scripts/refs/appendix_f.py > test/reference/numpy-appendix-f.json
"""
import contextlib, io, json

PAPER = "/work/shared/seed/PQMS-V3000-unified-resonance-architecture.md"
src = open(PAPER, encoding="utf8").read()
i = src.index("## Appendix F")
j = src.index("```python", i) + len("```python")
k = src.index("```", j)
code = src[j:k]


def run(seed, steps):
    ns = {"__name__": "appendix_f"}
    exec(compile(code, "pqms_unified_machine", "exec"), ns)
    ns["time"].sleep = lambda s: None
    ns["np"].random.seed(seed)
    machine = ns["PQMS_Unified_Machine"]()
    metrics = []
    step = machine.simulator.calculate_state_step

    def rec(t, alloc):
        m = step(t, alloc)
        metrics.append({"t": m.time_step, "coherence": m.coherence_level, "temperatureMk": m.temperature_mk,
                        "entropy": m.entropy, "dissonance": m.ethical_dissonance})
        return m

    machine.simulator.calculate_state_step = rec
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        machine.run_machine(total_time_steps=steps)
    return {"seed": seed, "steps": steps, "metrics": metrics, "stdout": buf.getvalue()}


if __name__ == "__main__":
    print(json.dumps({"source": "scripts/refs/appendix_f.py (the paper's listing, time.sleep removed, np.random.seed)",
                      "runs": [run(42, 20), run(0, 20), run(7, 60)]}))
