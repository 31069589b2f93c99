# SPDX-License-Identifier: GPL-3.0-or-later
# Runs lupdate over every translatable source into a copy of the committed .ts, and fails when that
# finds a string the committed file does not translate: new text that nobody has put into Kiswahili yet
# (the .ts alone cannot show it, since lupdate has not been run). Fix with scripts/update-translations.
# -DLUPDATE=… -DTS=… -DPROJECT=<the lupdate project qt_add_lupdate writes at configure time>
# -DGENERATE=<Qt's GenerateLUpdateProject.cmake, which turns it into lupdate's JSON> -DWORK=<scratch dir>
file(MAKE_DIRECTORY ${WORK})
configure_file(${TS} ${WORK}/check.ts COPYONLY)
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT} -DOUT_FILE=${WORK}/project.json -P ${GENERATE}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "could not write lupdate's project file (${result})")
endif()
execute_process(COMMAND ${LUPDATE} -silent -no-obsolete -locations none -project ${WORK}/project.json -ts ${WORK}/check.ts
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result})")
endif()
file(READ ${WORK}/check.ts ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" missing "${ts}")
if(missing)
    list(LENGTH missing count)
    string(REGEX REPLACE "[ \t\r\n]*<translation type=\"unfinished\"" "" missing "${missing}")
    message(FATAL_ERROR "${count} string(s) have no Kiswahili translation; run scripts/update-translations and "
                        "translate them:\n${missing}")
endif()
message(STATUS "every string the till shows has its Kiswahili translation")
