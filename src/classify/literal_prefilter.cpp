// The conditions of the literal prefilter: a few words combined with and / or.
#include "classify/literal_prefilter.hpp"

namespace empreinte::classify {

Prefilter Prefilter::all()
{
  return {};
}

Prefilter Prefilter::make_word(std::string w)
{
  Prefilter p;
  p.op = Prefilter::Op::word;
  p.word = std::move(w);
  return p;
}

Prefilter Prefilter::combine(Op op, std::vector<Prefilter> parts)
{
  std::vector<Prefilter> flat;
  for (auto& p : parts) {
    if (p.op == Prefilter::Op::all) {
      if (op == Prefilter::Op::any_of) {
        return all(); // one alternative needs nothing: the whole needs nothing
      }
      continue; // needs nothing: adds nothing to a conjunction
    }
    if (p.op == op) {
      for (auto& q : p.parts) {
        flat.push_back(std::move(q));
      }
    } else {
      flat.push_back(std::move(p));
    }
  }
  if (flat.empty()) {
    return all();
  }
  if (flat.size() == 1) {
    return std::move(flat.front());
  }
  Prefilter out;
  out.op = op;
  out.parts = std::move(flat);
  return out;
}

// What a part of the pattern matches: exactly one of a few strings, or text meeting `match`.
std::string Prefilter::str() const
{
  switch (op) {
  case Op::all:
    return "all";
  case Op::word:
    return "\"" + word + "\"";
  case Op::all_of:
  case Op::any_of: {
    std::string out = op == Op::all_of ? "and(" : "or(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i ? ", " : "") + parts[i].str();
    }
    return out + ")";
  }
  }
  return "all";
}

} // namespace empreinte::classify
