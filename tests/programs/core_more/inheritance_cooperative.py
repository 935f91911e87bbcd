# Cooperative multiple inheritance: super() chains with **kwargs, diamonds, the MRO,
# super() in classmethods and properties, and explicit two-argument super().


class Base:
    def __init__(self, **kwargs):
        print(f"  Base.__init__ leftover={sorted(kwargs)}")
        super().__init__()

    def describe(self):
        return ["Base"]

    @classmethod
    def create(cls, **kw):
        print(f"  Base.create for {cls.__name__}")
        return cls(**kw)


class Named(Base):
    def __init__(self, name="anon", **kwargs):
        self.name = name
        print(f"  Named.__init__ name={name}")
        super().__init__(**kwargs)

    def describe(self):
        return ["Named"] + super().describe()


class Aged(Base):
    def __init__(self, age=0, **kwargs):
        self.age = age
        print(f"  Aged.__init__ age={age}")
        super().__init__(**kwargs)

    def describe(self):
        return ["Aged"] + super().describe()

    @classmethod
    def create(cls, **kw):
        print(f"  Aged.create for {cls.__name__}")
        return super().create(**kw)


class Person(Named, Aged):
    def __init__(self, **kwargs):
        print("  Person.__init__")
        super().__init__(**kwargs)

    def describe(self):
        return ["Person"] + super().describe()


print([c.__name__ for c in Person.__mro__])
p = Person(name="ann", age=41, extra=True)
print(p.name, p.age, p.describe())
q = Person.create(name="bob")
print(q.name, q.age)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


d = D()
print(d.who(), super(B, d).who(), super(C, d).who(), super(D, d).who())
print(D.__mro__ == (D, B, C, A, object), [k.__name__ for k in D.mro()], D.__bases__, B.__base__)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class Prop:
    @property
    def value(self):
        return 10


class PropChild(Prop):
    @property
    def value(self):
        return super().value + 1


print(PropChild().value)


class Counter:
    instances = 0

    def __new__(cls, *args, **kwargs):
        cls.instances += 1
        obj = super().__new__(cls)
        obj.created_by = cls.__name__
        return obj

    def __init__(self, start=0):
        self.n = start


class SubCounter(Counter):
    pass


c1, c2, c3 = Counter(), SubCounter(5), SubCounter()
print(Counter.instances, SubCounter.instances, c2.n, c2.created_by)
print(isinstance(c2, Counter), issubclass(SubCounter, (int, Counter)), type(c2) is SubCounter)


class Mixin:
    def greet(self):
        return f"hello from {type(self).__name__} ({self.tag()})"


class Tagged:
    def tag(self):
        return "tagged"


class Both(Mixin, Tagged):
    pass


print(Both().greet())
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)


class Explicit(B):
    def who(self):
        return "E>" + super(Explicit, self).who()


print(Explicit().who())
