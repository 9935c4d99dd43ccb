# What the e2e scripts share: run the program expecting an exit code (stdout in `out`,
# stderr in `err`), and look for text in what it said. RUN_TIMEOUT: seconds (default 90).
if(NOT RUN_TIMEOUT)
  set(RUN_TIMEOUT 90)
endif()
function(run expect_code)
  execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT ${RUN_TIMEOUT})
  if(NOT code STREQUAL "${expect_code}")
    message(FATAL_ERROR "conflict-atlas ${ARGN}: expected exit ${expect_code}, got ${code}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_in text needle)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${needle}\" in:\n${text}")
  endif()
endfunction()

function(expect_not_in text needle)
  string(FIND "${text}" "${needle}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "did not expect \"${needle}\" in:\n${text}")
  endif()
endfunction()

