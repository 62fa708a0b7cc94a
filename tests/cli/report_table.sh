#!/bin/bash
# report as a table: aligned by display width (ø is one column), a totals
# row, headers in the language of the user interface.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
report_fixture

expect_status 0 samtale report --by caseworker
assert_eq "sagsbehandler  samtaler  udført  åbne  ikke relevant  udført %  forfaldne  sager i stå
mette                 2       3     2              1    60,0 %          2            1
søren                 3       3     4              2    42,9 %          1            0
--------------------------------------------------------------------------------------
I alt                 5       6     6              3    50,0 %          3            1" "$(cat "$T/out")" "report --by caseworker"

expect_status 0 samtale --lang en report --by type
assert_eq "type          meetings  done  open  not_relevant  completion_pct
foerste              3     3     4             2           42.9%
opfoelgning          2     3     2             1           60.0%
foer-praktik         0     0     0             0               -
----------------------------------------------------------------
Total                5     6     6             3           50.0%" "$(cat "$T/out")" "report --by type --lang en"
