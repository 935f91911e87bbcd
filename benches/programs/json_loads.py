# bench-group: stdlib
"""json.loads over pyperformance's json_loads documents (EMPTY, SIMPLE, NESTED,
HUGE) and a generated document of records, with object_hook and parse_float
variants. Prints a checksum of the decoded values."""
import json

DICT = {
    "ads_flags": 0,
    "age": 18,
    "bulletin_count": 0,
    "comment_count": 0,
    "country": "BR",
    "encrypted_id": "G9urXXAJwjE",
    "favorite_artists": [
        "James Taylor",
        "Dave Matthews Band",
        "Neil Young",
        "Billy Joel",
    ],
    "favorite_books": [
        "The Alchemist",
        "The Hobbit",
    ],
    "favorite_movies": [
        "Fight Club",
        "Pulp Fiction",
        "Forrest Gump",
    ],
    "first_name": "Sidney",
    "friend_count": 12,
    "has_bio": True,
    "is_private": False,
    "last_name": "Ronaldo",
    "location": "Rio de Janeiro, RJ",
    "mood": "\u00e9\u00e8\u00ea",
    "profile_photo": "http://example.com/photo.jpg?size=big&q=85",
    "score": 117.5,
    "weight": -3.25e-2,
}
TUPLE = ([265867233, 265868503, 265252341, 265243910, 265879514, 266219766,
          266021701, 265843726, 265592821, 265246784, 265853180, 45526486,
          265463699, 265848143, 265863062, 265392591, 265877490, 265823665,
          265828884, 265753032], 60)


def mutate_dict(orig_dict, random_source):
    new_dict = dict(orig_dict)
    for key, value in new_dict.items():
        rand_val = random_source.next() * 100
        if isinstance(value, int) and not isinstance(value, bool):
            new_dict[key] = rand_val
        elif isinstance(value, str):
            new_dict[key] = str(rand_val)
        elif isinstance(value, list):
            new_dict[key] = [str(random_source.next()) for _ in value]
    return new_dict


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return self.x % 1000


def make_docs():
    rng = Lcg(5)
    dicts = [json.dumps(mutate_dict(DICT, rng)) for _ in range(100)]
    tuples = [json.dumps(TUPLE)] * 100
    records = json.dumps([{"id": i, "name": "item%d" % i, "tags": ["t%d" % (i % 7), "x"],
                           "price": i * 1.25, "ok": i % 3 == 0, "note": None}
                          for i in range(2000)], indent=1)
    return dicts, tuples, records


def digest(v, h=0):
    if isinstance(v, dict):
        for k in v:
            h = digest(v[k], (h * 31 + len(k)) % 1000000007)
        return h
    if isinstance(v, list):
        for x in v:
            h = digest(x, h)
        return (h * 7 + len(v)) % 1000000007
    if isinstance(v, str):
        return (h * 31 + len(v)) % 1000000007
    if isinstance(v, bool) or v is None:
        return (h * 3 + (v is True)) % 1000000007
    return (h * 31 + int(v * 4)) % 1000000007


def main(loops):
    dicts, tuples, records = make_docs()
    total = 0
    for _ in range(loops):
        for s in dicts:
            total += len(json.loads(s))
        for s in tuples:
            total += len(json.loads(s))
        total += len(json.loads(records))
    print("sizes", total)
    total = 0
    for s in dicts + tuples + [records]:
        total = digest(json.loads(s), total)
    print("plain", total)
    hooked = json.loads(records, object_hook=lambda d: len(d))
    print("object_hook", sum(hooked))
    pairs = json.loads(dicts[0], object_pairs_hook=lambda p: [k for k, _ in p])
    print("pairs_hook", pairs[:3])
    floats = json.loads(records, parse_float=lambda s: s)
    print("parse_float", floats[3]["price"], floats[-1]["price"])
    try:
        json.loads(records[:-10])
    except json.JSONDecodeError as e:
        print("error", e.msg, e.lineno, e.colno)
    print("checksum:", total)


main(400)
