# docs/architecture.md shows the layer graph as built: the block between its markers
# "<!-- layer-graph:begin -->" and "<!-- layer-graph:end -->" must equal the graph that the
# configure step wrote from the targets' links (layer-graph.md in the build directory).
# cmake -DDOC=<docs/architecture.md> -DGRAPH=<build>/layer-graph.md -P CheckArchitectureGraph.cmake
file(READ ${DOC} doc)
file(READ ${GRAPH} graph)
string(FIND "${doc}" "<!-- layer-graph:begin -->\n" begin)
string(FIND "${doc}" "<!-- layer-graph:end -->" end)
if(begin EQUAL -1 OR end EQUAL -1 OR end LESS begin)
    message(FATAL_ERROR "${DOC} has no layer-graph:begin/end markers")
endif()
math(EXPR begin "${begin} + 27")
math(EXPR length "${end} - ${begin}")
string(SUBSTRING "${doc}" ${begin} ${length} block)
if(NOT block STREQUAL graph)
    message(FATAL_ERROR "docs/architecture.md's layer graph differs from the build's. Replace the block "
                        "between its markers with the contents of ${GRAPH}:\n${graph}")
endif()
message(STATUS "docs/architecture.md shows the layer graph as built")
