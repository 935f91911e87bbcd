import timeit

calls = []


def fake_clock():
    # A deterministic timer: each reading advances by 0.25 seconds.
    calls.append(1)
    return len(calls) * 0.25


def work():
    work.count += 1


work.count = 0


def setup():
    print("setup ran")


t = timeit.Timer(stmt=work, setup=setup, timer=fake_clock)
print(t.timeit(number=1000), work.count)
print(t.repeat(repeat=3, number=10), work.count)
print(timeit.timeit(work, timer=fake_clock, number=5), work.count)
print(timeit.repeat(stmt=work, timer=fake_clock, repeat=2, number=2), work.count)
print(timeit.Timer(timer=fake_clock).timeit(number=3))
trials = []
n, taken = timeit.Timer(work, timer=fake_clock).autorange(lambda num, tt: trials.append(num))
print(n, taken, trials)
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number,
      timeit.default_repeat)
real = timeit.timeit(work, number=100)
print(type(real).__name__, real >= 0.0, work.count)
for bad in [(1, "pass"), ("pass", 2)]:
    try:
        timeit.Timer(*bad)
    except ValueError as e:
        print("ValueError:", e)
