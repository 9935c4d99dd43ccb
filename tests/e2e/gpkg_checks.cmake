# The GeoPackage container as a user meets it: convert writes one, GDAL (ogrinfo, as QGIS reads
# it) lists its layers and attributes without a warning, the commands read it back, and the
# round trip native -> .gpkg -> native gives the same file.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${ARGN} exited ${code}:\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect text what)
  string(FIND "${text}" "${what}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${what}\" in:\n${text}")
  endif()
endfunction()

run(${EXE} convert ${SAMPLE} ${WORK}/sample.gpkg)
expect("${err}" "152 events written")

# GDAL sees a GeoPackage with four feature layers and two attribute tables, and says nothing
# against it (GDAL prints "Warning" or "ERROR" for what does not conform).
run(${OGRINFO} -ro ${WORK}/sample.gpkg)
expect("${out}" "1: events (Point)")
expect("${out}" "2: sites (Point)")
expect("${out}" "3: lines (Line String)")
expect("${out}" "4: areas (Polygon)")
expect("${out}" "5: actors (None)")
if(err MATCHES "Warning|ERROR")
  message(FATAL_ERROR "ogrinfo complained:\n${err}")
endif()
run(${OGRINFO} -ro -so ${WORK}/sample.gpkg events)
expect("${out}" "Feature Count: 152")
expect("${out}" "date: Date NOT NULL")
expect("${out}" "civilian_targeting: Integer(Boolean)")
# Readable attributes: the Kafr Takharim strike as a GIS user finds it.
run(${OGRINFO} -ro -q ${WORK}/sample.gpkg events -where "id = 'kafr-takharim-strike-2020-10-26'")
expect("${out}" "event_type (String) = air_strike")
expect("${out}" "date (Date) = 2020/10/26")
expect("${out}" "killed_qualifier (String) = more_than")
expect("${out}" "killed_low (Integer64) = 78")
expect("${out}" "POINT (36.51472 36.11639)")
# The spatial index answers a box query (GDAL uses the R-tree for -spat).
run(${OGRINFO} -ro -so ${WORK}/sample.gpkg events -spat 36.4 36.0 36.6 36.2)
expect("${out}" "Feature Count: ")
string(REGEX MATCH "Feature Count: ([0-9]+)" _ "${out}")
if(CMAKE_MATCH_1 EQUAL 0 OR CMAKE_MATCH_1 EQUAL 152)
  message(FATAL_ERROR "a box around Kafr Takharim should hold some events, not ${CMAKE_MATCH_1}")
endif()
run(${OGRINFO} -ro -so ${WORK}/sample.gpkg areas)
expect("${out}" "Geometry: Polygon")

# The commands read it back; native -> .gpkg -> native is the same text.
run(${EXE} info ${WORK}/sample.gpkg)
expect("${out}" "152")
run(${EXE} convert ${SAMPLE} ${WORK}/direct.atlas.json)
run(${EXE} convert ${WORK}/sample.gpkg ${WORK}/back.atlas.json)
file(READ ${WORK}/direct.atlas.json direct)
file(READ ${WORK}/back.atlas.json back)
if(NOT direct STREQUAL back)
  message(FATAL_ERROR "native -> .gpkg -> native changed the dataset (compare ${WORK}/direct.atlas.json and back.atlas.json)")
endif()

# query --out writes the matching events as a GeoPackage GDAL reads.
run(${EXE} query ${WORK}/sample.gpkg --from 2020-10-20 --to 2020-10-27 --out ${WORK}/week.gpkg)
string(REGEX MATCH "([0-9]+) of 152 events match" _ "${err}")
set(matched ${CMAKE_MATCH_1})
run(${OGRINFO} -ro -so ${WORK}/week.gpkg events)
expect("${out}" "Feature Count: ${matched}")

# A file that is not a GeoPackage says so and exits 1.
file(WRITE ${WORK}/not.gpkg "plain text, not SQLite")
execute_process(COMMAND ${EXE} info ${WORK}/not.gpkg RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 1)
  message(FATAL_ERROR "info on a text file named .gpkg should exit 1, got ${code}")
endif()
expect("${err}" "not an SQLite database")
message(STATUS "GeoPackage: GDAL reads 6 layers, 152 events; round trip identical; query --out ${matched} events")
