# Round-robin tournament scheduling (circle method), deterministic match simulation and a standings table.
def schedule(teams):
    teams = list(teams)
    if len(teams) % 2:
        teams.append("BYE")
    n = len(teams)
    rounds = []
    for r in range(n - 1):
        pairs = []
        for i in range(n // 2):
            a, b = teams[i], teams[n - 1 - i]
            if "BYE" not in (a, b):
                pairs.append((a, b) if r % 2 == 0 else (b, a))
        rounds.append(pairs)
        teams = [teams[0]] + [teams[-1]] + teams[1:-1]
    return rounds

STRENGTH = {"Lions": 8, "Tigers": 7, "Bears": 5, "Wolves": 6, "Eagles": 4}

def play(home, away, rnd):
    seed = sum(map(ord, home + away)) * (rnd + 3)
    hg = (STRENGTH[home] + seed % 5) // 3
    ag = (STRENGTH[away] + (seed // 7) % 5) // 3
    return hg, ag

table = {t: {"P": 0, "W": 0, "D": 0, "L": 0, "GF": 0, "GA": 0, "Pts": 0} for t in STRENGTH}
for rnd, pairs in enumerate(schedule(STRENGTH)):
    print(f"Round {rnd + 1}:", ", ".join(f"{h} {play(h, a, rnd)[0]}-{play(h, a, rnd)[1]} {a}" for h, a in pairs))
    for h, a in pairs:
        hg, ag = play(h, a, rnd)
        for team, gf, ga in ((h, hg, ag), (a, ag, hg)):
            row = table[team]
            row["P"] += 1
            row["GF"] += gf
            row["GA"] += ga
            if gf > ga:
                row["W"] += 1
                row["Pts"] += 3
            elif gf == ga:
                row["D"] += 1
                row["Pts"] += 1
            else:
                row["L"] += 1
standings = sorted(table.items(), key=lambda kv: (-kv[1]["Pts"], -(kv[1]["GF"] - kv[1]["GA"]), -kv[1]["GF"], kv[0]))
print(f"{'#':>2} {'Team':<8}" + "".join(f"{k:>4}" for k in ("P", "W", "D", "L", "GF", "GA", "GD", "Pts")))
for pos, (team, r) in enumerate(standings, 1):
    gd = r["GF"] - r["GA"]
    print(f"{pos:>2} {team:<8}" + "".join(f"{v:>4}" for v in (r["P"], r["W"], r["D"], r["L"], r["GF"], r["GA"])) + f"{gd:>+4}{r['Pts']:>4}")
all_pairs = [frozenset(p) for rnd in schedule(STRENGTH) for p in rnd]
print(len(all_pairs), len(set(all_pairs)), all(sum(t in p for p in all_pairs) == 4 for t in STRENGTH))
print(schedule(["A", "B", "C", "D"]))
