cmake_minimum_required(VERSION 3.25)
# Proves that the layering check can fail: configures tiny projects (no compiler) that use
# cmake/MadoLayering.cmake with a two-layer graph, low <- high, and expects
#   - the clean project to configure,
#   - an upward #include (core/low including core/high) to stop the configure step,
#   - an upward link (low's target linking high's) to stop it,
#   - a layer that names one declared after it (a cycle) to stop it.
# cmake -DMADO_SOURCE_DIR=<repository> -DWORK_DIR=<scratch directory> -P LayeringSelfTest.cmake
if(NOT MADO_SOURCE_DIR OR NOT WORK_DIR)
    message(FATAL_ERROR "usage: cmake -DMADO_SOURCE_DIR=... -DWORK_DIR=... -P LayeringSelfTest.cmake")
endif()
file(REMOVE_RECURSE ${WORK_DIR})

function(make_project name low_cpp link_up graph)
    set(dir ${WORK_DIR}/${name})
    file(WRITE ${dir}/core/low/Low.h "#pragma once\n")
    file(WRITE ${dir}/core/low/Low.cpp "${low_cpp}")
    file(WRITE ${dir}/core/high/High.h "#pragma once\n#include \"core/low/Low.h\"\n")
    file(WRITE ${dir}/core/high/High.cpp "#include \"core/high/High.h\"\n")
    set(links "target_link_libraries(tiny_high INTERFACE tiny_low)\n")
    if(link_up)
        string(APPEND links "target_link_libraries(tiny_low INTERFACE tiny_high)\n")
    endif()
    file(WRITE ${dir}/CMakeLists.txt
"cmake_minimum_required(VERSION 3.25)
project(tiny LANGUAGES NONE)
include(${MADO_SOURCE_DIR}/cmake/MadoLayering.cmake)
${graph}
add_library(tiny_low INTERFACE)
add_library(tiny_high INTERFACE)
${links}
mado_check_layering(\${CMAKE_CURRENT_SOURCE_DIR})
")
endfunction()

# expect: PASS or a regex the failed configure's output must match.
function(expect name expected)
    execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK_DIR}/${name} -B ${WORK_DIR}/${name}/build
                    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(expected STREQUAL "PASS")
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "${name}: the configure step failed, but should pass:\n${out}${err}")
        endif()
    else()
        if(result EQUAL 0)
            message(FATAL_ERROR "${name}: the configure step passed, but the layering check should stop it")
        endif()
        if(NOT "${out}${err}" MATCHES "${expected}")
            message(FATAL_ERROR "${name}: failed without the expected message '${expected}':\n${out}${err}")
        endif()
    endif()
    message(STATUS "${name}: as expected")
endfunction()

set(graph "mado_layer(low DIRS core/low TARGETS tiny_low GUI_FREE)
mado_layer(high DIRS core/high TARGETS tiny_high USES low GUI_FREE)")
set(clean_cpp "#include \"core/low/Low.h\"\n")
set(upward_cpp "#include \"core/low/Low.h\"\n  #  include \"core/high/High.h\" // upward\n")

make_project(clean "${clean_cpp}" FALSE "${graph}")
expect(clean PASS)

make_project(upward_include "${upward_cpp}" FALSE "${graph}")
expect(upward_include
       "Layering violation.*core/low/Low.cpp: includes core/high/High.h \\(layer high\\), but layer low may use only:")

make_project(upward_link "${clean_cpp}" TRUE "${graph}")
expect(upward_link "Layering violation.*tiny_low \\(layer low\\) links tiny_high \\(layer high\\)")

make_project(cycle "${clean_cpp}" FALSE "mado_layer(low DIRS core/low TARGETS tiny_low USES high)
mado_layer(high DIRS core/high TARGETS tiny_high USES low)")
expect(cycle "mado_layer: low uses high, which is not declared before it")

file(REMOVE_RECURSE ${WORK_DIR})
