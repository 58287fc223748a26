#!/usr/bin/env python3
"""Writes data/redact/{first-names,surnames,places}.txt from the Dutch lists of Faker.

The lists come from two packages under the MIT licence, at pinned versions:
  - Faker (PyPI) 40.63.0: faker/providers/person/nl_NL (first_names, last_names)
    and faker/providers/address/nl_NL (cities: the places of the BAG, the Dutch
    register of addresses and buildings);
  - @faker-js/faker (npm) 10.6.0: the `nl` locale's person.first_name and
    person.last_name.
Run it again only to move to other versions (and record them in README.md and
packaging/linux/copyright):

    scripts/redact-lists.py

It downloads both packages into a temporary folder with pip and npm, the ordinary
clients of their registries. Naast's own additions are in the *-naast.txt files
beside the output and are not touched.
"""
import json
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

FAKER = "40.63.0"
FAKER_JS = "10.6.0"
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "redact"


def python_lists(tmp: pathlib.Path):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "-d", str(tmp), f"faker=={FAKER}"], check=True)
    whl = next(tmp.glob("faker-*.whl"))
    zipfile.ZipFile(whl).extractall(tmp / "py")
    sys.path.insert(0, str(tmp / "py"))
    from faker.providers.address.nl_NL import Provider as Address
    from faker.providers.person.nl_NL import Provider as Person
    return list(Person.first_names), list(Person.last_names), list(Address.cities)


def js_lists(tmp: pathlib.Path):
    subprocess.run(["npm", "pack", "--silent", f"@faker-js/faker@{FAKER_JS}"],
                   cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = next(tmp.glob("faker-js-faker-*.tgz"))
    tarfile.open(tgz).extractall(tmp / "js", filter="data")
    pkg = tmp / "js" / "package"
    script = ("import * as m from './dist/index.js';"
              "const p = m.nl.person;"
              "console.log(JSON.stringify({first: [...p.first_name.female, ...p.first_name.male,"
              " ...p.first_name.generic], last: p.last_name.generic}));")
    out = subprocess.run(["node", "--input-type=module", "-e", script], cwd=pkg,
                         check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    return d["first"], d["last"]


def surname(s: str) -> str:
    # "Bourgondië, van" is how a register sorts "van Bourgondië".
    if "," in s:
        core, particles = (x.strip() for x in s.split(",", 1))
        s = f"{particles} {core}"
    return s.strip()


def place(s: str) -> str:
    # The BAG tells apart places of the same name by a province or municipality:
    # "Bergen (NH)", "Afferden L", "Alteveer gem Hoogeveen". A note says "Bergen".
    s = re.sub(r"\s*\(.*?\)", "", s)
    s = re.sub(r"\s+gem\s+.*$", "", s)
    s = re.sub(r"\s+[A-Z]{1,2}$", "", s)
    return s.strip()


def write(name: str, header: str, items):
    items = sorted({i for i in items if i}, key=str.casefold)
    (OUT / name).write_text(header + "".join(f"{i}\n" for i in items), encoding="utf-8")
    print(f"{name}: {len(items)}")


def main():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        first, last, cities = python_lists(tmp)
        js_first, js_last = js_lists(tmp)
    src = (f"# From Faker {FAKER} (PyPI) and @faker-js/faker {FAKER_JS} (npm), both MIT;\n"
           "# written by scripts/redact-lists.py. Do not edit: additions go in the\n"
           "# *-naast.txt file beside this one.\n")
    write("first-names.txt", src, first + js_first)
    write("surnames.txt", src, [surname(s) for s in last + js_last])
    write("places.txt", f"# The places of the BAG, from Faker {FAKER} (PyPI, MIT);\n" + src.split("\n", 1)[1],
          [place(c) for c in cities])


if __name__ == "__main__":
    main()
