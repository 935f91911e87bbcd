# Date arithmetic by hand: leap years, day of week, day of year, month calendars, date differences.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]

def ordinal(y, m, d):
    y1 = y - 1
    days = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    days += sum(days_in_month(y, k) for k in range(1, m))
    return days + d

def weekday(y, m, d):
    return (ordinal(y, m, d) - 1) % 7

def from_ordinal(n):
    y = 1
    while n > (366 if is_leap(y) else 365):
        n -= 366 if is_leap(y) else 365
        y += 1
    m = 1
    while n > days_in_month(y, m):
        n -= days_in_month(y, m)
        m += 1
    return y, m, n

def add_days(date, k):
    return from_ordinal(ordinal(*date) + k)

def month_calendar(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), "Mo Tu We Th Fr Sa Su"]
    first = weekday(y, m, 1)
    cells = ["  "] * first + [f"{d:2}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)

print([y for y in (1900, 2000, 2004, 2023, 2024, 2100) if is_leap(y)])
for date in [(1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1969, 7, 20), (2038, 1, 19)]:
    print(date, DAYS[weekday(*date)], "day of year", ordinal(*date) - ordinal(date[0], 1, 1) + 1)
print(ordinal(2024, 1, 1) - ordinal(1970, 1, 1), "days from epoch to 2024")
print(add_days((2024, 2, 27), 3), add_days((2023, 12, 31), 1), add_days((2024, 3, 1), -1), add_days((1999, 12, 31), 1))
print(month_calendar(2024, 2))
print(month_calendar(2023, 10))
fridays = [(y, m) for y in (2023, 2024) for m in range(1, 13) if weekday(y, m, 13) == 4]
print("friday the 13th:", fridays)
