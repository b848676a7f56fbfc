# cmake -DCLI=<madoguchi-cli> -DOUT=<file> -P WriteCliCompletion.cmake
# Writes the bash completion printed by `madoguchi-cli completion bash`; fails the build when the
# program cannot print it.
execute_process(COMMAND ${CLI} completion bash OUTPUT_VARIABLE script RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0 OR script STREQUAL "")
    message(FATAL_ERROR "madoguchi-cli completion bash failed (${result}): ${errors}")
endif()
file(WRITE ${OUT} "${script}")
