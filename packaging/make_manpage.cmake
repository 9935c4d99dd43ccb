# Writes conflict-atlas.1.gz with help2man: the viewer's --help as the synopsis and options,
# and a COMMANDS section with the --help of each headless command.
# -DEXE=program -DHELP2MAN=help2man -DGZIP=gzip -DOUT_DIR=dir
file(MAKE_DIRECTORY ${OUT_DIR})
set(include_text "[NAME]\nconflict-atlas \\- desktop viewer for conflict incidents on a map through time\n\n[COMMANDS]\n")
string(APPEND include_text "Besides the window, the program has commands that need no display. ")
string(APPEND include_text "They write data to standard output and problems to standard error, and exit with 0 on success, 1 for bad input and 2 for bad usage.\n")
foreach(command info query convert situation dedupe export)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ${EXE} ${command} --help
                  OUTPUT_VARIABLE help ERROR_VARIABLE help RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${EXE} ${command} --help failed (${code}): ${help}")
  endif()
  # roff: backslashes doubled, lines that begin with a dot or quote made literal.
  string(REPLACE "\\" "\\\\" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND include_text ".SS \"conflict-atlas ${command}\"\n.nf\n${help}.fi\n")
endforeach()
string(APPEND include_text "\n[FILES]\n.TP\n.I /usr/share/conflict-atlas/data/idlib-2020.atlas.json\nthe bundled sample dataset (north-west Syria, 2020)\n")
string(APPEND include_text ".TP\n.I /usr/share/conflict-atlas/basemap-tiles/\nthe offline basemap\n")
string(APPEND include_text ".TP\n.I ~/.config/Conflict Atlas/conflict-atlas.conf\nwindow size and position, recent files, the folder file dialogs start in\n")
file(WRITE ${OUT_DIR}/commands.h2m "${include_text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
                        ${HELP2MAN} --no-info --section=1 --include=${OUT_DIR}/commands.h2m
                        --output=${OUT_DIR}/conflict-atlas.1 ${EXE}
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "help2man failed (${code}): ${err}")
endif()
execute_process(COMMAND ${GZIP} -9nf ${OUT_DIR}/conflict-atlas.1 RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "gzip of the man page failed")
endif()
