#!/usr/bin/env python3
"""Tests of training/check_persona.py: the shipped personas and the template pass, broken
copies of the template fail with a message naming the problem.

Usage: python3 tests/tools/test_check_persona.py   (exit 0 when every test passes, 1 otherwise)

Python 3 standard library only. The shipped personas and the template are checked against the
dev set the script finds by default (skipped with a note when absent); the broken copies are
made in a temporary folder and checked against an invented dev set made there too, so their
results do not depend on the machine.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRAINING = os.path.join(REPO, "training")
SCRIPT = os.path.join(TRAINING, "check_persona.py")
TEMPLATE = os.path.join(TRAINING, "template")

# An invented dev person (no one of the real dev set) who lives where the template does.
FAKE_DEV_PERSON = {
    "profile": {
        "first_name": "Zéphyrin",
        "last_name": "Quenouille",
        "other_names": [],
        "pseudonyms": ["zephq77"],
        "job": {"title": "quincaillier", "employer": "Quincaillerie Quenouille"},
        "location": "Lille",
    }
}


def run(*args):
    proc = subprocess.run([sys.executable, SCRIPT] + list(args), capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


class Shipped(unittest.TestCase):
    def test_shipped_personas_pass(self):
        ids = sorted(os.path.basename(p)[: -len(".labels.json")]
                     for p in glob.glob(os.path.join(TRAINING, "personas", "*.labels.json")))
        self.assertTrue(ids, "no persona in training/personas")
        code, out, err = run(*ids)
        self.assertEqual(code, 0, "check_persona.py %s:\n%s%s" % (" ".join(ids), out, err))

    def test_template_passes(self):
        code, out, err = run("--root", TEMPLATE, "persona")
        self.assertEqual(code, 0, out + err)
        self.assertIn("persona: 3 page(s) checked", err)


class BrokenCopy(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="check-persona-")
        self.root = os.path.join(self.tmp, "template")
        shutil.copytree(TEMPLATE, self.root)
        self.dev = os.path.join(self.tmp, "dev")
        os.mkdir(self.dev)
        with open(os.path.join(self.dev, "zephyrin_quenouille.json"), "w", encoding="utf-8") as f:
            json.dump(FAKE_DEV_PERSON, f, ensure_ascii=False)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def check(self):
        return run("--root", self.root, "--dev-set", self.dev, "persona")

    def labels(self):
        with open(os.path.join(self.root, "persona.labels.json"), encoding="utf-8") as f:
            return json.load(f)

    def write_labels(self, labels):
        with open(os.path.join(self.root, "persona.labels.json"), "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False, indent=2)

    def add_page(self, rel, body, about_subject=True):
        path = os.path.join(self.root, "corpus", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        url = "https://" + rel[: -len(".html")]
        with open(path, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Club</title>'
                    '<link rel="canonical" href="%s"></head><body><p>%s</p></body></html>' % (url, body))
        labels = self.labels()
        labels.append(dict(labels[0], url=url, file=rel, about_subject=about_subject))
        self.write_labels(labels)

    def test_copy_passes_with_a_city_shared_with_the_dev_set(self):
        # The template lives in Lille, as the invented dev person: a city alone is no leak.
        code, out, err = self.check()
        self.assertEqual(code, 0, out + err)

    def test_missing_page_is_named(self):
        missing = self.labels()[1]["file"]
        os.remove(os.path.join(self.root, "corpus", missing))
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("corpus/%s: missing (labelled in persona.labels.json)" % missing, out)

    def test_why_fr_must_be_a_string(self):
        labels = self.labels()
        labels[0]["why_fr"] = 3
        self.write_labels(labels)
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("entry 1: 'why_fr' is not a str", out)

    def test_unknown_field(self):
        labels = self.labels()
        labels[2]["why_de"] = "Namensvetter"
        self.write_labels(labels)
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("entry 3: unknown field 'why_de'", out)

    def test_name_forms_the_search_matches(self):
        self.add_page("club.example.org/bureau.html", "Trésorière : EXEMPLE, Camille.")
        self.add_page("club.example.org/equipe.html", "Camille M. Exemple, capitaine.")
        code, out, err = self.check()
        self.assertEqual(code, 0, out + err)

    def test_initial_and_surname_is_not_found(self):
        self.add_page("club.example.org/bureau.html", "Trésorière : C. Exemple, 03 53 01 00 59.")
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("corpus/club.example.org/bureau.html: about the subject but no search finds it", out)
        self.assertIn("only as an initial and the surname ('C. Exemple'", out)

    def test_dev_person_is_reported_with_their_city(self):
        self.add_page("club.example.org/bureau.html",
                      "Zéphyrin Quenouille, de Lille, a croisé Camille Exemple.", about_subject=False)
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("contains 'Zéphyrin Quenouille' (name of zephyrin_quenouille.json in the dev set)", out)
        self.assertIn("contains 'Lille' (city of zephyrin_quenouille.json in the dev set)", out)


if __name__ == "__main__":
    unittest.main()
