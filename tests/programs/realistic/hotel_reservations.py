# Hotel reservations: room types, date-range overlap checks, pricing with weekends, cancellations and reports.
class BookingError(Exception):
    pass

class Room:
    def __init__(self, number, kind, rate):
        self.number, self.kind, self.rate = number, kind, rate
        self.bookings = []

    def free(self, start, end):
        return all(end <= b.start or start >= b.end for b in self.bookings if b.active)

class Booking:
    _next = 1

    def __init__(self, guest, room, start, end):
        self.id = Booking._next
        Booking._next += 1
        self.guest, self.room, self.start, self.end = guest, room, start, end
        self.active = True

    def nights(self):
        return self.end - self.start

    def price(self):
        total = 0
        for day in range(self.start, self.end):
            total += self.room.rate * (5 if day % 7 in (5, 6) else 4) // 4
        return total

    def __repr__(self):
        return f"#{self.id} {self.guest} room {self.room.number} days {self.start}-{self.end}"

class Hotel:
    def __init__(self, rooms):
        self.rooms = {r.number: r for r in rooms}
        self.bookings = {}

    def book(self, guest, kind, start, end):
        if end <= start:
            raise BookingError(f"invalid stay {start}-{end}")
        for room in sorted(self.rooms.values(), key=lambda r: r.number):
            if room.kind == kind and room.free(start, end):
                b = Booking(guest, room, start, end)
                room.bookings.append(b)
                self.bookings[b.id] = b
                return b
        raise BookingError(f"no {kind} room free for days {start}-{end}")

    def cancel(self, bid):
        b = self.bookings.get(bid)
        if b is None or not b.active:
            raise BookingError(f"no active booking #{bid}")
        b.active = False
        return b

    def occupancy(self, day):
        return sorted(r.number for r in self.rooms.values() if not r.free(day, day + 1))

h = Hotel([Room(101, "single", 80), Room(102, "single", 80), Room(201, "double", 120), Room(301, "suite", 300)])
requests = [("ann", "single", 0, 3), ("bob", "single", 1, 4), ("cy", "single", 2, 5), ("dee", "double", 4, 8),
            ("eve", "suite", 5, 7), ("fox", "double", 6, 9), ("gil", "single", 3, 6), ("hal", "single", 5, 5)]
for guest, kind, s, e in requests:
    try:
        b = h.book(guest, kind, s, e)
        print(f"booked {b}, {b.nights()} nights, ${b.price()}")
    except BookingError as err:
        print(f"{guest}: {err}")
print(h.cancel(2))
for bid in (2, 99):
    try:
        h.cancel(bid)
    except BookingError as err:
        print("BookingError:", err)
print(h.book("cy", "single", 2, 5))
for day in range(0, 10, 2):
    print("day", day, "occupied", h.occupancy(day))
revenue = {}
for b in h.bookings.values():
    if b.active:
        revenue[b.room.kind] = revenue.get(b.room.kind, 0) + b.price()
print(revenue, sum(revenue.values()))
print(sorted((b.guest for b in h.bookings.values() if b.active), key=lambda g: (-len(g), g)))
