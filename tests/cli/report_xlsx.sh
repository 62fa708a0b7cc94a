#!/bin/bash
# --format xlsx, read back with a real spreadsheet reader (openpyxl): the
# CSV's rows and values, numbers as numbers, completion_pct as a percentage
# cell, headings in the language of the user interface, the header row
# frozen, one sheet per grouping; to -o FILE (0600) or a pipe, never a terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
# Debian's python3 (python3-openpyxl), not another one first in PATH.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
"$PY" -c 'import openpyxl' 2>/dev/null || { echo "python3-openpyxl is not installed"; exit 77; }
report_fixture

# check_sheet XLSX SHEET CSV HEADINGS: SHEET of XLSX holds CSV's rows (its
# header replaced by HEADINGS, comma-separated), with these cell types.
check_sheet() {
	"$PY" - "$@" <<'PY' || fail "sheet $2 of $1"
import csv, sys, openpyxl
path, sheet, csv_path, headings = sys.argv[1:5]
wb = openpyxl.load_workbook(path)
ws = wb[sheet]
rows = list(csv.reader(open(csv_path, newline='', encoding='utf-8')))
header, data = rows[0], rows[1:]
got = [[c.value for c in r] for r in ws.iter_rows()]
assert got[0] == headings.split(','), (got[0], headings)
assert ws.freeze_panes == 'A2', ws.freeze_panes
assert all(ws.column_dimensions[chr(65 + i)].width > 0 for i in range(len(header)))
assert len(got) - 1 == len(data), ('one row per group', len(got) - 1, len(data))
for r, want in zip(list(ws.iter_rows())[1:], data):
    for cell, name, text in zip(r, header, want):
        if text == '':
            assert cell.value is None, (name, cell.value)
        elif name == 'completion_pct':
            assert cell.data_type == 'n' and cell.number_format == '0.0%', (name, cell.number_format)
            assert f'{cell.value * 100:.1f}' == text, (name, cell.value, text)
        elif name in ('meetings', 'done', 'open', 'not_relevant', 'followups_open',
                      'followups_overdue', 'cases_stale', 'overdue_days', 'id'):
            assert cell.data_type == 'n' and isinstance(cell.value, int), (name, cell.value)
            assert str(cell.value) == text, (name, cell.value, text)
        else:
            assert cell.data_type == 's' and cell.value == text, (name, cell.value, text)
PY
}

# Three groupings, three sheets, Danish headings.
expect_status 0 samtale report --by section,caseworker,month --format xlsx -o "$T/r.xlsx"
assert_eq "" "$(cat "$T/out")" "nothing on stdout with -o"
assert_eq 600 "$(stat -c %a "$T/r.xlsx")" "file mode"
"$PY" -c 'import openpyxl, sys; print(",".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' \
	"$T/r.xlsx" >"$T/sheets"
assert_eq "Afsnit,Sagsbehandlere,Måneder" "$(cat "$T/sheets")" "sheet names"
samtale report --by section --format csv >"$T/section.csv"
samtale report --by caseworker --format csv >"$T/caseworker.csv"
samtale report --by month --format csv >"$T/month.csv"
check_sheet "$T/r.xlsx" Afsnit "$T/section.csv" "afsnit,samtaler,udført,åbne,ikke relevant,udført %"
check_sheet "$T/r.xlsx" Sagsbehandlere "$T/caseworker.csv" \
	"sagsbehandler,samtaler,udført,åbne,ikke relevant,udført %,forfaldne,sager i stå"
check_sheet "$T/r.xlsx" Måneder "$T/month.csv" "måned,samtaler,udført,åbne,ikke relevant,udført %"
"$PY" - "$T/r.xlsx" <<'PY' || fail "values of the section sheet"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Afsnit']
assert [c.value for c in ws[2]] == ['tro', 5, 4, 3, 1, 0.571], [c.value for c in ws[2]]
PY

# English: the CSV's field names; the matrix with titles; to a pipe.
samtale --lang en report --by item --split caseworker --titles --format xlsx >"$T/items.xlsx" \
	|| fail "xlsx to a pipe"
samtale --lang en report --by item --split caseworker --titles --format csv >"$T/items.csv"
check_sheet "$T/items.xlsx" "Items by caseworker" "$T/items.csv" "$(head -1 "$T/items.csv" | tr -d '\r')"

# The stale list, the follow-ups and the case list.
expect_status 0 samtale report --stale 30 --format xlsx -o "$T/stale.xlsx"
samtale report --stale 30 --format csv >"$T/stale.csv"
check_sheet "$T/stale.xlsx" Sager "$T/stale.csv" \
	"sag,samtaler,sidste samtale,udført,åbne,ikke relevant,udført %,opfølgninger,forfaldne,sagsbehandler"
expect_status 0 samtale --lang en followups --all --format xlsx -o "$T/fu.xlsx"
samtale --lang en followups --all --format csv >"$T/fu.csv"
check_sheet "$T/fu.xlsx" Follow-ups "$T/fu.csv" "id,due,case,assignee,text,overdue_days"
expect_status 0 samtale case list --format xlsx -o "$T/cases.xlsx"
samtale case list --format csv >"$T/cases.csv"
check_sheet "$T/cases.xlsx" Sager "$T/cases.csv" \
	"sag,initialer,sagsbehandler,oprettet,seneste samtale,opfølgninger,forfaldne"

# Never to a terminal; never half-written where it cannot be written.
if command -v script >/dev/null; then
	script -qec "$SAMTALE_BIN report --format xlsx" /dev/null >"$T/tty" 2>&1 && fail "xlsx to a terminal"
	assert_contains "$(cat "$T/tty")" "et regneark skrives ikke til terminalen; brug -o FIL"
fi
expect_status 1 samtale report --format xlsx -o "$T/missing/r.xlsx"
assert_contains "$(cat "$T/err")" "samtale: kan ikke skrive $T/missing/r.xlsx"
