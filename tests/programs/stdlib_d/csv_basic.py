import csv
import io

data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n"multi\nline",1,x\r\n\r\nlast,,\r\n'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(data.splitlines(keepends=True))
print(next(r), r.line_num, r.dialect.delimiter, repr(r.dialect.lineterminator))

out = io.StringIO()
w = csv.writer(out)
w.writerow(["plain", "with,comma", 'with "quote"', "new\nline", None, 3, 2.5, ""])
w.writerows([[1, 2], [], [""], ["a b"]])
print(repr(out.getvalue()))

for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    out = io.StringIO()
    w = csv.writer(out, quoting=quoting, escapechar="\\", lineterminator="\n")
    w.writerow(["a", 1, 2.5, "b,c", 'q"', None])
    print(quoting, repr(out.getvalue()))
print(list(csv.reader(['1,2.5,"x"\n', '"3",4,\n'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)), list(csv.reader(["a\\,b,c"], escapechar="\\")))
print(list(csv.reader(["a\tb\tc"], dialect="excel-tab")), list(csv.reader(['"a" b,c'])))

text = "id,name,score\n1,Ann,9.5\n2,Ben,7\n"
for row in csv.DictReader(io.StringIO(text)):
    print(row, row["name"])
dr = csv.DictReader(io.StringIO("a,b\n1,2,3\n4\n"), restkey="extra", restval="?")
print(dr.fieldnames, list(dr))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], extrasaction="ignore", lineterminator="\n")
dw.writeheader()
dw.writerow({"id": 1, "name": "x", "junk": 0})
dw.writerows([{"id": 2}, {"name": "y, z"}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"b": 1})
except ValueError as e:
    print("ValueError:", e)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(["x|y|z"], "pipes")))
csv.unregister_dialect("pipes")


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


out = io.StringIO()
csv.writer(out, Semi).writerow(["a;b", "c"])
print(repr(out.getvalue()))

for bad in [lambda: csv.get_dialect("nope"), lambda: list(csv.reader(['a"b'], strict=True)),
            lambda: list(csv.reader(['"ab'], strict=True)), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']),
            lambda: list(csv.reader(["a\rb"])), lambda: csv.writer(io.StringIO(), delimiter="::"),
            lambda: csv.writer(io.StringIO()).writerow(5), lambda: list(csv.reader([b"bytes"]))]:
    try:
        bad()
    except (csv.Error, TypeError) as e:
        print(type(e).__name__ + ":", e)
old = csv.field_size_limit(5)
try:
    list(csv.reader(["abcdefgh"]))
except csv.Error as e:
    print("Error:", e)
print(old, csv.field_size_limit(old))

sn = csv.Sniffer()
sample = "a;b;c\n1;2;3\n4;5;6\n"
d = sn.sniff(sample)
print(d.delimiter, repr(d.quotechar), sn.has_header("name,age\nann,3\nbob,4\n"))
print(csv.excel.delimiter, csv.excel_tab.delimiter, repr(csv.unix_dialect.lineterminator), csv.QUOTE_NONE)

with open("support_csv/people.csv", newline="") as f:
    for row in csv.DictReader(f):
        print(row)
with open("support_csv/people.csv") as f:
    print(list(csv.reader(f)))
