print(sorted({3, 1, 2}))
raise SystemExit(3)
