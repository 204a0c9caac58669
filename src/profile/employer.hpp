// An employer as pages write it: with or without its legal form ("Cairnware Sàrl",
// "CAIRNWARE"), with or without the kind of business in front ("Boulangerie Le Fournil de
// Zola", "Le Fournil de Zola").
#pragma once

#include <string>
#include <vector>

namespace empreinte::profile {

// The employer's name without its legal form and without a leading word that only says what
// kind of business it is, as written ("Boulangerie Le Fournil de Zola SARL" -> "Le Fournil de
// Zola"); the whole name when nothing distinctive would be left.
std::string employer_core(const std::string& employer);

// Folded word sequences that name the employer: the whole name, then shorter distinctive
// forms. Empty when no employer is given.
std::vector<std::vector<std::string>> employer_forms(const std::string& employer);

// True for a legal form (folded word): sarl, sas, ltd, llc, gmbh, sarl...
bool is_legal_form(const std::string& folded_word);

} // namespace empreinte::profile
