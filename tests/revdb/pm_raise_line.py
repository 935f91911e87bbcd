# In post-mortem and at `!!` stops the raising frame is at the raise, not the line after.
def check(x):
    if x > 2:
        raise ValueError("too big: %d" % x)
    return x

def main():
    total = 0
    for i in range(5):
        total += check(i)
    print(total)

main()
