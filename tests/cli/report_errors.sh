#!/bin/bash
# Bad options: a clear "samtale: ..." and exit 2, nothing on stdout.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
report_fixture

refused() {
	local msg=$1
	shift
	expect_status 2 samtale "$@"
	assert_eq "" "$(cat "$T/out")" "stdout of $*"
	assert_contains "$(cat "$T/err")" "samtale: $msg" "stderr of $*"
}

refused "ukendt --by 'sections'" report --by sections
refused "--from: '2026-02-30' er ikke en dato: februar 2026 har kun 28 dage." report --from 2026-02-30
refused "--to: '1.13.2026' er ikke en dato: måneden skal være 1-12." report --to 1.13.2026
refused "--from 2026-03-01 ligger efter --to 2026-02-01" report --from 2026-03-01 --to 2026-02-01
refused "ukendt samtaletype 'praktik' (kendte: foerste, opfoelgning, foer-praktik)" report --type praktik
refused "ukendt format 'xml'" report --format xml
refused "--stale kræver et antal dage, ikke 'ti'" report --stale ti
refused "--stale hører til --by case" report --by item --stale 10
refused "ukendt tilvalg '--bogus'" report --bogus
refused "--by kræver en værdi" report --by
refused "uventet argument 'tro'" report tro
refused "ukendt format 'yaml'" followups --format yaml
refused "ukendt tilvalg '--late'" followups --late
# A short option names itself, also inside a cluster and after an operand.
refused "ukendt tilvalg '-x'" report -xy
refused "ukendt tilvalg '-q'" report --by case -q
refused "ukendt tilvalg '-x'" followups extra -xy
refused "ukendt tilvalg '-x'" case list -xy
refused "--from: '2026-13-01' is not a date: the month must be 1-12." --lang en report --from 2026-13-01
