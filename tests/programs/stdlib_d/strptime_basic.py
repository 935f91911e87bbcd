from datetime import datetime, date, time, timezone, timedelta

print(datetime.strptime("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"))
print(datetime.strptime("5 March 2024", "%d %B %Y"), datetime.strptime("Tue, 05 Mar 24", "%a, %d %b %y"))
print(datetime.strptime("2024-03-05T14:07:09.123456", "%Y-%m-%dT%H:%M:%S.%f"))
print(datetime.strptime("02:15 PM", "%I:%M %p"), datetime.strptime("2024 065", "%Y %j"))
print(datetime.strptime("2024-03-05 14:07 +0530", "%Y-%m-%d %H:%M %z"))
print(datetime.strptime("2024-03-05 14:07 -01:30", "%Y-%m-%d %H:%M %z").tzinfo)
print(datetime.strptime("2024-03-05 14:07 UTC", "%Y-%m-%d %H:%M %Z"))
print(datetime.strptime("Wed Mar 17 22:44:55 1999", "%c"), datetime.strptime("03/17/99", "%x"))
print(datetime.strptime("2024 10 1", "%Y %W %w"), datetime.strptime("2024 10 1", "%G %V %u"))
print(datetime.strptime("100%", "100%%"), datetime.strptime("", ""))
for s, f in [("2024-13-01", "%Y-%m-%d"), ("abc", "%Y"), ("2024-01-01 extra", "%Y-%m-%d"),
             ("2024", "%Q"), ("2023-02-29", "%Y-%m-%d"), ("31", "%d %")]:
    try:
        print(datetime.strptime(s, f))
    except ValueError as e:
        print("ValueError:", e)
try:
    datetime.strptime(2024, "%Y")
except TypeError as e:
    print("TypeError:", e)
