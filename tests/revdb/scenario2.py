lst = []
lst.append(50)
lst[-1] = 60
lst.append(70)
del lst
