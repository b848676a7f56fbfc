# A program contains only the layers it uses: no symbol of BINARY (nm -C, demangled) may match
# FORBIDDEN (a regular expression), e.g. the receiver's classes in the workstation.
# cmake -DBINARY=<file> -DFORBIDDEN=<regex> -DREQUIRED=<regex> -P CheckBinaryContents.cmake
# REQUIRED must match some symbol, so that the check reads the right program's symbols.
find_program(NM nm REQUIRED)
execute_process(COMMAND ${NM} -C ${BINARY} RESULT_VARIABLE result OUTPUT_VARIABLE symbols ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "nm ${BINARY} failed: ${err}")
endif()
if(NOT symbols MATCHES "${REQUIRED}")
    message(FATAL_ERROR "${BINARY} has no symbol matching ${REQUIRED}: not the program expected, or stripped")
endif()
string(REGEX MATCHALL "[^\n]*(${FORBIDDEN})[^\n]*" found "${symbols}")
if(found)
    list(LENGTH found count)
    list(SUBLIST found 0 5 first)
    list(JOIN first "\n  " text)
    message(FATAL_ERROR "${BINARY} holds ${count} symbols matching ${FORBIDDEN}, e.g.\n  ${text}")
endif()
message(STATUS "${BINARY}: no symbol matching ${FORBIDDEN}")
