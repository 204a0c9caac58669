// Terms are looked up word by word (a hash on the first word), patterns are prefiltered by
// one scan for the literal words they need: detection stays linear in the text, whatever the
// size of the lexicons.
#include "classify/sensitive.hpp"

#include "classify/validators.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <set>

namespace empreinte::classify {

using nlohmann::json;

const std::vector<std::string>& SensitiveRules::categories()
{
  static const std::vector<std::string> k_categories{
    "email",    "phone",     "address",   "birthdate",   "health",      "religion",
    "politics", "sexual_orientation",     "union",       "ethnicity",   "criminal",
    "financial", "national_id", "minors", "embarrassing"};
  return k_categories;
}

util::Result<SensitiveRules> SensitiveRules::load(const std::string& path)
{
  auto value = load_rules_json(path, "empreinte/lexicons/v1", {"terms", "patterns"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

namespace {

bool known_category(const std::string& c)
{
  const auto& all = SensitiveRules::categories();
  return std::find(all.begin(), all.end(), c) != all.end();
}

void check_examples(util::JsonFields& f)
{
  if (const json* examples = f.object("examples"); examples && !f.error()) {
    util::JsonFields e(*examples, f.source(), f.pointer() + "/examples");
    e.allow_only({"match", "no_match"});
    (void)e.strings("match");
    (void)e.strings("no_match");
    if (e.error()) {
      f.fail(e.error()->what, "examples", e.error()->hint);
    }
  }
}

} // namespace

util::Result<SensitiveRules> SensitiveRules::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* terms = root.array("terms", true);
  const json* patterns = root.array("patterns", true);
  if (root.error()) {
    return *root.error();
  }
  SensitiveRules rules;
  std::set<std::string> ids;
  const std::string category_hint = "use one of: email, phone, address, birthdate, health, "
                                    "religion, politics, sexual_orientation, union, ethnicity, "
                                    "criminal, financial, national_id, minors, embarrassing";
  for (std::size_t i = 0; i < terms->size(); ++i) {
    util::JsonFields f((*terms)[i], source, "/terms/" + std::to_string(i));
    f.allow_only({"id", "category", "lang", "terms", "examples"});
    const std::string id = f.string("id", true);
    const std::string category = f.string("category", true);
    (void)f.string("lang", true);
    const auto list = f.strings("terms", true);
    check_examples(f);
    if (!f.error() && !known_category(category)) {
      f.fail("unknown category \"" + category + "\"", "category", category_hint);
    }
    if (!f.error() && !ids.insert(id).second) {
      f.fail("duplicate id \"" + id + "\"", "id");
    }
    for (std::size_t j = 0; j < list.size() && !f.error(); ++j) {
      auto w = util::words(list[j]);
      if (w.empty()) {
        f.fail("a term has no word", "terms");
        break;
      }
      const std::string first = w.front();
      rules.m_terms_by_first_word[first].push_back(Term{std::move(w), category, i});
      ++rules.m_term_count;
    }
    if (f.error()) {
      return *f.error();
    }
  }
  for (std::size_t i = 0; i < patterns->size(); ++i) {
    util::JsonFields f((*patterns)[i], source, "/patterns/" + std::to_string(i));
    f.allow_only({"id", "category", "pattern", "validator", "context", "examples"});
    Pattern p;
    p.id = f.string("id", true);
    p.category = f.string("category", true);
    const std::string pattern = f.string("pattern", true);
    p.validator = f.string("validator");
    const std::string context = f.string("context");
    check_examples(f);
    if (!f.error() && !known_category(p.category)) {
      f.fail("unknown category \"" + p.category + "\"", "category", category_hint);
    }
    if (!f.error() && !p.validator.empty() && p.validator != "iban" && p.validator != "nir"
        && p.validator != "luhn") {
      f.fail("unknown validator \"" + p.validator + "\"", "validator", "use iban, nir, luhn or null");
    }
    if (!f.error() && !ids.insert(p.id).second) {
      f.fail("duplicate id \"" + p.id + "\"", "id");
    }
    if (f.error()) {
      return *f.error();
    }
    auto added = rules.m_set.add(pattern, f.where("pattern"), "value");
    if (!added) {
      return added.error();
    }
    p.index = *added;
    if (!context.empty()) {
      auto ctx = LazyPattern::check(context, f.where("context"));
      if (!ctx) {
        return ctx.error();
      }
      p.context = std::move(*ctx);
    }
    rules.m_patterns.push_back(std::move(p));
  }
  if (auto s = rules.m_set.compile(); !s) {
    return s.error();
  }
  return rules;
}

void SensitiveRules::detect_terms(const std::vector<util::WordSpan>& words,
                                  std::vector<Span>& out,
                                  std::size_t only_entry) const
{
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = m_terms_by_first_word.find(words[i].word);
    if (it == m_terms_by_first_word.end()) {
      continue;
    }
    for (const auto& term : it->second) {
      if (only_entry != static_cast<std::size_t>(-1) && term.entry != only_entry) {
        continue;
      }
      if (i + term.words.size() > words.size()) {
        continue;
      }
      bool same = true;
      for (std::size_t k = 0; k < term.words.size() && same; ++k) {
        same = words[i + k].word == term.words[k];
      }
      if (same) {
        out.push_back(Span{term.category, words[i].begin, words[i + term.words.size() - 1].end, true});
      }
    }
  }
}

void SensitiveRules::detect_pattern(const Pattern& p,
                                    const std::string& folded,
                                    std::vector<Span>& out) const
{
  const re2::RE2& re = m_set.pattern(p.index);
  const auto named = re.NamedCapturingGroups().find("value");
  if (!re.ok() || named == re.NamedCapturingGroups().end()) {
    return; // too large for RE2 (the parse succeeded): matches nothing
  }
  const int groups = re.NumberOfCapturingGroups() + 1;
  const int value_index = named->second;
  std::vector<re2::StringPiece> match(static_cast<std::size_t>(groups));
  std::size_t start = 0;
  while (start <= folded.size()
         && re.Match(folded, start, folded.size(), re2::RE2::UNANCHORED, match.data(), groups)) {
    const auto& whole = match[0];
    const auto& value = match[static_cast<std::size_t>(value_index)];
    const std::size_t begin = static_cast<std::size_t>(whole.data() - folded.data());
    const std::size_t end = begin + whole.size();
    start = end > begin ? end : begin + 1;
    if (!value.data()) {
      continue;
    }
    const std::string datum(value.data(), value.size());
    if ((p.validator == "iban" && !valid_iban(datum)) || (p.validator == "nir" && !valid_nir(datum))
        || (p.validator == "luhn" && !valid_luhn(datum))) {
      continue;
    }
    if (p.context) {
      const std::size_t from = begin > 60 ? begin - 60 : 0;
      const std::string before = folded.substr(from, end - from);
      if (!re2::RE2::PartialMatch(before, p.context->get())) {
        continue;
      }
    }
    const auto at = static_cast<std::size_t>(value.data() - folded.data());
    out.push_back(Span{p.category, at, at + value.size(), false});
  }
}

std::vector<SensitiveRules::Span> SensitiveRules::detect_spans(const std::string& folded) const
{
  std::vector<Span> found;
  detect_terms(util::FoldedText::words_of(folded), found);
  // The prefilter's candidates: detect_pattern runs each one, with its captures.
  for (int index : m_set.candidates(folded)) {
    detect_pattern(m_patterns[static_cast<std::size_t>(index)], folded, found);
  }
  // In category order, then in the order the text says them (a report reads like the page,
  // whatever order the patterns are written or matched in).
  std::stable_sort(found.begin(), found.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (const auto& category : categories()) {
    for (const auto& s : found) {
      if (s.category == category) {
        out.push_back(s);
      }
    }
  }
  return out;
}

std::vector<Sensitive> SensitiveRules::detect(const std::string& folded) const
{
  // One entry per category and text, in category order.
  std::vector<Sensitive> out;
  for (const auto& s : detect_spans(folded)) {
    const std::string_view datum = std::string_view(folded).substr(s.begin, s.end - s.begin);
    std::string text = s.term ? util::word_key(datum) : util::squeeze_spaces(datum);
    if (std::none_of(out.begin(), out.end(), [&](const Sensitive& o) {
          return o.category == s.category && o.text == text;
        })) {
      out.push_back(Sensitive{s.category, std::move(text), false});
    }
  }
  return out;
}

std::vector<LintProblem> SensitiveRules::lint_examples(const json& value,
                                                       const std::string& source) const
{
  std::vector<LintProblem> problems;
  auto check = [&](const std::string& where, const std::string& text, bool should, bool found) {
    if (found != should) {
      problems.push_back({where, "\"" + text + "\" " + (should ? "is not detected" : "is detected")});
    }
  };
  const json& terms = value.at("terms");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const json& examples = terms[i].value("examples", json::object());
    for (const auto& [key, should] : {std::pair<const char*, bool>{"match", true}, {"no_match", false}}) {
      const json& items = examples.value(key, json::array());
      for (std::size_t j = 0; j < items.size(); ++j) {
        const std::string text = util::fold(items[j].get<std::string>());
        std::vector<Span> found;
        detect_terms(util::FoldedText::words_of(text), found, i);
        check(source + ": /terms/" + std::to_string(i) + "/examples/" + key + "/" + std::to_string(j),
              text, should, !found.empty());
      }
    }
  }
  const json& patterns = value.at("patterns");
  for (std::size_t i = 0; i < patterns.size() && i < m_patterns.size(); ++i) {
    const json& examples = patterns[i].value("examples", json::object());
    for (const auto& [key, should] : {std::pair<const char*, bool>{"match", true}, {"no_match", false}}) {
      const json& items = examples.value(key, json::array());
      for (std::size_t j = 0; j < items.size(); ++j) {
        const std::string text = util::fold(items[j].get<std::string>());
        std::vector<Span> found;
        detect_pattern(m_patterns[i], text, found);
        check(source + ": /patterns/" + std::to_string(i) + "/examples/" + key + "/" + std::to_string(j),
              text, should, !found.empty());
      }
    }
  }
  return problems;
}

} // namespace empreinte::classify
