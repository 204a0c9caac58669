#!/usr/bin/env python3
"""bench/eval_training.py: measures the classifier on the training personas, whose pages and
labels were written apart from the rules (training/personas/*.labels.json).

Runs `empreinte audit` on the bundled corpus for each persona (whole pages, as the demo does)
and compares every trace found with its page's label. Prints, per persona and for two groups,
the figures of bench/eval --mode audit: kind per-class P/R/F1 and macro-F1, about_subject
precision/recall, sensitive F1, link recall, and the share of the labelled pages about the
persona that the audit finds.

The groups: "tuned" personas (helene-vasseur, declan-ashworth) were looked at while the rules
were written; "held out" personas were written by someone else and never looked at while
tuning: their figures are what to expect on strangers.
With --check it is also a test (ctest: training_personas_agree_with_labels): it exits 1 when
a persona's audit falls outside the tolerances below, naming the persona and the figure.

Usage: bench/eval_training.py [path/to/empreinte] [--errors] [--check]"""
import json
import pathlib
import subprocess
import sys
from urllib.parse import urlsplit

root = pathlib.Path(__file__).resolve().parent.parent
binary = next((a for a in sys.argv[1:] if not a.startswith("--")), str(root / "build/src/empreinte"))
show_errors = "--errors" in sys.argv
check = "--check" in sys.argv
DEFAULT_PERSONA = "helene-vasseur"  # the demo's: it must find every page about her
# Tolerances of --check, per persona (docs/training.md, "How well the tool does on the
# personas"): what the audit of each bundled persona must reach against its labels. They sit a
# little under the figures measured when they were set, so that a change that makes any persona
# worse fails, while the figures themselves are in docs/benchmarks.md.
TOLERANCES = {
    "about-you pages found": 0.95,
    "about precision": 0.80,
    "about recall": 0.90,
    "kind macro-F1": 0.70,
    "sensitive F1": 0.35,
    "pseudonym_link recall": 0.65,
    "job_link recall": 0.55,
}
problems = []
TUNED = {"helene-vasseur", "declan-ashworth"}
KINDS = ["voluntary", "inherited", "involuntary"]


def key(url):
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "fr.", "uk."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    path = parts.path.rstrip("/")
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


class Scores:
    def __init__(self):
        self.kind = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
        self.about = [0, 0, 0]
        self.sens = [0, 0, 0]
        self.links = {"pseudonym_link": [0, 0], "job_link": [0, 0]}
        self.urls = 0
        self.labelled_about = 0
        self.found_about = 0

    def add(self, other):
        for k in KINDS:
            self.kind[k] = [a + b for a, b in zip(self.kind[k], other.kind[k])]
        self.about = [a + b for a, b in zip(self.about, other.about)]
        self.sens = [a + b for a, b in zip(self.sens, other.sens)]
        for link in self.links:
            self.links[link] = [a + b for a, b in zip(self.links[link], other.links[link])]
        self.urls += other.urls
        self.labelled_about += other.labelled_about
        self.found_about += other.found_about


def ratio(a, b):
    return a / b if b else 1.0


def f1(tp, fp, fn):
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(s):
    return {
        "about-you pages found": ratio(s.found_about, s.labelled_about),
        "about precision": ratio(s.about[0], s.about[0] + s.about[1]),
        "about recall": ratio(s.about[0], s.about[0] + s.about[2]),
        "kind macro-F1": sum(f1(*s.kind[k]) for k in KINDS) / len(KINDS),
        "sensitive F1": f1(*s.sens),
        "pseudonym_link recall": ratio(*s.links["pseudonym_link"]),
        "job_link recall": ratio(*s.links["job_link"]),
    }


def check_persona(persona, s):
    for name, value in figures(s).items():
        floor = TOLERANCES[name]
        if persona == DEFAULT_PERSONA and name == "about-you pages found":
            floor = 1.0
        if value < floor:
            problems.append(f"{persona}: {name} {value:.3f} is under {floor:.2f}")


def report(title, s):
    macro = sum(f1(*s.kind[k]) for k in KINDS) / len(KINDS)
    print(f"{title}: {s.urls} URLs")
    print(f"  kind macro-F1 {macro:.3f}  (" + ", ".join(f"{k} {f1(*s.kind[k]):.3f}" for k in KINDS) + ")")
    print(f"  about precision {ratio(s.about[0], s.about[0] + s.about[1]):.3f}  "
          f"recall {ratio(s.about[0], s.about[0] + s.about[2]):.3f}")
    print(f"  sensitive F1 {f1(*s.sens):.3f}  precision {ratio(s.sens[0], s.sens[0] + s.sens[1]):.3f}  "
          f"recall {ratio(s.sens[0], s.sens[0] + s.sens[2]):.3f}")
    for link, (hit, total) in s.links.items():
        print(f"  {link} recall {ratio(hit, total):.3f} ({hit}/{total})")
    print(f"  about-you pages found {ratio(s.found_about, s.labelled_about):.3f} "
          f"({s.found_about}/{s.labelled_about})")


groups = {"tuned": Scores(), "held out": Scores()}
for labels_file in sorted((root / "training/personas").glob("*.labels.json")):
    persona = labels_file.name.replace(".labels.json", "")
    labels = {key(item["url"]): item for item in json.loads(labels_file.read_text())}
    out = subprocess.run(
        [binary, "demo", "--persona", persona, "--format", "json", "--lang", "en", "--quiet",
         "--no-cache"],
        capture_output=True, text=True)
    if out.returncode not in (0, 3):
        sys.exit(f"eval_training: empreinte failed on {persona}: {out.stderr}")
    s = Scores()
    found = set()
    for trace in json.loads(out.stdout)["traces"]:
        label = labels.get(key(trace["url"]))
        if label is None:
            continue
        found.add(key(trace["url"]))
        s.urls += 1
        truth, alt, got = label["kind"], label.get("kind_alt"), trace["kind"]
        if got in (truth, alt):
            s.kind[truth][0] += 1
        else:
            s.kind[truth][2] += 1
            if got in s.kind:
                s.kind[got][1] += 1
        predicted_about = trace["about_subject"] >= 0.5
        if predicted_about and label["about_subject"]:
            s.about[0] += 1
        elif predicted_about:
            s.about[1] += 1
        elif label["about_subject"]:
            s.about[2] += 1
        want = set(label["sensitive"]) if label["about_subject"] else set()
        have = {item["category"] for item in trace["sensitive"]}
        s.sens[0] += len(want & have)
        s.sens[1] += len(have - want)
        s.sens[2] += len(want - have)
        for link in s.links:
            if label[link] and label["about_subject"]:
                s.links[link][1] += 1
                s.links[link][0] += 1 if trace[link] else 0
        if show_errors and (got not in (truth, alt) or predicted_about != label["about_subject"]
                            or want != have or trace["pseudonym_link"] != label["pseudonym_link"]
                            or trace["job_link"] != label["job_link"]):
            print(f"--- {persona} {trace['url']}\n    truth: {truth} about={label['about_subject']} "
                  f"sensitive={sorted(want)} P={label['pseudonym_link']} J={label['job_link']} "
                  f"({label['why']})\n    got:   {got} {trace['confidence']} "
                  f"about={trace['about_subject']} sensitive={sorted(have)} "
                  f"P={trace['pseudonym_link']} J={trace['job_link']}")
            for e in trace["evidence"]:
                print(f"      - {e}")
    for k, label in labels.items():
        if label["about_subject"]:
            s.labelled_about += 1
            s.found_about += 1 if k in found else 0
            if show_errors and k not in found:
                print(f"--- {persona} NOT FOUND {label['url']} ({label['why']})")
    report(persona, s)
    check_persona(persona, s)
    groups["tuned" if persona in TUNED else "held out"].add(s)

print()
for name, s in groups.items():
    report(f"{name} ({'looked at while writing the rules' if name == 'tuned' else 'never looked at'})", s)

if check:
    print()
    for line in problems:
        print("OUT OF TOLERANCE: " + line)
    print("every persona within its tolerances" if not problems else f"{len(problems)} figure(s) out of tolerance")
    sys.exit(1 if problems else 0)
