# Weather data analysis: parsing fixed-width records, moving averages, streaks, extremes and histograms.
RAW = """\
2024-03-01  12.5   3.1  0.0  NW
2024-03-02  14.0   4.5  1.2  W
2024-03-03   9.5   2.0  8.4  SW
2024-03-04   8.0  -1.5  0.0  N
2024-03-05  11.0   0.5  0.0  N
2024-03-06  15.5   6.0  2.2  S
2024-03-07  17.0   8.5  0.0  SE
2024-03-08  16.5   9.0  0.0  SE
2024-03-09  13.0   7.5 12.6  E
2024-03-10  10.5   4.0  5.1  E
2024-03-11  12.0   3.5  0.0  NE
2024-03-12  18.5  10.0  0.0  S
2024-03-13  21.0  11.5  0.0  S
2024-03-14  19.5  12.0  0.4  SW
"""

def parse(text):
    out = []
    for line in text.splitlines():
        date, hi, lo, rain, wind = line.split()
        out.append({"date": date, "day": int(date[-2:]), "hi": float(hi), "lo": float(lo), "rain": float(rain), "wind": wind})
    return out

def moving_average(values, k):
    return [round(sum(values[i - k + 1:i + 1]) / k, 2) for i in range(k - 1, len(values))]

def longest_streak(days, pred):
    best, cur, start, best_start = 0, 0, 0, None
    for i, d in enumerate(days):
        if pred(d):
            if cur == 0:
                start = i
            cur += 1
            if cur > best:
                best, best_start = cur, start
        else:
            cur = 0
    return best, (days[best_start]["date"] if best_start is not None else None)

days = parse(RAW)
highs = [d["hi"] for d in days]
print("days", len(days), "mean high", round(sum(highs) / len(highs), 2), "mean low", round(sum(d["lo"] for d in days) / len(days), 2))
print("3-day MA", moving_average(highs, 3))
hottest = max(days, key=lambda d: d["hi"])
coldest = min(days, key=lambda d: d["lo"])
print("hottest", hottest["date"], hottest["hi"], "coldest", coldest["date"], coldest["lo"])
print("dry streak", longest_streak(days, lambda d: d["rain"] == 0), "warm streak", longest_streak(days, lambda d: d["hi"] >= 15))
print("total rain", round(sum(d["rain"] for d in days), 1), "rainy days", [d["day"] for d in days if d["rain"] > 0])
ranges = [(d["day"], round(d["hi"] - d["lo"], 1)) for d in days]
print("largest range", max(ranges, key=lambda r: (r[1], -r[0])))
winds = {}
for d in days:
    winds[d["wind"]] = winds.get(d["wind"], 0) + 1
print("winds", dict(sorted(winds.items(), key=lambda kv: (-kv[1], kv[0]))))
print("histogram of highs:")
for lo in range(5, 25, 5):
    n = sum(1 for h in highs if lo <= h < lo + 5)
    print(f"  {lo:2}-{lo + 4:<2} {'#' * n} {n}")
weeks = {}
for d in days:
    weeks.setdefault((d["day"] - 1) // 7 + 1, []).append(d)
for w, ds in weeks.items():
    print(f"week {w}: high {max(x['hi'] for x in ds)}, low {min(x['lo'] for x in ds)}, rain {round(sum(x['rain'] for x in ds), 1)}")
def c_to_f(c):
    return round(c * 9 / 5 + 32, 1)
print([c_to_f(h) for h in highs[:5]])
