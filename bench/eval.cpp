// bench/eval: measures the classifier on a labelled set (tests/eval/dev by default), per URL.
//
//   --mode snippets  classify the labelled search results from title and snippets only
//   --mode pages     the same results, with their saved pages read (dev/corpus/<persona>)
//   --mode audit     a whole offline audit of each persona on its saved pages: plan, corpus
//                    search, page reading, classification; also the share of the pages about
//                    the person that the audit finds
// Prints, for every persona and in all: kind per-class P/R/F1 and macro-F1, about_subject
// precision/recall, sensitive-data F1 by category, pseudonym/job link recall and precision.
// --errors prints every miss with its evidence; --only NAME limits to one persona; --lopo fits
// the classifier's numeric tuning (classify::Tuning) on all personas but one and scores the one
// left out, for each in turn.
// Usage: empreinte_eval [DIR] [--mode snippets|pages|audit] [--errors] [--only NAME] [--lopo]
//                       [--rules DIR]
#include "app/pipeline.hpp"
#include "classify/classifier.hpp"
#include "classify/rules.hpp"
#include "eval_data.hpp"
#include "read/page_reader.hpp"
#include "report/i18n.hpp"
#include "score/remedies.hpp"
#include "search/corpus_backend.hpp"
#include "traces/url_normalise.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <optional>
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
  void add(bool predicted, bool truth)
  {
    if (predicted && truth) {
      ++tp;
    } else if (predicted) {
      ++fp;
    } else if (truth) {
      ++fn;
    }
  }
  Counts& operator+=(const Counts& o)
  {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

const std::vector<std::string> k_kinds{"voluntary", "inherited", "involuntary"};

struct Scores
{
  std::map<std::string, Counts> kind;
  std::map<std::string, std::map<std::string, int>> confusion; // truth -> predicted
  int urls = 0;
  int kind_right = 0;
  Counts about;
  Counts sensitive;
  std::map<std::string, Counts> by_category;
  Counts pseudonym_link;
  Counts job_link;
  int about_labelled = 0; // audit mode: pages about the person in the corpus
  int about_found = 0;    // ... and found by the audit

  double macro_f1() const
  {
    double sum = 0;
    for (const auto& k : k_kinds) {
      const auto it = kind.find(k);
      sum += it == kind.end() ? 0.0 : it->second.f1();
    }
    return sum / static_cast<double>(k_kinds.size());
  }

  Scores& operator+=(const Scores& o)
  {
    for (const auto& [k, c] : o.kind) {
      kind[k] += c;
    }
    for (const auto& [t, row] : o.confusion) {
      for (const auto& [p, n] : row) {
        confusion[t][p] += n;
      }
    }
    urls += o.urls;
    kind_right += o.kind_right;
    about += o.about;
    sensitive += o.sensitive;
    for (const auto& [c, n] : o.by_category) {
      by_category[c] += n;
    }
    pseudonym_link += o.pseudonym_link;
    job_link += o.job_link;
    about_labelled += o.about_labelled;
    about_found += o.about_found;
    return *this;
  }
};

// One verdict against its label.
void score_one(Scores& s, const traces::Trace& t, const bench::Label& label)
{
  ++s.urls;
  const std::string predicted(traces::kind_name(t.kind));
  const bool right = predicted == label.kind || predicted == label.kind_alt;
  s.kind_right += right ? 1 : 0;
  s.confusion[label.kind][right ? label.kind : predicted]++;
  if (right) {
    s.kind[label.kind].tp++;
  } else {
    s.kind[label.kind].fn++;
    if (predicted != "unknown") {
      s.kind[predicted].fp++;
    }
  }
  s.about.add(t.about_subject >= 0.5, label.about_subject);
  std::set<std::string> got;
  for (const auto& item : t.sensitive) {
    got.insert(item.category);
  }
  const std::set<std::string> want(label.sensitive.begin(), label.sensitive.end());
  for (const auto& c : got) {
    s.sensitive.add(true, want.count(c) > 0);
    s.by_category[c].add(true, want.count(c) > 0);
  }
  for (const auto& c : want) {
    if (!got.count(c)) {
      s.sensitive.add(false, true);
      s.by_category[c].add(false, true);
    }
  }
  s.pseudonym_link.add(t.pseudonym_link, label.pseudonym_link);
  s.job_link.add(t.job_link, label.job_link);
}

bool is_miss(const traces::Trace& t, const bench::Label& label)
{
  const std::string predicted(traces::kind_name(t.kind));
  std::set<std::string> got;
  for (const auto& item : t.sensitive) {
    got.insert(item.category);
  }
  return (predicted != label.kind && predicted != label.kind_alt)
         || (t.about_subject >= 0.5) != label.about_subject
         || got != std::set<std::string>(label.sensitive.begin(), label.sensitive.end())
         || t.pseudonym_link != label.pseudonym_link || t.job_link != label.job_link;
}

void print_miss(const std::string& persona, const traces::Trace& t, const bench::Label& label)
{
  std::set<std::string> got;
  for (const auto& item : t.sensitive) {
    got.insert(item.category + (item.text.empty() ? "" : "=" + item.text.substr(0, 40)));
  }
  fmt::print("--- {} {}\n    title: {}\n    page: {}\n", persona, t.url, t.title,
             traces::page_status_name(t.page.status));
  fmt::print("    truth: {}{} about={} sensitive=[{}] P={} J={}  ({})\n", label.kind,
             label.kind_alt.empty() ? "" : "/" + label.kind_alt, label.about_subject,
             fmt::join(label.sensitive, ","), label.pseudonym_link, label.job_link, label.why);
  fmt::print("    got:   {} {:.2f} about={:.2f} sensitive=[{}] P={} J={}\n", traces::kind_name(t.kind),
             t.confidence, t.about_subject, fmt::join(got, ","), t.pseudonym_link, t.job_link);
  for (const auto& e : t.evidence) {
    fmt::print("      - {}\n", report::tr("en", e));
  }
}

void print_scores(const std::string& title, const Scores& s, bool audit, bool detailed)
{
  fmt::print("{}: {} URLs\n", title, s.urls);
  if (detailed) {
    fmt::print("  kind          precision  recall     F1   (support)\n");
    for (const auto& k : k_kinds) {
      const auto it = s.kind.find(k);
      const Counts c = it == s.kind.end() ? Counts{} : it->second;
      fmt::print("  {:<12}  {:9.3f}  {:6.3f}  {:5.3f}   ({})\n", k, c.precision(), c.recall(),
                 c.f1(), c.tp + c.fn);
    }
  }
  fmt::print("  kind macro-F1 {:.3f} (>= 0.92)  accuracy {:.3f}\n", s.macro_f1(),
             s.urls ? double(s.kind_right) / s.urls : 0.0);
  fmt::print("  about precision {:.3f} (>= 0.95)  recall {:.3f} (>= 0.90)\n", s.about.precision(),
             s.about.recall());
  fmt::print("  sensitive F1 {:.3f} (>= 0.90)  precision {:.3f}  recall {:.3f}\n", s.sensitive.f1(),
             s.sensitive.precision(), s.sensitive.recall());
  fmt::print("  pseudonym_link recall {:.3f} (>= 0.90)  precision {:.3f}\n",
             s.pseudonym_link.recall(), s.pseudonym_link.precision());
  fmt::print("  job_link recall {:.3f} (>= 0.90)  precision {:.3f}\n", s.job_link.recall(),
             s.job_link.precision());
  if (audit) {
    fmt::print("  about-you pages found {:.3f} (>= 0.90): {} of {}\n",
               s.about_labelled ? double(s.about_found) / s.about_labelled : 1.0, s.about_found,
               s.about_labelled);
  }
  if (detailed) {
    fmt::print("  confusion (rows: truth, columns: predicted)\n  {:<12}", "");
    for (const auto& k : k_kinds) {
      fmt::print(" {:>11}", k);
    }
    fmt::print(" {:>11}\n", "unknown");
    for (const auto& k : k_kinds) {
      fmt::print("  {:<12}", k);
      for (const auto& p : k_kinds) {
        const auto row = s.confusion.find(k);
        fmt::print(" {:>11}", row == s.confusion.end() ? 0 : (row->second.count(p) ? row->second.at(p) : 0));
      }
      const auto row = s.confusion.find(k);
      fmt::print(" {:>11}\n",
                 row == s.confusion.end() ? 0 : (row->second.count("unknown") ? row->second.at("unknown") : 0));
    }
    fmt::print("  sensitive by category\n");
    for (const auto& [category, c] : s.by_category) {
      fmt::print("    {:<14} tp {:>3} fp {:>3} fn {:>3}\n", category, c.tp, c.fp, c.fn);
    }
  }
}

// url -> saved page, from dev/corpus/<persona>/index.json.
std::map<std::string, std::string> saved_pages(const std::filesystem::path& corpus)
{
  std::map<std::string, std::string> out;
  auto text = util::read_file(corpus / "index.json");
  if (!text) {
    return out;
  }
  auto value = util::parse_json(*text, (corpus / "index.json").string());
  if (!value || !value->is_array()) {
    return out;
  }
  for (const auto& e : *value) {
    if (const auto url = traces::normalise_url(e.value("url", ""))) {
      out[*url] = (corpus / e.value("file", "")).string();
    }
  }
  return out;
}

// The label of each URL (labels are per URL; the first row's is taken).
std::map<std::string, bench::Label> labels_by_url(const bench::Persona& p)
{
  std::map<std::string, bench::Label> out;
  for (const auto& row : p.rows) {
    if (const auto url = traces::normalise_url(row.url)) {
      out.try_emplace(*url, row.label);
    }
  }
  return out;
}


// One persona's verdicts against its labels, in `mode`, with `tuning`.
std::optional<Scores> evaluate(bench::Persona persona,
                               const std::string& dir,
                               const std::string& mode,
                               const classify::Rules& rules,
                               const score::Remedies& remedies,
                               classify::Tuning tuning,
                               bool show_errors)
{
  const auto corpus = std::filesystem::path(dir) / "corpus" / persona.name;
  const auto labels = labels_by_url(persona);
  Scores s;
  std::vector<traces::Trace> judged;
  if (mode == "snippets" || mode == "pages") {
    if (mode == "pages") {
      const auto saved = saved_pages(corpus);
      for (auto& t : persona.traces) {
        const auto it = saved.find(t.url);
        t.page.saved_path = it == saved.end() ? "" : it->second;
      }
      read::SavedPageReader reader;
      app::read_pages(persona.traces, reader, -1);
    }
    classify::Classifier(persona.profile, rules, tuning).classify_all(persona.traces);
    judged = persona.traces;
  } else {
    auto index = search::CorpusIndex::open(corpus, std::nullopt);
    if (!index) {
      fmt::print(stderr, "empreinte_eval: error: {}\n", index.error().to_string());
      return std::nullopt;
    }
    search::CorpusBackend backend(std::move(*index));
    read::SavedPageReader reader(backend.dir());
    app::AuditSettings settings;
    settings.pages = 5; // as `empreinte audit --corpus` does
    settings.tuning = tuning;
    const report::Report r = app::run_audit(persona.profile, rules, remedies, backend, settings, &reader);
    judged = r.traces;
    std::set<std::string> found;
    for (const auto& t : judged) {
      found.insert(t.url);
    }
    for (const auto& [url, label] : labels) {
      if (label.about_subject) {
        ++s.about_labelled;
        s.about_found += found.count(url) ? 1 : 0;
        if (show_errors && !found.count(url)) {
          fmt::print("--- {} NOT FOUND {} ({})\n", persona.name, url, label.why);
        }
      }
    }
  }
  for (const auto& t : judged) {
    const auto it = labels.find(t.url);
    if (it == labels.end()) {
      continue; // audit mode: a page of the corpus nobody labelled (none in the dev set)
    }
    score_one(s, t, it->second);
    if (show_errors && is_miss(t, it->second)) {
      print_miss(persona.name, t, it->second);
    }
  }
  return s;
}

// What the fitting maximises: kind, about-you and sensitive data weigh the same.
double objective(const Scores& s)
{
  const double about_f1 = s.about.f1();
  return (s.macro_f1() + about_f1 + s.sensitive.f1()) / 3.0;
}

// Leave-one-persona-out: for each persona, the tuning that scores best on the others, and that
// persona's scores with it. The sum of the held-out scores is what to expect on strangers.
int leave_one_out(const std::vector<bench::Persona>& personas,
                  const std::string& dir,
                  const std::string& mode,
                  const classify::Rules& rules,
                  const score::Remedies& remedies)
{
  std::vector<classify::Tuning> grid;
  for (std::size_t window : {10, 20, 30, 45, 60}) {
    for (double against : {0.2, 0.3, 0.4}) {
      grid.push_back(classify::Tuning{window, against});
    }
  }
  // scores[g][p]: persona p with tuning g.
  std::vector<std::vector<Scores>> scores(grid.size());
  for (std::size_t g = 0; g < grid.size(); ++g) {
    for (const auto& persona : personas) {
      auto s = evaluate(persona, dir, mode, rules, remedies, grid[g], false);
      if (!s) {
        return 1;
      }
      scores[g].push_back(*s);
    }
  }
  Scores held_out;
  Scores fitted_all; // the tuning fitted on everyone, for comparison
  fmt::print("Leave-one-persona-out on {} ({} personas), mode {}, grid: name window x against\n\n",
             dir, personas.size(), mode);
  for (std::size_t p = 0; p < personas.size(); ++p) {
    std::size_t best = 0;
    double best_value = -1;
    for (std::size_t g = 0; g < grid.size(); ++g) {
      Scores others;
      for (std::size_t q = 0; q < personas.size(); ++q) {
        if (q != p) {
          others += scores[g][q];
        }
      }
      if (objective(others) > best_value + 1e-9) {
        best_value = objective(others);
        best = g;
      }
    }
    fmt::print("{:<20} fitted on the others: window {:>2}, against {:.1f}; held out: kind {:.3f} "
               "about P {:.3f} R {:.3f} sensitive {:.3f}\n",
               personas[p].name, grid[best].name_window, grid[best].against,
               scores[best][p].macro_f1(), scores[best][p].about.precision(),
               scores[best][p].about.recall(), scores[best][p].sensitive.f1());
    held_out += scores[best][p];
  }
  std::size_t best_all = 0;
  double best_value = -1;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    Scores all;
    for (const auto& s : scores[g]) {
      all += s;
    }
    if (objective(all) > best_value + 1e-9) {
      best_value = objective(all);
      best_all = g;
      fitted_all = all;
    }
  }
  fmt::print("\n");
  print_scores("held out (each persona with the tuning fitted on the other seven)", held_out,
               mode == "audit", false);
  print_scores(fmt::format("fitted on all eight (window {}, against {:.1f})",
                           grid[best_all].name_window, grid[best_all].against),
               fitted_all, mode == "audit", false);
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  std::string dir = std::string(EMPREINTE_SOURCE_DIR) + "/tests/eval/dev";
  std::string rules_dir = std::string(EMPREINTE_SOURCE_DIR) + "/rules";
  std::string mode = "snippets";
  std::string only;
  bool show_errors = false;
  bool lopo = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--errors") == 0) {
      show_errors = true;
    } else if (std::strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
      rules_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
      mode = argv[++i];
    } else if (std::strcmp(argv[i], "--lopo") == 0) {
      lopo = true;
    } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      fmt::print("usage: empreinte_eval [DIR] [--mode snippets|pages|audit] [--errors] [--only NAME] "
                 "[--lopo] [--rules DIR]\n");
      return 0;
    } else if (argv[i][0] == '-') {
      fmt::print(stderr, "empreinte_eval: error: unknown option {} (see --help)\n", argv[i]);
      return 2;
    } else {
      dir = argv[i];
    }
  }
  if (!std::filesystem::is_directory(dir)) {
    fmt::print(stderr, "empreinte_eval: error: {} is not a folder of labelled personas (tests/eval/dev)\n", dir);
    return 2;
  }
  if (mode != "snippets" && mode != "pages" && mode != "audit") {
    fmt::print(stderr, "empreinte_eval: error: --mode is snippets, pages or audit\n");
    return 2;
  }
  auto rules = classify::Rules::load(rules_dir);
  if (!rules) {
    fmt::print(stderr, "empreinte_eval: error: {}\n", rules.error().to_string());
    return 1;
  }
  auto remedies = score::Remedies::load(rules_dir + "/remedies.json");
  if (!remedies) {
    fmt::print(stderr, "empreinte_eval: error: {}\n", remedies.error().to_string());
    return 1;
  }
  auto personas = bench::load_personas(dir);
  const bool audit = mode == "audit";
  Scores total;
  std::vector<std::pair<std::string, Scores>> each;
  if (lopo) {
    return leave_one_out(personas, dir, mode, *rules, *remedies);
  }
  for (const auto& persona : personas) {
    if (!only.empty() && persona.name != only) {
      continue;
    }
    auto s = evaluate(persona, dir, mode, *rules, *remedies, {}, show_errors);
    if (!s) {
      return 1;
    }
    each.emplace_back(persona.name, *s);
    total += *s;
  }
  fmt::print("Classifier evaluation on {} ({} personas), mode {}\n\n", dir, each.size(), mode);
  for (const auto& [name, s] : each) {
    print_scores(name, s, audit, false);
  }
  fmt::print("\n");
  print_scores("all", total, audit, true);
  return 0;
}
