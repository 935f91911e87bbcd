# CSV parsing with quoted fields by hand, type inference, aggregation and a formatted sales report.
DATA = '''region,rep,product,units,unit_price,date
North,"Smith, J",Widget,12,2.50,2024-01-05
South,Lee,Gadget,3,19.99,2024-01-07
North,"Smith, J",Gadget,1,19.99,2024-01-09
East,"O""Brien",Widget,40,2.25,2024-01-12
South,Lee,Widget,7,2.50,2024-02-01
East,"O""Brien",Doohickey,5,7.00,2024-02-03
North,Khan,Widget,22,2.40,2024-02-14
South,"Lee",Doohickey,,7.00,2024-02-20
West,Ng,Gadget,2,21.00,2024-03-01
'''

def parse_line(line):
    fields, cur, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1:i + 2] == '"':
                cur += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cur += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    fields.append(cur)
    return fields

def infer(value):
    if value == "":
        return None
    for conv in (int, float):
        try:
            return conv(value)
        except ValueError:
            pass
    return value

lines = DATA.strip().splitlines()
header = parse_line(lines[0])
rows = [dict(zip(header, map(infer, parse_line(l)))) for l in lines[1:]]
print(header)
for r in rows[:4]:
    print(r)
skipped = [r for r in rows if r["units"] is None]
rows = [r for r in rows if r["units"] is not None]
print("skipped", len(skipped), "rows with missing units:", [(r["rep"], r["product"]) for r in skipped])
for r in rows:
    r["revenue"] = round(r["units"] * r["unit_price"], 2)
    r["month"] = r["date"][:7]

def summarize(key):
    out = {}
    for r in rows:
        k = r[key]
        s = out.setdefault(k, {"units": 0, "revenue": 0.0, "orders": 0})
        s["units"] += r["units"]
        s["revenue"] = round(s["revenue"] + r["revenue"], 2)
        s["orders"] += 1
    return out

for key in ("region", "product", "month", "rep"):
    summary = summarize(key)
    print(f"\n{key.upper():<12}{'orders':>7}{'units':>7}{'revenue':>10}")
    for k, s in sorted(summary.items(), key=lambda kv: (-kv[1]["revenue"], str(kv[0]))):
        print(f"{k:<12}{s['orders']:>7}{s['units']:>7}{s['revenue']:>10.2f}")
    print(f"{'total':<12}{sum(s['orders'] for s in summary.values()):>7}{sum(s['units'] for s in summary.values()):>7}"
          f"{sum(s['revenue'] for s in summary.values()):>10.2f}")
best = max(rows, key=lambda r: r["revenue"])
print("\nbest order:", best["rep"], best["product"], best["revenue"])
print(parse_line('a,"b,c",,"d ""e""",f'), parse_line(""), parse_line(",,"))
