# `format` rewrites every C++ file of the project with clang-format; `format-check` fails
# when one would change (CI runs it through scripts/test).
find_program(KV_CLANG_FORMAT NAMES clang-format clang-format-14)
if(KV_CLANG_FORMAT)
    set(kv_format_dirs app core ui tests bench)
    set(kv_format_files "")
    foreach(dir IN LISTS kv_format_dirs)
        file(GLOB_RECURSE found CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${dir}/*.cpp" "${PROJECT_SOURCE_DIR}/${dir}/*.h")
        list(APPEND kv_format_files ${found})
    endforeach()
    add_custom_target(format
        COMMAND "${KV_CLANG_FORMAT}" -i ${kv_format_files}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Formatting the C++ sources with clang-format" VERBATIM)
    add_custom_target(format-check
        COMMAND "${KV_CLANG_FORMAT}" --dry-run -Werror ${kv_format_files}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Checking the C++ sources against .clang-format" VERBATIM)
endif()
