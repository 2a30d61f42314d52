# The one INTERFACE target of compile rules that every target of the project links (STYLE.md §2).
add_library(kv_compile_rules INTERFACE)
target_compile_features(kv_compile_rules INTERFACE cxx_std_20)
target_compile_definitions(kv_compile_rules INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    KV_VERSION="${PROJECT_VERSION}")
target_compile_options(kv_compile_rules INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wdouble-promotion
    -Wformat=2 -Wimplicit-fallthrough)
if(KV_WERROR)
    target_compile_options(kv_compile_rules INTERFACE -Werror)
endif()

# Hardening of what ships, as Debian builds its packages (dpkg-buildflags): checked buffer
# functions where the compiler knows the sizes (needs optimisation, so not in Debug), a stack
# protector, and a read-only relocation table resolved at start (lintian: hardening-no-fortify-
# functions, hardening-no-bindnow). Not for the fuzz build: its sanitizers check more, and
# FORTIFY's wrappers would hide calls from them.
if(NOT KV_BUILD_FUZZ)
    target_compile_definitions(kv_compile_rules INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
    target_compile_options(kv_compile_rules INTERFACE -fstack-protector-strong)
    target_link_options(kv_compile_rules INTERFACE LINKER:-z,relro LINKER:-z,now)
endif()
