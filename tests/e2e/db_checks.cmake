# The shared store from a script, as a team would use it: init, status, push, pull (with
# filters), info and query on the URL, a read-only analyst refused a push, a bad URL and a
# server that is not there said clearly. Needs EXE, SAMPLE, WORK, PSQL and ATLAS_TEST_DATABASE
# in the environment (tools/dev test starts a server: tools/dev db start).
include(${CMAKE_CURRENT_LIST_DIR}/checks_common.cmake)
set(BASE "$ENV{ATLAS_TEST_DATABASE}")
if(BASE STREQUAL "")
  message(FATAL_ERROR "no test server: run through tools/dev test, or tools/dev db start and set ATLAS_TEST_DATABASE")
endif()
string(RANDOM LENGTH 8 ALPHABET abcdefghijklmnopqrstuvwxyz suffix)
set(SCHEMA "e2e_${suffix}")
function(sql statement)
  execute_process(COMMAND ${PSQL} -v ON_ERROR_STOP=1 -q -X "${BASE}" -c "SET client_min_messages = warning; ${statement}"
                  RESULT_VARIABLE code ERROR_VARIABLE problem)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "psql: ${problem}")
  endif()
endfunction()
sql("CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public; CREATE SCHEMA ${SCHEMA}")
set(URL "${BASE}?options=-csearch_path%3D${SCHEMA}%2Cpublic")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY "${WORK}/pulled data")

run(0 db status ${URL})
expect_in("${out}" "schema: none yet")
run(0 db init ${URL})
expect_in("${out}" "schema: version 4")
expect_in("${out}" "(may write)")
run(0 db push ${URL} ${SAMPLE})
expect_in("${out}" "incidents: 152 added, 0 changed, 0 unchanged")
run(0 db push ${URL} ${SAMPLE})
expect_in("${out}" "0 added, 0 changed, 152 unchanged")
run(0 db status ${URL})
expect_in("${out}" "events: 152")

# Pulled whole: the same dataset (compared as native JSON written by the program).
run(0 db pull ${URL} --out "${WORK}/pulled data/all.atlas.json")
run(0 convert ${SAMPLE} "${WORK}/original.atlas.json")
file(SHA256 "${WORK}/pulled data/all.atlas.json" pulled)
file(SHA256 "${WORK}/original.atlas.json" original)
if(NOT pulled STREQUAL original)
  message(FATAL_ERROR "push then pull did not give the same dataset back")
endif()
# A pull with filters is what query finds in the file.
run(0 db pull ${URL} --out "${WORK}/pulled data/october.geojson" --from 2020-10-01 --to 2020-10-31 --type air_strike)
run(0 query ${SAMPLE} --from 2020-10-01 --to 2020-10-31 --type air_strike --format csv)
string(REGEX MATCHALL "\n" rows "${out}")
list(LENGTH rows from_file)
run(0 query "${WORK}/pulled data/october.geojson" --format csv)
string(REGEX MATCHALL "\n" rows "${out}")
list(LENGTH rows from_store)
if(NOT from_file EQUAL from_store)
  message(FATAL_ERROR "pull --from/--to/--type gave ${from_store} lines, query on the file ${from_file}")
endif()
# The URL in place of a file.
run(0 info ${URL})
expect_in("${out}" "events: 152")
run(0 query ${URL} --actor russia --format csv)
expect_in("${out}" "kafr-takharim-strike-2020-10-26")


# Yesterday's store, from its history: what was pushed is dated yesterday here, then today an
# incident is deleted. A pull as known on yesterday still has it; today's has not.
sql("UPDATE ${SCHEMA}.atlas_history SET changed_at = now() - interval '1 day'; DELETE FROM ${SCHEMA}.atlas_events WHERE id = 'kafr-takharim-strike-2020-10-26'")
execute_process(COMMAND ${PSQL} -At -X "${BASE}" -c "SELECT (now() AT TIME ZONE 'UTC')::date - 1" OUTPUT_VARIABLE yesterday OUTPUT_STRIP_TRAILING_WHITESPACE)
run(0 db pull ${URL} --as-known-on ${yesterday} --out "${WORK}/pulled data/yesterday.atlas.json")
file(SHA256 "${WORK}/pulled data/yesterday.atlas.json" then)
if(NOT then STREQUAL original)
  message(FATAL_ERROR "the store as known on ${yesterday} is not what was pushed")
endif()
run(0 info ${URL})
expect_in("${out}" "events: 151")
run(0 info ${URL} --as-known-on ${yesterday})
expect_in("${out}" "events: 152")
run(0 query ${URL} --as-known-on 2000-01-01 --format csv)
expect_not_in("${out}" "kafr-takharim")


sql("DROP ROLE IF EXISTS ${SCHEMA}_reader; CREATE ROLE ${SCHEMA}_reader LOGIN; GRANT USAGE ON SCHEMA ${SCHEMA} TO ${SCHEMA}_reader; GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${SCHEMA}_reader")
run(0 db status "${URL}&user=${SCHEMA}_reader")
expect_in("${out}" "(read only)")
run(1 db push "${URL}&user=${SCHEMA}_reader" ${SAMPLE})
expect_in("${err}" "permission denied")

# Who changed what when: the deletion above, by the test's role.
run(0 db history ${URL} --id kafr-takharim-strike-2020-10-26)
expect_in("${out}" "events added\tkafr-takharim-strike-2020-10-26")
expect_in("${out}" "events deleted\tkafr-takharim-strike-2020-10-26")
run(0 db history ${URL} --limit 3)
string(REGEX MATCHALL "\n" rows "${out}")
list(LENGTH rows lines)
if(NOT lines EQUAL 4)
  message(FATAL_ERROR "history --limit 3 printed ${lines} lines:\n${out}")
endif()
run(2 db history ${URL} --since yesterday)
expect_in("${err}" "--since takes a day")

# TLS as sslmode asks (the test server offers it with a certificate of its own).
run(0 db status "${URL}&sslmode=require")
expect_in("${out}" "connection: TLS (TLS")
run(0 db status "${URL}&sslmode=disable")
expect_in("${out}" "connection: not encrypted")
run(1 db status "${URL}&sslmode=verify-full&sslrootcert=${WORK}/no-such-root.crt")
expect_in("${err}" "cannot connect to the database")
expect_in("${err}" "root certificate")

# A wrong password: said, the password not shown (roles named ..._password sign in with one).
sql("DROP ROLE IF EXISTS ${SCHEMA}_password; CREATE ROLE ${SCHEMA}_password LOGIN PASSWORD 'right-one'; GRANT USAGE ON SCHEMA ${SCHEMA} TO ${SCHEMA}_password; GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${SCHEMA}_password")
string(REPLACE "postgresql://atlas@" "postgresql://${SCHEMA}_password:right-one@" right "${URL}")
run(0 db status "${right}")
expect_in("${out}" "(read only)")
string(REPLACE "postgresql://atlas@" "postgresql://${SCHEMA}_password:wrong-one@" wrong "${URL}")
run(1 db status "${wrong}")
expect_in("${err}" "password authentication failed")
expect_not_in("${err}" "wrong-one")

# Bad URLs and a server that is not there: said, with no password shown.
run(2 db status not-a-database.json)
expect_in("${err}" "is no database URL")
run(1 db status "postgresql://someone:s3cret@127.0.0.1:1/atlas?connect_timeout=3")
expect_in("${err}" "cannot connect to the database")
expect_not_in("${err}" "s3cret")
run(2 db pull ${URL})
expect_in("${err}" "--out")

sql("DROP SCHEMA ${SCHEMA} CASCADE; DROP ROLE ${SCHEMA}_reader; DROP ROLE ${SCHEMA}_password")
