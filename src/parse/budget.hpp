// A time budget for reading one response: the walks over a parsed document stop early once it
// is spent, so that a hostile page cannot hold the thread that reads it for long.
#pragma once

#include <chrono>
#include <cstdint>

namespace empreinte::parse {

class Budget
{
public:
  using Clock = std::chrono::steady_clock;

  explicit Budget(Clock::time_point deadline) : m_deadline(deadline) {}

  // True once the deadline has passed; reads the clock only every few hundred calls, so the
  // walks may call it for every node.
  bool spent()
  {
    if (!m_spent && (++m_calls & 255) == 0) {
      m_spent = Clock::now() >= m_deadline;
    }
    return m_spent;
  }
  bool was_spent() const { return m_spent; }

private:
  Clock::time_point m_deadline;
  std::uint32_t m_calls = 0;
  bool m_spent = false;
};

// Makes `budget` the one this thread's walks check, for the scope's lifetime (scopes nest).
class BudgetScope
{
public:
  explicit BudgetScope(Budget& budget);
  ~BudgetScope();
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;

private:
  Budget* m_previous;
};

// For the walks: true when this thread has a budget and it is spent. Without a scope, never.
bool budget_spent();

} // namespace empreinte::parse
