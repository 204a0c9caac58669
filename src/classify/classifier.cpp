// Orchestration only: the judgements live in identity.cpp, kind.cpp and exposure.cpp.
#include "classify/classifier.hpp"

#include "classify/exposure.hpp"
#include "classify/identity.hpp"
#include "classify/kind.hpp"
#include "classify/trace_text.hpp"
#include "util/cpus.hpp"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

namespace empreinte::classify {

Classifier::Classifier(const profile::Profile& profile, const Rules& rules, Tuning tuning)
  : m_rules(rules),
    m_subject(Subject::make(profile, rules, tuning))
{
}

namespace {

struct Judged
{
  IdentityMatch identity;
  KindVerdict kind;
};

Judged judge(const Subject& s, const Rules& rules, traces::Trace& trace, const TraceText& text)
{
  trace.evidence.clear();
  Judged j;
  j.identity = judge_identity(s, rules, trace, text, trace.evidence);
  trace.about_subject = j.identity.about;
  j.kind = judge_kind(s, rules, trace, text, j.identity, trace.evidence);
  trace.kind = j.kind.kind;
  trace.confidence = j.kind.confidence;
  trace.platform = j.kind.platform.platform ? j.kind.platform.platform->id : std::string();
  trace.platform_page = !j.kind.platform.platform                   ? ""
                        : j.kind.platform.type == PageType::profile ? "profile"
                        : j.kind.platform.type == PageType::post    ? "post"
                                                                    : "";
  trace.category = j.kind.own_site ? "own_site" : j.kind.category;
  trace.own_site = j.kind.own_site;
  judge_exposure(s, rules, text, j.identity, j.kind, trace);
  return j;
}

// How many threads judging `traces` is worth, on the cores this process may use (its affinity
// and cgroup quota, not the machine's). A trace with only a snippet costs tens of microseconds,
// one with its page read about a millisecond (more in a fresh process, whose pattern automata
// are still being built), against ~50 microseconds to start a thread.
std::size_t threads_for(const std::vector<traces::Trace>& traces)
{
  constexpr std::size_t k_snippet_cost = 1;
  constexpr std::size_t k_page_cost = 64;
  constexpr std::size_t k_cost_per_thread = 256;
  std::size_t cost = 0;
  for (const auto& t : traces) {
    cost += t.page.content ? k_page_cost : k_snippet_cost;
  }
  return std::min<std::size_t>({util::available_cpus(), cost / k_cost_per_thread + 1, traces.size()});
}

// Runs `work(i)` for every index on `threads` threads. Traces are judged independently and
// the rules are read-only (RE2 matching is thread-safe).
template<typename Work> void for_each_index(std::size_t count, std::size_t threads, const Work& work)
{
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      work(i);
    }
    return;
  }
  // Whole pages differ in size: each thread takes the next index, so none waits on another.
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) {
        work(i);
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
}

} // namespace

void Classifier::classify(traces::Trace& trace) const
{
  (void)judge(m_subject, m_rules, trace, TraceText::make(trace));
}

void Classifier::classify_all(std::vector<traces::Trace>& traces) const
{
  // Does any trace about the person name them founder or owner of their employer? Then the
  // employer's site is their own everywhere in this audit.
  Subject subject = m_subject;
  const std::size_t threads = threads_for(traces);
  std::vector<TraceText> texts(traces.size());
  for_each_index(traces.size(), threads, [&](std::size_t i) { texts[i] = TraceText::make(traces[i]); });
  for (std::size_t i = 0; i < traces.size() && !subject.owns_employer && !subject.employer.empty(); ++i) {
    if (!founder_words(texts[i], window_words(texts[i], subject))) {
      continue; // cheap test first: most traces name no founder
    }
    std::vector<util::Message> unused;
    const IdentityMatch id = judge_identity(subject, m_rules, traces[i], texts[i], unused);
    if (id.about >= 0.5 && id.name && id.employer) {
      subject.owns_employer = true;
    }
  }
  std::vector<Judged> judged(traces.size());
  for_each_index(traces.size(), threads, [&](std::size_t i) {
    judged[i] = judge(subject, m_rules, traces[i], texts[i]);
  });
  std::set<std::string> pseudonym_platforms; // platforms where the person's account is a pseudonym
  for (std::size_t i = 0; i < traces.size(); ++i) {
    auto& t = traces[i];
    const auto& k = judged[i].kind;
    if (k.platform.platform && k.platform.type == PageType::profile
        && subject.is_pseudonym_slug(slug_of(k.platform.handle)) && t.about_subject >= 0.5) {
      pseudonym_platforms.insert(k.platform.platform->id);
    }
  }
  for (std::size_t i = 0; i < traces.size(); ++i) {
    auto& t = traces[i];
    const auto& k = judged[i].kind;
    if (!t.pseudonym_link && t.about_subject >= 0.5 && k.authored_by_subject
        && k.platform.type == PageType::post && k.platform.platform
        && pseudonym_platforms.count(k.platform.platform->id) && judged[i].identity.name) {
      t.pseudonym_link = true;
      t.evidence.push_back({"kind.pseudonym_post", {}, {}});
    }
  }
}

} // namespace empreinte::classify
