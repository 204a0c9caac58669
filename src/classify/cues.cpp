// One prefiltered pattern set per field: a trace costs four scans for the cues' literal words,
// then runs only the cues whose words it holds.
#include "classify/cues.hpp"

#include "util/json_fields.hpp"

#include <algorithm>
#include <set>

namespace empreinte::classify {

using nlohmann::json;

util::Result<CueRules> CueRules::load(const std::string& path)
{
  auto value = load_rules_json(path, "empreinte/cues/v1", {"cues"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

util::Result<CueRules> CueRules::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* list = root.array("cues", true);
  if (root.error()) {
    return *root.error();
  }
  CueRules rules;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields f((*list)[i], source, "/cues/" + std::to_string(i));
    f.allow_only(
        {"id", "lang", "field", "pattern", "kind", "weight", "means", "means_fr", "examples"});
    Cue cue;
    cue.id = f.string("id", true);
    cue.lang = f.string("lang", true);
    const std::string field = f.string("field", true);
    const std::string pattern = f.string("pattern", true);
    const std::string kind = f.string("kind", true);
    cue.weight = f.number("weight", -1.0);
    cue.means = f.string("means", true);
    cue.means_fr = f.string("means_fr", true);
    if (const json* examples = f.object("examples"); examples && !f.error()) {
      util::JsonFields e(*examples, source, f.pointer() + "/examples");
      e.allow_only({"match", "no_match"});
      (void)e.strings("match");
      (void)e.strings("no_match");
      if (e.error()) {
        return *e.error();
      }
    }
    if (f.error()) {
      return *f.error();
    }
    static const std::pair<const char*, CueField> fields[] = {
      {"title", CueField::title}, {"text", CueField::text}, {"path", CueField::path}, {"host", CueField::host}};
    bool field_ok = false;
    for (const auto& [name, value_field] : fields) {
      if (field == name) {
        cue.field = value_field;
        field_ok = true;
      }
    }
    if (!field_ok) {
      f.fail("unknown field \"" + field + "\"", "field", "use title, text, path or host");
    }
    if (kind == "voluntary") {
      cue.kind = traces::Kind::voluntary;
    } else if (kind == "inherited") {
      cue.kind = traces::Kind::inherited;
    } else if (kind == "involuntary") {
      cue.kind = traces::Kind::involuntary;
    } else {
      f.fail("unknown kind \"" + kind + "\"", "kind", "use voluntary, inherited or involuntary");
    }
    if (cue.weight < 0.0 || cue.weight > 1.0) {
      f.fail("weight must be between 0 and 1", "weight");
    }
    if (cue.lang != "fr" && cue.lang != "en" && cue.lang != "any") {
      f.fail("unknown lang \"" + cue.lang + "\"", "lang", "use fr, en or any");
    }
    if (!ids.insert(cue.id).second) {
      f.fail("duplicate cue id \"" + cue.id + "\"", "id");
    }
    if (f.error()) {
      return *f.error();
    }
    const auto slot = static_cast<std::size_t>(cue.field);
    auto added = rules.m_sets[slot].add(pattern, f.where("pattern"));
    if (!added) {
      return added.error();
    }
    rules.m_set_to_cue[slot].push_back(rules.m_cues.size());
    rules.m_patterns.push_back(pattern);
    rules.m_cues.push_back(std::move(cue));
  }
  for (auto& set : rules.m_sets) {
    if (auto s = set.compile(); !s) {
      return s.error();
    }
  }
  return rules;
}

std::vector<const Cue*> CueRules::evaluate(const CueInput& input) const
{
  std::vector<std::size_t> hits;
  const std::string_view texts[] = {input.title, input.text, input.path, input.host};
  for (std::size_t slot = 0; slot < m_sets.size(); ++slot) {
    for (int index : m_sets[slot].matches(texts[slot])) {
      hits.push_back(m_set_to_cue[slot][static_cast<std::size_t>(index)]);
    }
  }
  std::sort(hits.begin(), hits.end());
  std::vector<const Cue*> out;
  for (std::size_t i : hits) {
    out.push_back(&m_cues[i]);
  }
  return out;
}

std::vector<LintProblem> CueRules::lint_examples(const json& value, const std::string& source) const
{
  std::vector<LintProblem> problems;
  const json& list = value.at("cues");
  for (std::size_t i = 0; i < list.size() && i < m_patterns.size(); ++i) {
    const json& examples = list[i].value("examples", json::object());
    if (examples.empty()) {
      continue;
    }
    // Compiled here, for lint only: an audit never pays for it.
    auto re = compile_pattern(m_patterns[i], source + ": /cues/" + std::to_string(i) + "/pattern");
    if (!re) {
      problems.push_back({re.error().where, re.error().what});
      continue;
    }
    for (const auto& [key, should] : {std::pair<const char*, bool>{"match", true}, {"no_match", false}}) {
      const json& items = examples.value(key, json::array());
      for (std::size_t j = 0; j < items.size(); ++j) {
        const std::string text = items[j].get<std::string>();
        if (re2::RE2::PartialMatch(text, **re) != should) {
          problems.push_back({source + ": /cues/" + std::to_string(i) + "/examples/" + key + "/"
                                + std::to_string(j),
                              "\"" + text + "\" " + (should ? "does not match" : "matches")});
        }
      }
    }
  }
  return problems;
}

} // namespace empreinte::classify
