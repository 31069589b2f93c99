# SPDX-License-Identifier: GPL-3.0-or-later
# Per-target compiler settings: warnings (errors under LIPA_WERROR), optional sanitizers and, under
# LIPA_FUZZ, libFuzzer instrumentation.
# Applied to every Lipa Till target through lipa_configure_target(); nothing is set globally.

function(lipa_configure_target target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(LIPA_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # No silent QString -> char* or QString -> QUrl conversions, no narrowing in connect().
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
    if(LIPA_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(LIPA_FUZZ)
        # libFuzzer's coverage hooks without its main(); tests/fuzz links the fuzz targets with
        # -fsanitize=fuzzer. Any undefined behaviour stops the run like a crash.
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    endif()
endfunction()
