# Uncaught ValueError raised three calls deep: multi-frame traceback.
def parse_age(text):
    value = int(text)
    if value < 0:
        raise ValueError(f"age cannot be negative: {value}")
    return value

def load_person(record):
    name, age = record.split(":")
    return name, parse_age(age)

def load_all(records):
    people = []
    for r in records:
        people.append(load_person(r))
        print("loaded", people[-1])
    return people

load_all(["ann:31", "bob:42", "cy:-5", "dee:7"])
print("never printed")
