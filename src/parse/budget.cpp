// Thread-local, so that parses on several threads each answer to their own budget and the
// selector engine needs no extra parameter on every call.
#include "parse/budget.hpp"

namespace empreinte::parse {

namespace {

thread_local Budget* t_budget = nullptr;

} // namespace

BudgetScope::BudgetScope(Budget& budget) : m_previous(t_budget)
{
  t_budget = &budget;
}

BudgetScope::~BudgetScope()
{
  t_budget = m_previous;
}

bool budget_spent()
{
  return t_budget != nullptr && t_budget->spent();
}

} // namespace empreinte::parse
