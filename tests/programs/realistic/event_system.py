# An event bus using decorators for subscription, priorities and once-only handlers.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.log = []

    def on(self, event, priority=0, once=False):
        def decorator(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.log), fn, once))
            self.log.append(f"subscribed {fn.__name__} to {event}")
            return fn
        return decorator

    def emit(self, event, **payload):
        entries = sorted(self.handlers.get(event, []), key=lambda e: (-e[0], e[1]))
        results = []
        for entry in entries:
            priority, _, fn, once = entry
            try:
                results.append(fn(**payload))
            except StopPropagation as stop:
                results.append(f"stopped by {fn.__name__}: {stop}")
                break
            except Exception as e:
                results.append(f"{fn.__name__} failed: {type(e).__name__}: {e}")
            finally:
                if once:
                    self.handlers[event].remove(entry)
        return results

class StopPropagation(Exception):
    pass

bus = EventBus()

@bus.on("login")
def greet(user, **_):
    return f"welcome {user}"

@bus.on("login", priority=10)
def audit(user, ip="?", **_):
    return f"audit: {user} from {ip}"

@bus.on("login", priority=5, once=True)
def first_login_bonus(user, **_):
    return f"bonus for {user}"

@bus.on("purchase", priority=1)
def check_fraud(amount, **_):
    if amount > 1000:
        raise StopPropagation(f"amount {amount} too large")
    return "fraud check ok"

@bus.on("purchase")
def charge(amount, currency="EUR", **_):
    return f"charged {amount:.2f} {currency}"

@bus.on("purchase", priority=-1)
def receipt(amount, **_):
    return 100 / (amount - 50)

print(bus.emit("login", user="ann", ip="10.0.0.1"))
print(bus.emit("login", user="bob"))
print(bus.emit("purchase", amount=20))
print(bus.emit("purchase", amount=50, currency="USD"))
print(bus.emit("purchase", amount=5000))
print(bus.emit("logout", user="ann"))
print(greet("direct call"), greet.__name__)
for line in bus.log:
    print(line)
print({event: [h[2].__name__ for h in hs] for event, hs in bus.handlers.items()})
