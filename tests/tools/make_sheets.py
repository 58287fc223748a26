#!/usr/bin/env python3
"""Writes the import tests' sheet with real writers, as a peer supporter's program
would: `csv1252` as Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)"
(Windows-1252, ';', decimal commas, CRLF, quotes where needed), `ods` with odfpy
(typed date, time and number cells, as LibreOffice keeps them), `xlsx` with openpyxl
(Excel date, time and number cells). The rows are fictional; the Rust tests
(tests/import.rs) know what each must become.

    python3 make_sheets.py csv1252|ods|xlsx OUT
"""

import csv
import datetime as dt
import sys

HEADER = ["Datum", "Tijd", "Cliënt", "Duur (uren)", "Contactvorm", "Soort steun",
          "Verslag", "Eigen woorden", "Volgende afspraak"]

# (date or text, time, who, hours, mode, support, note, own words, follow-up)
ROWS = [
    (dt.date(2025, 2, 3), dt.time(14, 30), "Sanne", 0.75, "wandeling", "praktisch, emotioneel",
     "Samen de brief over de uitkering gelezen; één vraag staat nog open.",
     "Ik wil zelf mijn post openen.", dt.date(2025, 2, 10)),
    (dt.date(2025, 2, 4), dt.time(10, 0), "Mo", 1.5, "telefonisch", "informatief",
     "Wachtlijst uitgezocht.", "", None),
    (dt.date(2025, 2, 5), dt.time(9, 15), "Kees", 1, "fietstocht", "navigatie, sociale vaardigheden",
     "Samen naar de gemeente gefietst.\nTweede regel.", "", None),
    ("31-2-2025", dt.time(11, 0), "Sanne", 0.5, "chat", "emotioneel", "Datum bestaat niet.", "", None),
    (dt.date(2025, 2, 6), dt.time(12, 0), "Noor", 0.5, "groep", "", "Eetgroep.", "", None),
    (dt.date(2025, 2, 7), dt.time(13, 0), "Sanne en Mo", 1, "groep", "emotioneel", "Samen gekookt.", "", None),
]


def dutch_number(x):
    return ("%g" % x).replace(".", ",")


def dutch_date(d):
    return "%d-%d-%d" % (d.day, d.month, d.year)


def write_csv(out):
    # Dutch Excel writes the time as it shows it: 14:30; some sheets type 14.30.
    with open(out, "w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for i, (d, t, who, h, mode, sup, note, own, fu) in enumerate(ROWS):
            sep = "." if i % 2 == 0 else ":"
            w.writerow([
                d if isinstance(d, str) else dutch_date(d),
                "%d%s%02d" % (t.hour, sep, t.minute),
                who, dutch_number(h), mode, sup, note.replace("\n", "\r\n"), own,
                dutch_date(fu) if fu else "",
            ])


def write_xlsx(out):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacten"
    ws.append(HEADER)
    for (d, t, who, h, mode, sup, note, own, fu) in ROWS:
        ws.append([d, t, who, h, mode, sup, note, own or None, fu])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "d-m-yyyy"
        row[1].number_format = "hh:mm"
        row[8].number_format = "d-m-yyyy"
    wb.create_sheet("Leeg")
    wb.save(out)


def write_ods(out):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Contactmomenten")

    def text(s):
        c = TableCell(valuetype="string")
        for line in s.split("\n"):
            c.addElement(P(text=line))
        return c

    def date(d):
        c = TableCell(valuetype="date", datevalue=d.isoformat())
        c.addElement(P(text=dutch_date(d)))
        return c

    def time(t):
        c = TableCell(valuetype="time", timevalue="PT%02dH%02dM00S" % (t.hour, t.minute))
        c.addElement(P(text="%02d:%02d" % (t.hour, t.minute)))
        return c

    def number(x):
        c = TableCell(valuetype="float", value=str(x))
        c.addElement(P(text=dutch_number(x)))
        return c

    head = TableRow()
    for h in HEADER:
        head.addElement(text(h))
    table.addElement(head)
    for (d, t, who, h, mode, sup, note, own, fu) in ROWS:
        r = TableRow()
        r.addElement(text(d) if isinstance(d, str) else date(d))
        r.addElement(time(t))
        r.addElement(text(who))
        r.addElement(number(h))
        r.addElement(text(mode))
        r.addElement(text(sup) if sup else TableCell())
        r.addElement(text(note))
        r.addElement(text(own) if own else TableCell())
        r.addElement(date(fu) if fu else TableCell())
        table.addElement(r)
    doc.spreadsheet.addElement(table)
    doc.save(out)


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    {"csv1252": write_csv, "xlsx": write_xlsx, "ods": write_ods}[kind](out)
