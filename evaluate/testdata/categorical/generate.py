#!/usr/bin/env python3
"""Write a small simulated tournament of forecasts of questions with options.

Three teams (alpha, beta, gamma) of six forecasters answer 12 questions of
3 to 5 options, 5 of them ordered (dates, sizes); each forecaster answers
10 to 12 of them. Probabilities are whole hundredths adding up to exactly 1,
at least 0.01 each. The same forecasts are written twice:

  tournament-long.csv  one row per forecast and option:
                       team, question, forecaster, option, probability, outcome, ordered
  tournament-wide.csv  one row per forecast, one probability column per option
                       (p_A … p_E; empty where the question has fewer options)

Fixed seed: running it again writes the same bytes.
    python3 generate.py
"""
import csv
import math
import random

rng = random.Random(20261202)
LETTERS = "ABCDE"
questions = []
for q in range(12):
    k = rng.choice([3, 4, 5])
    questions.append({
        "id": f"q{q + 1:02d}",
        "k": k,
        "ordered": q % 5 in (0, 3),  # q01, q04, q06, q09, q11
        "outcome": rng.randrange(k),
    })
skill = {"alpha": 1.6, "beta": 0.8, "gamma": 0.0}

def hundredths(weights):
    """Whole hundredths in proportion to weights, each at least 1, adding up to 100."""
    k = len(weights)
    total = sum(weights)
    raw = [1 + (100 - k) * w / total for w in weights]
    h = [math.floor(x) for x in raw]
    # the largest remainders get the hundredths left
    order = sorted(range(k), key=lambda i: (raw[i] - h[i], -i), reverse=True)
    for i in order[: 100 - sum(h)]:
        h[i] += 1
    assert sum(h) == 100 and min(h) >= 1
    return h

forecasts = []
for team in ("alpha", "beta", "gamma"):
    for f in range(6):
        name = f"{team}-{f + 1}"
        answered = rng.sample(questions, rng.randint(10, 12))
        answered.sort(key=lambda q: q["id"])
        for q in answered:
            w = []
            for j in range(q["k"]):
                x = rng.gauss(0, 1)
                if j == q["outcome"]:
                    x += skill[team]
                elif q["ordered"] and abs(j - q["outcome"]) == 1:
                    x += skill[team] / 2
                w.append(math.exp(x))
            forecasts.append((team, q, name, hundredths(w)))

with open("tournament-long.csv", "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["team", "question", "forecaster", "option", "probability", "outcome", "ordered"])
    for team, q, name, h in forecasts:
        for j in range(q["k"]):
            w.writerow([team, q["id"], name, LETTERS[j], f"{h[j] / 100:.2f}", LETTERS[q["outcome"]], str(q["ordered"]).lower()])

with open("tournament-wide.csv", "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["team", "question", "forecaster"] + [f"p_{c}" for c in LETTERS] + ["outcome", "ordered"])
    for team, q, name, h in forecasts:
        cells = [f"{h[j] / 100:.2f}" if j < q["k"] else "" for j in range(5)]
        w.writerow([team, q["id"], name] + cells + [LETTERS[q["outcome"]], str(q["ordered"]).lower()])

print(len(forecasts), "forecasts")
