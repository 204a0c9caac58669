# Interface targets every project target links: language level, warnings, sanitizers.
add_library(standard_settings INTERFACE)
target_compile_features(standard_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(standard_warnings INTERFACE)
target_compile_options(standard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  $<$<BOOL:${EMPREINTE_DEV}>:-Werror>)

if(EMPREINTE_SANITIZE)
  target_compile_options(standard_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
endif()

# Assertions of the standard library (bounds of operator[], optional::operator*, ...): undefined
# behaviour that ASan and UBSan cannot see. Sanitizer and fuzzing builds turn them on.
option(EMPREINTE_ASSERTIONS "Build with -D_GLIBCXX_ASSERTIONS" OFF)
if(EMPREINTE_ASSERTIONS OR EMPREINTE_SANITIZE OR EMPREINTE_FUZZ)
  target_compile_definitions(standard_settings INTERFACE _GLIBCXX_ASSERTIONS)
endif()

# libFuzzer targets in fuzz/ (docs/fuzzing.md): clang only. Everything is instrumented for
# coverage, with ASan and UBSan; the fuzz targets link libFuzzer itself. Comparisons are traced
# too (libFuzzer learns the values the code compares with), unless EMPREINTE_FUZZ_TRACE_CMP is
# OFF: a callback on every comparison slows all code by a tenth or more, which CI's sanitizer
# build, where the test suite also runs, does without (its fuzz smoke keeps edge coverage and
# the dictionaries).
option(EMPREINTE_FUZZ_TRACE_CMP "With EMPREINTE_FUZZ: trace comparisons for libFuzzer" ON)
if(EMPREINTE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "EMPREINTE_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(standard_settings INTERFACE -fsanitize=fuzzer-no-link)
  if(NOT EMPREINTE_FUZZ_TRACE_CMP)
    target_compile_options(standard_settings INTERFACE -fno-sanitize-coverage=trace-cmp)
  endif()
  if(NOT EMPREINTE_SANITIZE)
    target_compile_options(standard_settings INTERFACE
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
  endif()
endif()
