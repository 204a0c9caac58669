// The words of the quiz in the trainee's language: choices, answers, feedback, the score line.
#pragma once

#include "training/quiz.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::training {

// "Voluntary: you published it or own the account"... for a kind id.
std::string kind_choice(const std::string& lang, const std::string& kind);
std::string yes_no(const std::string& lang, bool value);
// The categories' names, or "nothing exposed".
std::string categories_text(const std::string& lang, const std::vector<std::string>& categories);
// The answer `v` under the i18n key `prefix` + value, or "no answer".
std::string answer_text(const std::string& lang, const std::optional<std::string>& v, std::string_view prefix);
// Feedback on one item: each question right or wrong, the key and why.
std::string feedback_text(const std::string& lang, const ItemScore& s);
// "Score: 31/40 (78 %)".
std::string score_line(const std::string& lang, const Score& score);

} // namespace empreinte::training
