#!/usr/bin/python3
"""Independent reference for RandomStream (src/numeric/random/stream.ts), with Python's
arbitrary-precision integers in place of the 32-bit halves the TypeScript uses.

    /usr/bin/python3 scripts/refs/random_stream_ref.py > test/reference/random-stream.json

The normal draws use math.log (glibc's, which glibcLog reproduces) and the same
IEEE-754 operations as detExp, so they are reproduced bit for bit too.
"""
import json
import math
import sys

M64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def child_key(key, name):
    h = key ^ 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & M64
    return mix64(h)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


class Xoshiro:
    def __init__(self, key=None, state=None):
        if state is None:
            c = key
            state = []
            for _ in range(4):
                c = (c + 0x9E3779B97F4A7C15) & M64
                state.append(mix64(c))
        self.s = list(state)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53


LN2_HI = float.fromhex("0x1.62e42fefa3800p-1")
LN2_LO = float.fromhex("0x1.ef35793c76730p-45")


def js_round(x):
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


def det_exp(x):
    if x > 709.782712893384:
        return math.inf
    if x < -745.1332191019412:
        return 0.0
    k = js_round(x * 1.4426950408889634)
    r = (x - k * LN2_HI) - k * LN2_LO
    p = 1 / 6227020800
    for c in [1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5]:
        p = p * r + c
    p = p * r * r + r
    e = 1 + p
    if k > 1000:
        return e * 2.0 ** (k - 1000) * 2.0**1000
    if k < -1000:
        return e * 2.0 ** (k + 1000) * 2.0**-1000
    return e * 2.0**k


C, R, V = 128, 3.442619855899, 9.91256303526217e-3
X = [0.0] * (C + 1)
f = det_exp(-0.5 * R * R)
X[0] = V / f
X[1] = R
for i in range(2, C):
    X[i] = math.sqrt(-2 * math.log(V / X[i - 1] + f))
    f = det_exp(-0.5 * X[i] * X[i])
RATIO = [X[i + 1] / X[i] for i in range(C)]


def normal(g):
    while True:
        w = g.next()
        u = 2 * ((w >> 11) * 2.0**-53) - 1
        i = w & 0x7F
        if abs(u) < RATIO[i]:
            return u * X[i]
        if i == 0:
            while True:
                x = -math.log(1 - g.uniform()) / R
                y = -math.log(1 - g.uniform())
                if not (y + y < x * x):
                    break
            return -x - R if u < 0 else x + R
        x = u * X[i]
        f0 = det_exp(-0.5 * (X[i] * X[i] - x * x))
        f1 = det_exp(-0.5 * (X[i + 1] * X[i + 1] - x * x))
        if f1 + g.uniform() * (f0 - f1) < 1.0:
            return x


def key_of(seed, *names):
    k = seed & M64
    for n in names:
        k = child_key(k, n)
    return k


out = {"about": "RandomStream known answers from the independent Python model scripts/refs/random_stream_ref.py"}
g = Xoshiro(state=[1, 2, 3, 4])
out["xoshiro_state_1234_u64_hex"] = ["%016x" % g.next() for _ in range(20)]
c = 1234567
sm = []
for _ in range(5):
    c = (c + 0x9E3779B97F4A7C15) & M64
    sm.append("%016x" % mix64(c))
out["splitmix64_seed1234567_hex"] = sm
streams = {}
for seed, names in [(0, []), (42, []), (42, ["mesh"]), (42, ["mesh", "node-17"]), (2**53 - 1, ["ü/φ"]), (7, [""])]:
    k = key_of(seed, *names)
    g = Xoshiro(key=k)
    state = "".join("%016x" % w for w in g.s)
    raw = ["%016x" % g.next() for _ in range(4)]
    g = Xoshiro(key=k)
    uni = [g.uniform() for _ in range(200)]
    g = Xoshiro(key=k)
    nor = [normal(g) for _ in range(1500)]
    streams[json.dumps([seed] + names, ensure_ascii=False)] = {
        "seed": seed, "names": names, "key": "%016x" % k, "state": state, "raw": raw, "uniform": uni, "normal": nor}
out["streams"] = streams
json.dump(out, sys.stdout, ensure_ascii=False)
print()
