// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fuzz targets share: the libFuzzer entry point and a check that stops the run, so libFuzzer
// saves the input, when a parser breaks a promise its header makes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#define LIPA_FUZZ_CHECK(condition)                                                                           \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
