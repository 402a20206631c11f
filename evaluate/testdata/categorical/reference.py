#!/usr/bin/env python3
"""Reference values for tournament-long.csv, computed exactly, apart from hindcast.

For each team and for all forecasts: the number of forecasts, the mean
multi-category Brier score  sum_k (p_k - o_k)^2  and its skill against
always 1/K, the mean ranked probability score over the ordered questions
sum_{j<K} (P_j - O_j)^2 (cumulative; not divided by K - 1) and its skill,
all with fractions.Fraction from the probabilities as written (exact); and
the mean log score  -ln p_outcome  with math.log (floating point).
Writes reference.json with every value as a float (repr: shortest exact).

    python3 reference.py
"""
import csv
import json
import math
from collections import OrderedDict
from fractions import Fraction

rows = list(csv.DictReader(open("tournament-long.csv", newline="")))
forecasts = OrderedDict()
for r in rows:
    key = (r["team"], r["question"], r["forecaster"])
    f = forecasts.setdefault(key, {"options": [], "p": [], "outcome": r["outcome"], "ordered": r["ordered"] == "true"})
    f["options"].append(r["option"])
    f["p"].append(Fraction(r["probability"]))

def brier(p, k):
    return sum((pj - (1 if j == k else 0)) ** 2 for j, pj in enumerate(p))

def rps(p, k):
    total, cum = Fraction(0), Fraction(0)
    for j in range(len(p) - 1):
        cum += p[j]
        total += (cum - (1 if j >= k else 0)) ** 2
    return total

def figures(fs):
    n = len(fs)
    b = bu = Fraction(0)
    r = ru = Fraction(0)
    n_ord = 0
    log = 0.0
    for f in fs:
        assert sum(f["p"]) == 1
        k = f["options"].index(f["outcome"])
        K = len(f["p"])
        u = [Fraction(1, K)] * K
        b += brier(f["p"], k)
        bu += brier(u, k)
        log += -math.log(float(f["p"][k]))
        if f["ordered"]:
            n_ord += 1
            r += rps(f["p"], k)
            ru += rps(u, k)
    out = {
        "n": n,
        "n_ordered": n_ord,
        "brier": float(b / n),
        "brier_skill": float(1 - b / bu),
        "log_score": log / n,
        "rps": float(r / n_ord),
        "rps_skill": float(1 - r / ru),
    }
    return out

ref = {"all": figures(list(forecasts.values()))}
for team in sorted({k[0] for k in forecasts}):
    ref[team] = figures([f for k, f in forecasts.items() if k[0] == team])
with open("reference.json", "w") as out:
    json.dump(ref, out, indent=2)
    out.write("\n")
print(json.dumps(ref, indent=2))
