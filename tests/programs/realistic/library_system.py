# A library lending system: books, members, loans, fines, and reports.
class LibraryError(Exception):
    pass

class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = copies
        self.on_loan = 0

    @property
    def available(self):
        return self.copies - self.on_loan

    def __repr__(self):
        return f"Book({self.title!r}, {self.available}/{self.copies})"

class Member:
    LIMIT = 2

    def __init__(self, name):
        self.name = name
        self.loans = {}
        self.fines = 0

    def __repr__(self):
        return f"Member({self.name}, loans={sorted(self.loans)}, fines={self.fines})"

class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 25

    def __init__(self):
        self.books = {}
        self.members = {}
        self.today = 0
        self.events = []

    def add_book(self, *args, **kw):
        b = Book(*args, **kw)
        self.books[b.isbn] = b

    def join(self, name):
        self.members[name] = Member(name)

    def checkout(self, name, isbn):
        m, b = self.members[name], self.books.get(isbn)
        if b is None:
            raise LibraryError(f"no book with isbn {isbn}")
        if m.fines > 100:
            raise LibraryError(f"{name} owes {m.fines} cents")
        if len(m.loans) >= Member.LIMIT:
            raise LibraryError(f"{name} already has {len(m.loans)} loans")
        if isbn in m.loans:
            raise LibraryError(f"{name} already borrowed {b.title!r}")
        if b.available == 0:
            raise LibraryError(f"{b.title!r} is not available")
        b.on_loan += 1
        m.loans[isbn] = self.today + self.LOAN_DAYS
        self.events.append((self.today, "out", name, b.title))

    def checkin(self, name, isbn):
        m = self.members[name]
        due = m.loans.pop(isbn)
        self.books[isbn].on_loan -= 1
        late = max(0, self.today - due)
        m.fines += late * self.FINE_PER_DAY
        self.events.append((self.today, "in", name, self.books[isbn].title, late))
        return late

    def advance(self, days):
        self.today += days

    def overdue(self):
        return sorted((due, name, isbn) for name, m in self.members.items() for isbn, due in m.loans.items() if due < self.today)

lib = Library()
lib.add_book("111", "Dune", "Herbert", copies=2)
lib.add_book("222", "Emma", "Austen")
lib.add_book("333", "Ulysses", "Joyce")
for n in ("ann", "ben", "cat"):
    lib.join(n)
actions = [("checkout", "ann", "111"), ("checkout", "ben", "111"), ("checkout", "cat", "111"),
           ("checkout", "ann", "222"), ("checkout", "ann", "333"), ("advance", 10),
           ("checkout", "ann", "111"), ("checkin", "ben", "111"), ("advance", 10),
           ("checkin", "ann", "111"), ("checkout", "cat", "999"), ("advance", 5),
           ("checkin", "ann", "222"), ("checkout", "ann", "333"), ("checkout", "cat", "333")]
for act in actions:
    try:
        if act[0] == "advance":
            lib.advance(act[1])
            print(f"day {lib.today}: overdue {lib.overdue()}")
            continue
        result = getattr(lib, act[0])(*act[1:])
        print(f"day {lib.today}: {act[0]} {act[1]} {act[2]} ok" + (f", {result} days late" if result else ""))
    except LibraryError as e:
        print(f"day {lib.today}: {act[0]} {act[1]} {act[2]} failed: {e}")
print(list(lib.books.values()))
print(list(lib.members.values()))
for e in lib.events:
    print(e)
