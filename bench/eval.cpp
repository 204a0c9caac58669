// bench/eval: measures the classifier on a labelled set and prints per-class precision, recall
// and F1, the confusion matrix, about_subject precision/recall, sensitive-category F1 and link
// recall. Usage: empreinte_eval [DIR] [--errors] [--rules RULES_DIR]
// (DIR defaults to tests/eval/dev, RULES_DIR to rules/)
#include "classify/classifier.hpp"
#include "classify/rules.hpp"
#include "eval_data.hpp"
#include "report/i18n.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <set>

using namespace empreinte;

namespace {

struct Counts
{
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const
  {
    const double p = precision();
    const double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

} // namespace

int main(int argc, char** argv)
{
  std::string dir = std::string(EMPREINTE_SOURCE_DIR) + "/tests/eval/dev";
  bool show_errors = false;
  std::string rules_dir = std::string(EMPREINTE_SOURCE_DIR) + "/rules";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--errors") == 0) {
      show_errors = true;
    } else if (std::strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      dir = argv[i];
    }
  }
  auto rules = classify::Rules::load(rules_dir);
  if (!rules) {
    fmt::print(stderr, "empreinte_eval: error: {}\n", rules.error().to_string());
    return 1;
  }
  auto personas = bench::load_personas(dir);

  const std::vector<std::string> kinds{"voluntary", "inherited", "involuntary"};
  std::map<std::string, Counts> kind_counts;
  std::map<std::string, std::map<std::string, int>> confusion; // truth -> predicted
  Counts about;
  Counts sensitive;
  std::map<std::string, Counts> sensitive_by_category;
  Counts pseudonym_link;
  Counts job_link;
  int rows = 0;
  int kind_right = 0;
  for (auto& persona : personas) {
    classify::Classifier(persona.profile, *rules).classify_all(persona.traces);
    for (const auto& row : persona.rows) {
      ++rows;
      const auto& t = persona.traces[row.trace];
      const std::string predicted(traces::kind_name(t.kind));
      const bool right = predicted == row.label.kind || predicted == row.label.kind_alt;
      kind_right += right ? 1 : 0;
      // A prediction matching kind_alt counts as right for the labelled kind.
      const std::string truth = row.label.kind;
      confusion[truth][right ? truth : predicted]++;
      if (right) {
        kind_counts[truth].tp++;
      } else {
        kind_counts[truth].fn++;
        if (predicted != "unknown") {
          kind_counts[predicted].fp++;
        }
      }
      const bool about_predicted = t.about_subject >= 0.5;
      if (about_predicted && row.label.about_subject) {
        about.tp++;
      } else if (about_predicted) {
        about.fp++;
      } else if (row.label.about_subject) {
        about.fn++;
      }
      std::set<std::string> got;
      for (const auto& s : t.sensitive) {
        got.insert(s.category);
      }
      const std::set<std::string> want(row.label.sensitive.begin(), row.label.sensitive.end());
      for (const auto& c : got) {
        (want.count(c) ? sensitive.tp : sensitive.fp)++;
        (want.count(c) ? sensitive_by_category[c].tp : sensitive_by_category[c].fp)++;
      }
      for (const auto& c : want) {
        if (!got.count(c)) {
          sensitive.fn++;
          sensitive_by_category[c].fn++;
        }
      }
      auto link = [](Counts& c, bool predicted_link, bool truth_link) {
        if (predicted_link && truth_link) {
          c.tp++;
        } else if (predicted_link) {
          c.fp++;
        } else if (truth_link) {
          c.fn++;
        }
      };
      link(pseudonym_link, t.pseudonym_link, row.label.pseudonym_link);
      link(job_link, t.job_link, row.label.job_link);
      if (show_errors
          && (!right || about_predicted != row.label.about_subject || got != want
              || t.pseudonym_link != row.label.pseudonym_link || t.job_link != row.label.job_link)) {
        fmt::print("--- {} {}\n    title: {}\n    snippet: {}\n", persona.name, row.url, row.title, row.snippet);
        fmt::print("    truth: {}{} about={} sensitive=[{}] P={} J={}  ({})\n", row.label.kind,
                   row.label.kind_alt.empty() ? "" : "/" + row.label.kind_alt, row.label.about_subject,
                   fmt::join(want, ","), row.label.pseudonym_link, row.label.job_link, row.label.why);
        fmt::print("    got:   {} {:.2f} about={:.2f} sensitive=[{}] P={} J={}\n", predicted, t.confidence,
                   t.about_subject, fmt::join(got, ","), t.pseudonym_link, t.job_link);
        for (const auto& e : t.evidence) {
          fmt::print("      - {}\n", report::tr("en", e));
        }
      }
    }
  }

  fmt::print("Classifier evaluation on {} ({} personas, {} results)\n\n", dir, personas.size(), rows);
  fmt::print("kind          precision  recall     F1   (support)\n");
  double macro = 0;
  for (const auto& k : kinds) {
    const auto& c = kind_counts[k];
    fmt::print("{:<12}  {:9.3f}  {:6.3f}  {:5.3f}   ({})\n", k, c.precision(), c.recall(), c.f1(), c.tp + c.fn);
    macro += c.f1();
  }
  macro /= static_cast<double>(kinds.size());
  fmt::print("macro-F1      {:.3f}   (target >= 0.92)   accuracy {:.3f}\n\n", macro, double(kind_right) / rows);
  fmt::print("confusion (rows: truth, columns: predicted)\n{:<12}", "");
  for (const auto& k : kinds) {
    fmt::print(" {:>11}", k);
  }
  fmt::print(" {:>11}\n", "unknown");
  for (const auto& k : kinds) {
    fmt::print("{:<12}", k);
    for (const auto& p : kinds) {
      fmt::print(" {:>11}", confusion[k][p]);
    }
    fmt::print(" {:>11}\n", confusion[k]["unknown"]);
  }
  fmt::print("\nabout_subject precision {:.3f} (target >= 0.95), recall {:.3f} (target >= 0.90)\n",
             about.precision(), about.recall());
  fmt::print("sensitive F1 {:.3f} (target >= 0.95): precision {:.3f}, recall {:.3f}\n", sensitive.f1(),
             sensitive.precision(), sensitive.recall());
  for (const auto& [category, c] : sensitive_by_category) {
    fmt::print("  {:<20} tp {:>3} fp {:>3} fn {:>3}\n", category, c.tp, c.fp, c.fn);
  }
  fmt::print("pseudonym_link recall {:.3f} (target >= 0.95), precision {:.3f}\n", pseudonym_link.recall(),
             pseudonym_link.precision());
  fmt::print("job_link recall {:.3f} (target >= 0.95), precision {:.3f}\n", job_link.recall(), job_link.precision());
  return 0;
}
