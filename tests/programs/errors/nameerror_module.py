# NameError at module level after some output.
greeting = "hello"
print(greeting)
print(total_count + 1)
