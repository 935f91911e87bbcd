# Every stop point can be reached, up to the module's return (END-1, shown
# with <<) and the end (END).
lst = []
lst.append(1)
print(lst)
