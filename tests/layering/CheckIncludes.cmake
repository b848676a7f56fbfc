cmake_minimum_required(VERSION 3.25)
# The include half of the layering check on the sources as they are now (the configure step ran it
# on the sources as they were then): no #include "core/..." outside cmake/MadoLayers.cmake's graph.
# cmake -DMADO_SOURCE_DIR=<repository> -P CheckIncludes.cmake
include(${MADO_SOURCE_DIR}/cmake/MadoLayering.cmake)
include(${MADO_SOURCE_DIR}/cmake/MadoLayers.cmake)
mado_scan_layer_includes(${MADO_SOURCE_DIR} violations)
if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Layering violation (graph in cmake/MadoLayers.cmake):\n  ${text}")
endif()
message(STATUS "includes follow the layer graph")
