// Registration of every subcommand on the command-line parser.
#pragma once

#include "app/options.hpp"

#include <CLI/CLI.hpp>

namespace empreinte::app {

// `empreinte plan`: print the four searches for a profile.
void add_plan_command(CLI::App& app, Runner& runner);

// `empreinte audit` and `empreinte demo`: run the whole pipeline and print the report.
void add_audit_commands(CLI::App& app, Runner& runner);

// `empreinte classify`: classify results from a JSON file, offline.
void add_classify_command(CLI::App& app, Runner& runner);

// `empreinte rules lint`: validate rules files.
void add_rules_command(CLI::App& app, Runner& runner);

// `empreinte letter`: a GDPR letter for one trace of a saved report.
void add_letter_command(CLI::App& app, Runner& runner);

// `empreinte parse`: a saved search-engine response -> status and results, offline.
void add_parse_command(CLI::App& app, Runner& runner);

// `empreinte backends [check]`: the known search backends and their health.
void add_backends_command(CLI::App& app, Runner& runner);

// `empreinte accounts [self-check]`: a pseudonym's accounts across sites.
void add_accounts_command(CLI::App& app, Runner& runner);
// `empreinte batch`: many subjects, one profile a line, one JSON line out each.
void add_batch_command(CLI::App& app, Runner& runner);

// `empreinte quiz`: the trainees' quiz on a training persona.
void add_quiz_command(CLI::App& app, Runner& runner);

// `empreinte cache clear`.
void add_cache_command(CLI::App& app, Runner& runner);

// `empreinte history`: the stored audits of a person.
void add_history_command(CLI::App& app, Runner& runner);

// `empreinte diff [OLD] [NEW]`: what changed between two audits.
void add_diff_command(CLI::App& app, Runner& runner);

// `empreinte review` and `empreinte mark`: is this page me?
void add_review_command(CLI::App& app, Runner& runner);
void add_mark_command(CLI::App& app, Runner& runner);

// `empreinte requests add|list|extend|done|complaint`: removal requests and their deadlines.
void add_requests_command(CLI::App& app, Runner& runner);

} // namespace empreinte::app
