# time: clocks (only their relations are printed), sleep, gmtime, strftime.
import time

t1 = time.time()
ns = time.time_ns()
m1 = time.monotonic()
p1 = time.perf_counter()
pn = time.perf_counter_ns()
mn = time.monotonic_ns()
c1 = time.process_time()
time.sleep(0.02)
m2 = time.monotonic()
p2 = time.perf_counter()
t2 = time.time()
print(type(t1).__name__, type(ns).__name__, type(pn).__name__, type(mn).__name__)
print("time advanced:", t2 >= t1, abs(ns / 1e9 - t1) < 5)
print("slept:", m2 - m1 >= 0.019, p2 - p1 >= 0.019)
print("process_time:", time.process_time() >= c1 >= 0)
print(t1 > 1.6e9)

g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g)[:3])
for secs in [1700000000, 951782400, 1234567890.75, -86400 * 365, 4102444800]:
    g = time.gmtime(secs)
    print(tuple(g), time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%", g))
    print(time.asctime(g), time.strftime("%c|%x|%X|%D|%F|%T|%e|%G-W%V-%u", g))
g = time.gmtime(1700000000)
y, mo, d, *rest = g
print(y, mo, d, rest, g.tm_zone, g.tm_gmtoff)
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))

lt = time.localtime()
print(type(lt).__name__, len(lt), 1 <= lt.tm_mon <= 12)
lt = time.localtime(1700000000)
print(lt.tm_year == 2023, len(time.strftime("%Y-%m-%d")) == 10)
print(len(time.ctime()) == 24, len(time.asctime()) == 24)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
