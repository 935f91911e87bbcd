import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 12, w=3, l=2))
calendar.prmonth(2021, 7)
print(calendar.calendar(2024, m=4))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024))
print(calendar.weekday(2024, 1, 1), calendar.monthrange(2024, 2), calendar.monthrange(2023, 2))
print(calendar.monthcalendar(2024, 3))
print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), list(calendar.month_abbr)[1:4])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm((1970, 1, 2, 3, 4, 5, 0, 0, 0)))
print(calendar.firstweekday(), calendar.MONDAY, calendar.SUNDAY)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.month(2024, 9))
print(calendar.weekheader(2), calendar.firstweekday())
calendar.setfirstweekday(0)
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), list(c.itermonthdays(2024, 2))[:10])
print([str(d) for d in c.itermonthdates(2024, 2)][:8])
print(c.monthdays2calendar(2024, 2)[0], c.yeardayscalendar(2024, width=6)[0][0][0])
print(list(c.itermonthdays3(2024, 2))[:3], list(c.itermonthdays4(2024, 2))[:2])
tc = calendar.TextCalendar(calendar.MONDAY)
print(tc.formatmonth(2025, 1, w=4))
print(tc.formatyear(2025, 1, 1, 1, 6)[:300])
h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 5))
print(h.formatyear(2024, width=4)[:400])
print(h.formatyearpage(2024)[:200])
lc = calendar.LocaleTextCalendar(locale="C")
print(lc.formatmonthname(2024, 6, 20), lc.formatweekday(2, 9))
for bad in [(2024, 13), (2024, 0)]:
    try:
        calendar.monthrange(*bad)
    except calendar.IllegalMonthError as e:
        print("IllegalMonthError:", e, isinstance(e, ValueError))
try:
    calendar.setfirstweekday(9)
except calendar.IllegalWeekdayError as e:
    print("IllegalWeekdayError:", e)
try:
    calendar.month(2024, 13)
except (ValueError, IndexError) as e:
    print(type(e).__name__, e)
