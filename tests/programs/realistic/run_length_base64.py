# Run-length encoding, base64 encoding/decoding by hand, and hex dumps.
def rle_encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}" if j - i > 1 else s[i])
        i = j
    return "".join(out)

def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or 1))
            num = ""
    return "".join(out)

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

def b64encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [B64[(n >> s) & 63] for s in (18, 12, 6, 0)]
        keep = len(chunk) + 1
        out.append("".join(chars[:keep]) + "=" * (4 - keep))
    return "".join(out)

def b64decode(text):
    if len(text) % 4:
        raise ValueError("invalid base64 length")
    out = bytearray()
    for i in range(0, len(text), 4):
        block = text[i:i + 4]
        pad = block.count("=")
        n = 0
        for ch in block.rstrip("="):
            n = n * 64 + B64.index(ch)
        n <<= 6 * pad
        out += n.to_bytes(3, "big")[:3 - pad]
    return bytes(out)

def hexdump(data, width=8):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{off:04x}  {hexes:<{width * 3}} |{text}|")

for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabcccccaaa", ""]:
    e = rle_encode(s)
    print(repr(e), rle_decode(e) == s, f"{len(e)}/{len(s)}")
for raw in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", "héllo wörld".encode(), bytes(range(250, 256))]:
    enc = b64encode(raw)
    print(raw, enc, b64decode(enc) == raw)
try:
    b64decode("abc")
except ValueError as e:
    print("ValueError:", e)
hexdump("Hello, revpy!\n\x00\x01 bytes é".encode())
