# Classical ciphers: Caesar, Vigenere, Atbash, rail fence, and a frequency-based Caesar cracker.
ALPHA = "abcdefghijklmnopqrstuvwxyz"

def shift_char(ch, k):
    if ch.isupper():
        return chr((ord(ch) - 65 + k) % 26 + 65)
    if ch.islower():
        return chr((ord(ch) - 97 + k) % 26 + 97)
    return ch

def caesar(text, k):
    return "".join(shift_char(c, k) for c in text)

def vigenere(text, key, decrypt=False):
    out = []
    i = 0
    for c in text:
        if c.isalpha():
            k = ALPHA.index(key[i % len(key)].lower())
            out.append(shift_char(c, -k if decrypt else k))
            i += 1
        else:
            out.append(c)
    return "".join(out)

def atbash(text):
    table = str.maketrans(ALPHA + ALPHA.upper(), ALPHA[::-1] + ALPHA.upper()[::-1])
    return text.translate(table)

def rail_fence(text, rails):
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for c in text:
        rows[r].append(c)
        if rails > 1:
            if r == 0:
                step = 1
            elif r == rails - 1:
                step = -1
            r += step
    return "".join("".join(row) for row in rows)

def rail_fence_decode(cipher, rails):
    pattern = []
    r, step = 0, 1
    for _ in cipher:
        pattern.append(r)
        if r == 0:
            step = 1
        elif r == rails - 1:
            step = -1
        r += step
    order = sorted(range(len(cipher)), key=lambda i: (pattern[i], i))
    out = [""] * len(cipher)
    for ch, idx in zip(cipher, order):
        out[idx] = ch
    return "".join(out)

ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"

def crack_caesar(cipher):
    def score(text):
        return sum(26 - ENGLISH.index(c) for c in text.lower() if c in ENGLISH)
    return max(range(26), key=lambda k: (score(caesar(cipher, -k)), -k))

msg = "Attack at Dawn! The quick brown fox jumps over the lazy dog."
for k in (1, 3, 13, 25, -4):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
v = vigenere(msg, "LEMON")
print(v, vigenere(v, "LEMON", decrypt=True) == msg)
print(atbash(msg), atbash(atbash(msg)) == msg)
for rails in (2, 3, 4):
    rf = rail_fence("WEAREDISCOVEREDFLEEATONCE", rails)
    print(rails, rf, rail_fence_decode(rf, rails))
secret = caesar("the enemy knows the system and we must meet at the old station tonight", 17)
k = crack_caesar(secret)
print(secret)
print("cracked key", k, "->", caesar(secret, -k))
