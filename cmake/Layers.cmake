# Layers are link targets, and an arrow that is not in DESIGN.md is a build error.
#
# kv_add_layer(NAME <layer> SOURCES ... DEPENDS <layers> [LIBS <extra targets>])
# creates the library kv_<layer> from core/<layer> (or ui/), links the layers it may
# depend on (DEPENDS names the direct arrows of DESIGN.md), and fails the configure step when one of its sources includes a header
# of a layer outside DEPENDS, or a QtGui/QtWidgets header from under core/.
set(KV_LAYER_NAMES model store service client server ui)

function(kv_check_layer_includes layer allowed)
    get_target_property(sources kv_${layer} SOURCES)
    get_target_property(source_dir kv_${layer} SOURCE_DIR)
    foreach(source IN LISTS sources)
        if(NOT IS_ABSOLUTE "${source}")
            set(source "${source_dir}/${source}")
        endif()
        if(NOT EXISTS "${source}")
            continue()
        endif()
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(line MATCHES "#[ \t]*include[ \t]*\"([a-z]+)/")
                set(target_layer "${CMAKE_MATCH_1}")
                if(target_layer IN_LIST KV_LAYER_NAMES AND NOT target_layer STREQUAL layer
                   AND NOT target_layer IN_LIST allowed)
                    message(FATAL_ERROR "Layer '${layer}' may not include '${target_layer}' "
                                        "(${source}: ${line}); allowed: ${allowed}")
                endif()
            endif()
            if(NOT layer STREQUAL "ui" AND line MATCHES "#[ \t]*include[ \t]*<(QtGui|QtWidgets|QtCharts|QWidget|QApplication|QGuiApplication|QImage|QPixmap|QColor)")
                message(FATAL_ERROR "core/${layer} may not use QtGui or QtWidgets (${source}: ${line})")
            endif()
        endforeach()
    endforeach()
endfunction()

function(kv_add_layer)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPENDS;LIBS" ${ARGN})
    if(NOT ARG_NAME STREQUAL "ui" AND ARG_LIBS MATCHES "Qt6::(Gui|Widgets|Charts)")
        message(FATAL_ERROR "core/${ARG_NAME} may not link QtGui, QtWidgets or QtCharts")
    endif()
    add_library(kv_${ARG_NAME} STATIC ${ARG_SOURCES})
    add_library(kv::${ARG_NAME} ALIAS kv_${ARG_NAME})
    target_link_libraries(kv_${ARG_NAME} PUBLIC kv_compile_rules ${ARG_LIBS})
    foreach(dep IN LISTS ARG_DEPENDS)
        target_link_libraries(kv_${ARG_NAME} PUBLIC kv_${dep})
    endforeach()
    if(ARG_NAME STREQUAL "ui")
        target_include_directories(kv_${ARG_NAME} PUBLIC "${PROJECT_SOURCE_DIR}")
    else()
        target_include_directories(kv_${ARG_NAME} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    endif()
    # Includes follow the arrows exactly (not transitively): ui talks to client, never to service.
    # core/model is used by every layer.
    set(allowed ${ARG_DEPENDS} model)
    kv_check_layer_includes(${ARG_NAME} "${allowed}")
endfunction()
