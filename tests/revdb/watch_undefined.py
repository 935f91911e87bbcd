print("start")
total = 0
for i in range(3):
    total += i
late = total * 2
del late
print("end")
