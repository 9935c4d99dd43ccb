# Briefing output as a briefer's script makes it: a 31-day MP4 and a GIF of October 2020, an
# A4 PDF with inset and legend, an SVG, and last month's PNG drawn again from its recipe —
# checked with Debian's ffprobe and pdftotext (test environment only; the program needs
# neither). Needs EXE, SAMPLE, WORK, FFPROBE, PDFTOTEXT.
set(RUN_TIMEOUT 180)
include(${CMAKE_CURRENT_LIST_DIR}/checks_common.cmake)
# ffprobe's count of frames and size of the first video stream: "frames width height".
function(probe file result)
  execute_process(COMMAND ${FFPROBE} -v error -count_frames -select_streams v:0
                          -show_entries stream=nb_read_frames,width,height,codec_name -of default=nw=1 ${file}
                  RESULT_VARIABLE code OUTPUT_VARIABLE probed)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "ffprobe cannot read ${file}")
  endif()
  set(${result} "${probed}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
# A folder with a space, outside the checkout's data, as a user's would be.
set(OUT "${WORK}/brief out")
file(MAKE_DIRECTORY "${OUT}")

# October 2020, a frame a day with the week before it, held one second at the end (4 fps).
run(0 export ${SAMPLE} --out "${OUT}/october.mp4" --date 2020-10-01 --each-day-until 2020-10-31 --window 7 --size 1280x720 --hold-last 1)
expect_in("${err}" "31 frames")
probe("${OUT}/october.mp4" probed)
expect_in("${probed}" "codec_name=h264")
expect_in("${probed}" "width=1280")
expect_in("${probed}" "height=720")
expect_in("${probed}" "nb_read_frames=35") # 31 days and 4 held
execute_process(COMMAND ${FFPROBE} -v error -show_entries format_tags=comment -of default=nw=1 "${OUT}/october.mp4" OUTPUT_VARIABLE tags)
expect_in("${tags}" "conflictAtlasRecipe")
expect_in("${tags}" "idlib-2020.atlas.json")
if(NOT EXISTS "${OUT}/october.mp4.recipe.json")
  message(FATAL_ERROR "no recipe beside the video")
endif()

# The GIF: sized for chat by default, an odd size is fine.
run(0 export ${SAMPLE} --out "${OUT}/october.gif" --date 2020-10-01 --each-day-until 2020-10-31 --window 7 --fps 5 --hold-last 0 --size 801x501)
probe("${OUT}/october.gif" probed)
expect_in("${probed}" "codec_name=gif")
expect_in("${probed}" "nb_read_frames=31")
expect_in("${probed}" "width=801")

# WebM, a week.
run(0 export ${SAMPLE} --out "${OUT}/week.webm" --date 2020-10-20 --each-day-until 2020-10-26 --window 7 --size 640x400 --hold-last 0)
probe("${OUT}/week.webm" probed)
expect_in("${probed}" "codec_name=vp9")
expect_in("${probed}" "nb_read_frames=7")

# An A4 PDF with its layout: the title, the dates and the legend are text a reader can select.
run(0 export ${SAMPLE} --out "${OUT}/brief.pdf" --paper A4 --date 2020-10-31 --window 31 --title "Idlib, October 2020"
    --subtitle "All sides" --notes "Figures are lower bounds.")
execute_process(COMMAND ${PDFTOTEXT} "${OUT}/brief.pdf" - OUTPUT_VARIABLE text RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "pdftotext cannot read the layout")
endif()
expect_in("${text}" "Idlib, October 2020")
expect_in("${text}" "1 October 2020 – 31 October 2020")
expect_in("${text}" "Perpetrator's side")
expect_in("${text}" "Figures are lower bounds.")
expect_in("${text}" "Made with Con") # pdftotext keeps the font's fl ligature
file(STRINGS "${OUT}/brief.pdf" xmp REGEX "conflictAtlasRecipe|atlas:recipe") # the XMP packet, uncompressed
expect_in("${xmp}" "conflictAtlasRecipe")
# A3 portrait: the page is A3 (842 × 1191 points).
run(0 export ${SAMPLE} --out "${OUT}/a3.pdf" --paper a3 --portrait --date 2020-10-31 --window 31)
get_filename_component(pdfinfo ${PDFTOTEXT} DIRECTORY)
execute_process(COMMAND ${pdfinfo}/pdfinfo "${OUT}/a3.pdf" OUTPUT_VARIABLE info)
expect_in("${info}" "842 x 1191")

# The SVG keeps its recipe in <metadata> and its marks as vectors.
run(0 export ${SAMPLE} --out "${OUT}/brief.svg" --paper letter --date 2020-10-31 --window 31)
file(READ "${OUT}/brief.svg" svg)
expect_in("${svg}" "<metadata id=\"conflict-atlas-recipe\"")
expect_in("${svg}" "<path")

# Last month's PNG, drawn again from its recipe: the same bytes, wherever it is written.
run(0 export ${SAMPLE} --out "${OUT}/last month.png" --date 2020-10-31 --window 31 --type air_strike)
file(SHA256 "${OUT}/last month.png" first)
file(MAKE_DIRECTORY "${WORK}/later")
run(0 export --recipe "${OUT}/last month.png.recipe.json" --out "${WORK}/later/again.png")
file(SHA256 "${WORK}/later/again.png" again)
if(NOT first STREQUAL again)
  message(FATAL_ERROR "the recipe did not reproduce the PNG's bytes")
endif()
# A dataset changed since: named, nothing drawn (unless asked).
file(COPY ${SAMPLE} DESTINATION "${WORK}/data")
get_filename_component(sample_name ${SAMPLE} NAME)
run(0 export "${WORK}/data/${sample_name}" --out "${OUT}/mine.png" --date 2020-10-31 --window 31)
file(APPEND "${WORK}/data/${sample_name}" " ")
run(1 export --recipe "${OUT}/mine.png.recipe.json")
expect_in("${err}" "has changed since the image was made")
expect_in("${err}" "${sample_name}")
run(0 export --recipe "${OUT}/mine.png.recipe.json" --allow-changed)
file(REMOVE "${WORK}/data/${sample_name}")
run(1 export --recipe "${OUT}/mine.png.recipe.json")
expect_in("${err}" "is not there")

# Bad options: said, exit 2, nothing written.
run(2 export ${SAMPLE} --out "${OUT}/x.pdf" --paper A5)
expect_in("${err}" "--paper takes A4, A3 or letter")
run(2 export ${SAMPLE} --out "${OUT}/x.mp4" --date 2020-10-01 --each-day-until 2020-10-31 --fps 0)
expect_in("${err}" "--fps")
run(2 export ${SAMPLE} --out "/nonexistent folder/x.mp4" --date 2020-10-01 --each-day-until 2020-10-31)
expect_in("${err}" "cannot write")
run(2 export ${SAMPLE} --out "${OUT}/x.mp4" --date 2020-10-31 --each-day-until 2020-10-01)
expect_in("${err}" "ends before")
run(2 export ${SAMPLE} --out "${OUT}/x.mp4" --date 2020-10-31)
expect_in("${err}" "--each-day-until")
run(2 export --recipe "${OUT}/october.mp4.recipe.json" --window 3)
expect_in("${err}" "does not go with --recipe")
if(EXISTS "${OUT}/x.pdf" OR EXISTS "${OUT}/x.mp4")
  message(FATAL_ERROR "a refused export wrote a file")
endif()
