// The query language web engines share: "exact phrases", terms, OR, -term, site:domain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::search {

// A word or an exact phrase.
struct Term
{
  std::string text;
  bool phrase = false;
};

// A parsed query. Positive terms form an AND of OR-groups; site: filters are alternatives
// (a result must be on one of them), as engines treat "site:a OR site:b".
struct ParsedQuery
{
  std::vector<std::vector<Term>> groups; // AND of (OR of terms)
  std::vector<Term> excluded;            // -term, -"phrase"
  std::vector<std::string> sites;        // site:domain (lower-case, no leading dot)
  std::vector<std::string> excluded_sites;

  bool empty() const { return groups.empty() && sites.empty(); }
};

// Parses a query. Unbalanced quotes close at the end; terms without letters or digits
// are dropped (they match nothing in any engine).
ParsedQuery parse_query(std::string_view text);

// The FTS5 MATCH expression for the text part ("" when there are no positive terms).
// Every term is a quoted FTS5 string, so no user input is read as FTS5 syntax.
std::string to_fts5(const ParsedQuery& query);

// True when `host` is `domain` or one of its subdomains.
bool host_matches(std::string_view host, std::string_view domain);

} // namespace empreinte::search
