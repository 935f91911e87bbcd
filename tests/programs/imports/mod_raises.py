print("mod_raises starting")
raise ValueError("module failed to initialise")
