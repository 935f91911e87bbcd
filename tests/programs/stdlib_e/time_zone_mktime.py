# time.timezone/altzone/daylight/tzname and time.mktime (host time zone: an effect).
import time

print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1))
print(type(time.tzname).__name__, len(time.tzname), all(isinstance(n, str) for n in time.tzname))
print(time.altzone <= time.timezone)
print(time.daylight == (time.altzone != time.timezone))
for t in (0, 10**9, 1700000000, 1234567890):
    lt = time.localtime(t)
    print(t, time.mktime(lt) == t, type(time.mktime(lt)).__name__)
    print(-lt.tm_gmtoff in (time.timezone, time.altzone))
print(time.mktime(tuple(time.localtime(86400 * 365))) == 86400 * 365)
for bad in [(1, 2), "abc", None, (2000, 1, 1, 0, 0, 0, 0, 1, 0.5)]:
    try:
        time.mktime(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.mktime((10**12, 1, 1, 0, 0, 0, 0, 1, 0))
except Exception as e:
    print(type(e).__name__, e)
