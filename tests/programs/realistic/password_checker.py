# Password policy checking and strength scoring with character-class analysis and common-pattern detection.
COMMON = {"password", "123456", "qwerty", "letmein", "admin", "welcome", "dragon", "monkey"}
KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"]

def classes(pw):
    return {
        "lower": any(c.islower() for c in pw),
        "upper": any(c.isupper() for c in pw),
        "digit": any(c.isdigit() for c in pw),
        "symbol": any(not c.isalnum() and not c.isspace() for c in pw),
        "space": any(c.isspace() for c in pw),
    }

def sequences(pw, length=3):
    low = pw.lower()
    found = []
    for row in KEYBOARD_ROWS:
        for i in range(len(row) - length + 1):
            chunk = row[i:i + length]
            if chunk in low or chunk[::-1] in low:
                found.append(chunk)
    for i in range(len(low) - length + 1):
        codes = [ord(c) for c in low[i:i + length]]
        if all(b - a == 1 for a, b in zip(codes, codes[1:])):
            found.append(low[i:i + length])
    return sorted(set(found))

def repeats(pw):
    runs, i = [], 0
    while i < len(pw):
        j = i
        while j < len(pw) and pw[j] == pw[i]:
            j += 1
        if j - i >= 3:
            runs.append(pw[i] * (j - i))
        i = j
    return runs

def check(pw):
    problems = []
    if len(pw) < 8:
        problems.append(f"too short ({len(pw)} < 8)")
    cls = classes(pw)
    missing = [k for k in ("lower", "upper", "digit", "symbol") if not cls[k]]
    if len(missing) > 1:
        problems.append("missing " + ", ".join(missing))
    if pw.lower() in COMMON or any(w in pw.lower() for w in COMMON if len(w) > 5):
        problems.append("contains a common password")
    seqs = sequences(pw)
    if seqs:
        problems.append("sequences " + "/".join(seqs))
    reps = repeats(pw)
    if reps:
        problems.append("repeats " + "/".join(reps))
    score = min(len(pw), 20) * 4 + 10 * sum(cls[k] for k in ("lower", "upper", "digit", "symbol"))
    score += 5 * len(set(pw)) // 2 - 15 * len(problems)
    score = max(0, min(100, score))
    label = "weak" if score < 50 else "fair" if score < 75 else "strong" if score < 95 else "excellent"
    return score, label, problems

for pw in ["password", "P@ssw0rd", "abc", "Tr0ub4dor&3", "correct horse battery staple", "aaaaaaA1!",
           "qwertyUIOP12", "Xk#9vL!2mQz&", "123456789", "Zyx-Wvu-987", "MyDragon2024!", ""]:
    score, label, problems = check(pw)
    print(f"{pw!r:32} {score:3} {label:9} {'; '.join(problems) or 'ok'}")
print(classes("Ab 1!"), sequences("xyz-CBA-poi"), repeats("aaabbbbcdddd"))
