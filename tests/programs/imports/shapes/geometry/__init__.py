print("initialising shapes.geometry")
