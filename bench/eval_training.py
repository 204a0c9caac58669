#!/usr/bin/env python3
"""bench/eval_training.py: measures the classifier on the training personas, whose pages and
labels were written independently of the rules (training/personas/*.labels.json).

Runs `empreinte audit` on the bundled corpus for each persona and compares every trace found
with its page's label. Prints the same figures as empreinte_eval (kind per-class P/R/F1 and
macro-F1, about_subject precision/recall, sensitive F1, link recall).
Usage: bench/eval_training.py [path/to/empreinte] [--errors]"""
import json
import pathlib
import subprocess
import sys
from urllib.parse import urlsplit

root = pathlib.Path(__file__).resolve().parent.parent
binary = next((a for a in sys.argv[1:] if not a.startswith("--")), str(root / "build/src/empreinte"))
show_errors = "--errors" in sys.argv


def key(url):
    parts = urlsplit(url)
    host = parts.hostname or ""
    for prefix in ("www.", "m.", "fr.", "uk."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    path = parts.path.rstrip("/")
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


kinds = ["voluntary", "inherited", "involuntary"]
tp = {k: 0 for k in kinds}
fp = {k: 0 for k in kinds}
fn = {k: 0 for k in kinds}
about = {"tp": 0, "fp": 0, "fn": 0}
sens = {"tp": 0, "fp": 0, "fn": 0}
links = {"pseudonym_link": [0, 0], "job_link": [0, 0]}
scored = 0
for labels_file in sorted((root / "training/personas").glob("*.labels.json")):
    persona = labels_file.name.replace(".labels.json", "")
    labels = {key(item["url"]): item for item in json.loads(labels_file.read_text())}
    out = subprocess.run(
        [binary, "audit", "--profile", str(root / f"training/personas/{persona}.json"),
         "--corpus", str(root / "training/corpus"), "--format", "json", "--pages", "5", "--lang", "en", "--quiet"],
        check=True, capture_output=True, text=True).stdout
    for trace in json.loads(out)["traces"]:
        label = labels.get(key(trace["url"]))
        if label is None:
            continue
        scored += 1
        truth, got = label["kind"], trace["kind"]
        if got == truth:
            tp[truth] += 1
        else:
            fn[truth] += 1
            if got in fp:
                fp[got] += 1
        predicted_about = trace["about_subject"] >= 0.5
        if predicted_about and label["about_subject"]:
            about["tp"] += 1
        elif predicted_about:
            about["fp"] += 1
        elif label["about_subject"]:
            about["fn"] += 1
        want = set(label["sensitive"]) if label["about_subject"] else set()
        have = {s["category"] for s in trace["sensitive"]}
        sens["tp"] += len(want & have)
        sens["fp"] += len(have - want)
        sens["fn"] += len(want - have)
        for link in links:
            if label[link] and label["about_subject"]:
                links[link][1] += 1
                links[link][0] += 1 if trace[link] else 0
        if show_errors and (got != truth or predicted_about != label["about_subject"] or want != have):
            print(f"--- {persona} {trace['url']}\n    truth: {truth} about={label['about_subject']} "
                  f"sensitive={sorted(want)} ({label['why']})\n    got:   {got} {trace['confidence']} "
                  f"about={trace['about_subject']} sensitive={sorted(have)}")
            for e in trace["evidence"]:
                print(f"      - {e}")


def ratio(a, b):
    return a / b if b else 1.0


print(f"Classifier evaluation on the training corpus ({scored} traces with a label)\n")
print("kind          precision  recall     F1")
macro = 0.0
for k in kinds:
    p, r = ratio(tp[k], tp[k] + fp[k]), ratio(tp[k], tp[k] + fn[k])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    macro += f1 / len(kinds)
    print(f"{k:<12}  {p:9.3f}  {r:6.3f}  {f1:5.3f}")
print(f"macro-F1      {macro:.3f}")
print(f"about_subject precision {ratio(about['tp'], about['tp'] + about['fp']):.3f}, "
      f"recall {ratio(about['tp'], about['tp'] + about['fn']):.3f}")
p, r = ratio(sens["tp"], sens["tp"] + sens["fp"]), ratio(sens["tp"], sens["tp"] + sens["fn"])
print(f"sensitive F1 {2 * p * r / (p + r) if p + r else 0.0:.3f} (precision {p:.3f}, recall {r:.3f})")
for link, (hit, total) in links.items():
    print(f"{link} recall {ratio(hit, total):.3f} ({hit}/{total})")
