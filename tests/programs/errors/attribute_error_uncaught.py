# Uncaught AttributeError from a method call on None.
def find(items, key):
    for item in items:
        if item["id"] == key:
            return item
    return None

items = [{"id": 1, "name": "one"}]
print(find(items, 1)["name"])
result = find(items, 2)
print(result.get("name"))
