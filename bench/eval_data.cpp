// Rows become traces through the same merge as an audit, so evaluation sees what users see.
#include "eval_data.hpp"

#include "plan/query.hpp"
#include "search/backend.hpp"
#include "traces/merge.hpp"
#include "traces/url_normalise.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace empreinte::bench {

using nlohmann::json;

std::vector<Persona> load_personas(const std::string& dir)
{
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Persona> out;
  for (const auto& file : files) {
    auto text = util::read_file(file);
    if (!text) {
      throw std::runtime_error(text.error().to_string());
    }
    auto value = util::parse_json(*text, file.string());
    if (!value) {
      throw std::runtime_error(value.error().to_string());
    }
    Persona p;
    p.name = file.stem().string();
    auto profile = profile::profile_from_json(value->at("profile"), file.string());
    if (!profile) {
      throw std::runtime_error(profile.error().to_string());
    }
    p.profile = *profile;
    std::vector<plan::Query> queries;
    std::vector<search::QueryOutcome> outcomes;
    std::map<std::string, std::size_t> by_query;
    for (const auto& r : value->at("results")) {
      Row row;
      row.family = r.at("query_family").get<std::string>();
      row.query = r.at("query").get<std::string>();
      row.rank = r.at("rank").get<int>();
      row.url = r.at("url").get<std::string>();
      row.title = r.value("title", "");
      row.snippet = r.value("snippet", "");
      const json& l = r.at("label");
      row.label.kind = l.at("kind").get<std::string>();
      row.label.kind_alt = l.at("kind_alt").is_string() ? l["kind_alt"].get<std::string>() : "";
      row.label.about_subject = l.at("about_subject").get<bool>();
      row.label.sensitive = l.at("sensitive").get<std::vector<std::string>>();
      row.label.pseudonym_link = l.at("pseudonym_link").get<bool>();
      row.label.job_link = l.at("job_link").get<bool>();
      row.label.why = l.value("why", "");
      auto [it, inserted] = by_query.try_emplace(row.family + "\x1f" + row.query, queries.size());
      if (inserted) {
        plan::Query q;
        q.id = "q" + std::to_string(queries.size() + 1);
        q.family = plan::family_from_name(row.family).value_or(plan::Family::name);
        q.text = row.query;
        queries.push_back(q);
        outcomes.push_back(
          search::QueryOutcome{"eval", search::QueryStatus::ok, {}, {}, queries.size() - 1});
      }
      outcomes[it->second].results.push_back(search::SearchResult{row.rank, row.url, row.title, row.snippet, ""});
      p.rows.push_back(std::move(row));
    }
    p.traces = traces::merge(queries, outcomes);
    for (auto& row : p.rows) {
      const auto url = traces::normalise_url(row.url);
      for (std::size_t i = 0; i < p.traces.size(); ++i) {
        if (url && p.traces[i].url == *url) {
          row.trace = i;
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

} // namespace empreinte::bench
