import datetime
from datetime import date, time, datetime as dt, timedelta, timezone

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar())
print(d.toordinal(), date.fromordinal(738000), date.fromisoformat("2023-12-31"))
print(d.replace(day=1), d.strftime("%A %d %B %Y"), d.ctime(), d.timetuple())
print(date(2024, 3, 1) - d, (date(2025, 1, 1) - date(2024, 1, 1)).days)
print(d < date(2024, 3, 1), d == date(2024, 2, 28), hash(d) == hash(date(2024, 2, 28)))
print(f"{d:%Y/%m/%d}", format(d, ""), str(date.min), str(date.max))
for bad in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print("ValueError:", e)

td = timedelta(days=1, hours=25, minutes=-3, seconds=4.5, microseconds=7)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds)
print(-td, abs(-td), td * 2, td / 3, td // timedelta(hours=1), td % timedelta(hours=1))
print(timedelta(weeks=1) / timedelta(days=1), timedelta(milliseconds=1500), timedelta(0))
print(timedelta(days=-1, seconds=5), str(timedelta(microseconds=-1)), timedelta.max, timedelta.resolution)
print(divmod(timedelta(hours=5), timedelta(hours=2)), td * 0.5, bool(timedelta()))
try:
    timedelta(days=10**9)
except OverflowError as e:
    print("OverflowError:", e)

t = time(13, 5, 9, 250)
print(t, repr(t), t.isoformat(), t.isoformat("minutes"), t.strftime("%I:%M %p"), t.replace(hour=1))
print(time.fromisoformat("04:23:01.000384"), time(1, 2, tzinfo=timezone.utc))

x = dt(2021, 7, 4, 12, 30, 45, 123456)
print(x, repr(x), x.isoformat(), x.isoformat(" ", "seconds"), x.date(), x.time())
print(x + timedelta(hours=12), x - dt(2021, 1, 1), x.timestamp() if False else "-")
print(dt.fromisoformat("2011-11-04T00:05:23+04:00"), dt.fromisoformat("2011-11-04 00:05:23.283"))
print(dt.combine(date(2000, 1, 1), time(8)), x.strftime("%Y-%m-%dT%H:%M:%S.%f %j %U %w"))
print(x.timetuple(), x.toordinal(), x.weekday(), x.ctime())
print(dt(2000, 1, 1) < dt(2000, 1, 2), max(dt(2000, 1, 1), dt(1999, 5, 5)))
print(sorted([dt(2020, 5, 1), dt(2019, 1, 1, 5), dt(2020, 1, 1)]))

utc = timezone.utc
tz = timezone(timedelta(hours=-5), "EST")
a = dt(2020, 3, 1, 12, 0, tzinfo=utc)
print(a, repr(a), a.astimezone(tz), a.astimezone(tz).tzname(), a.utcoffset(), tz)
print(repr(tz), timezone(timedelta(hours=5, minutes=30)), timezone.min, timezone.max)
print(a.timestamp(), dt.fromtimestamp(1_600_000_000, utc), dt.utcfromtimestamp(0))
print(a == a.astimezone(tz), a - dt(2020, 1, 1, tzinfo=tz), a.isoformat(), a.strftime("%z %Z"))
try:
    a < dt(2020, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(dt.strptime.__name__)


class Fixed(datetime.tzinfo):
    def utcoffset(self, d):
        return timedelta(hours=2)

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return "FIX"


f = dt(2022, 6, 1, 9, tzinfo=Fixed())
print(f, f.tzname(), f.astimezone(utc), f.utctimetuple())
print(datetime.MINYEAR, datetime.MAXYEAR, datetime.UTC is utc)
print(date(2020, 1, 1).isocalendar().week, dt.fromisocalendar(2020, 1, 1))

now = dt.now()
today = date.today()
print(type(now).__name__, type(today).__name__, now.year >= 2024, today.year >= 2024)
print(type(dt.utcnow()).__name__, dt.now(utc).tzinfo)
